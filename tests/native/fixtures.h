// Reads spec-style fixture files (md4c's and CommonMark's format) shared by the native and wasm
// runners: ```` example / markdown / . / html [/ . / flags] / ````.
#ifndef FOLDMARK_TESTS_FIXTURES_H
#define FOLDMARK_TESTS_FIXTURES_H

#include <string>
#include <vector>

#include "foldmark/foldmark.h"

namespace foldmark::test {

struct Fixture {
  std::string id;  // "file.txt:LINE", the line of the opening fence
  std::string markdown, expected;
  std::vector<std::string> flags;
};

std::vector<Fixture> read_fixtures(const std::string& path);

// How a fixture runs, from its flags and the file's defaults (md4c files: raw HTML on, GFM and
// heading ids off; foldmark's own files: the API defaults). skip is set for md4c extensions we
// do not enable (wiki links, LaTeX, underline, ...).
struct FixtureRun {
  Options options;
  enum class Mode { kHtml, kRender, kRenderJson } mode = Mode::kHtml;
  bool exact = false;  // compare byte for byte instead of normalised
  bool skip = false;
};

FixtureRun plan_fixture(const Fixture& f, bool own_file);
std::string run_fixture(const Fixture& f, const FixtureRun& run);

}  // namespace foldmark::test

#endif  // FOLDMARK_TESTS_FIXTURES_H
