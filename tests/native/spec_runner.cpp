// Runs spec fixture files through the native core: conformance against expected HTML (with a
// committed list of intended deviations) and a dump the wasm runner compares byte for byte.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "fixtures.h"
#include "html_normalize.h"
#include "json_writer.h"

namespace {

using foldmark::test::Fixture;
using foldmark::test::FixtureRun;

struct Counts {
  int passed = 0, failed = 0, skipped = 0, deviations = 0;
};

// deviations.txt: one "file.txt:LINE  reason" per line; '#' starts a comment line.
std::set<std::string> read_deviations(const std::string& path) {
  std::set<std::string> ids;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    ids.insert(line.substr(0, line.find_first_of(" \t")));
  }
  return ids;
}

void report_failure(const Fixture& f, const std::string& actual, const char* why) {
  std::cout << "FAIL " << f.id << " (" << why << ")\n--- markdown\n"
            << f.markdown << "--- expected\n"
            << f.expected << "--- actual\n"
            << actual << "---\n";
}

void check(const Fixture& f, const FixtureRun& run, const std::string& actual,
           const std::set<std::string>& deviations, Counts& counts) {
  const bool equal = run.exact ? actual == f.expected
                               : foldmark::test::normalize_html(actual) ==
                                     foldmark::test::normalize_html(f.expected);
  const bool deviation = deviations.count(f.id) != 0;
  if (equal && deviation) {
    report_failure(f, actual, "listed as a deviation but passes: remove it from deviations.txt");
    ++counts.failed;
  } else if (!equal && !deviation) {
    report_failure(f, actual, "output differs");
    ++counts.failed;
  } else if (deviation) {
    ++counts.deviations;
  } else {
    ++counts.passed;
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string deviations_path, dump_path;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--deviations" && i + 1 < argc)
      deviations_path = argv[++i];
    else if (arg == "--dump" && i + 1 < argc)
      dump_path = argv[++i];
    else
      files.push_back(arg);
  }
  const std::set<std::string> deviations = read_deviations(deviations_path);
  std::string dump;
  foldmark::detail::JsonWriter json(dump, false);
  json.begin_object();
  Counts counts;
  for (const std::string& file : files) {
    const bool own = file.find("/tests/spec/") != std::string::npos;
    const std::vector<Fixture> fixtures = foldmark::test::read_fixtures(file);
    if (fixtures.empty()) {
      std::cout << "FAIL " << file << ": no fixtures read\n";
      ++counts.failed;
    }
    for (const Fixture& f : fixtures) {
      const FixtureRun run = foldmark::test::plan_fixture(f, own);
      if (run.skip) {
        ++counts.skipped;
        continue;
      }
      const std::string actual = foldmark::test::run_fixture(f, run);
      json.key(f.id).string(actual);
      check(f, run, actual, deviations, counts);
    }
  }
  json.end_object();
  if (!dump_path.empty()) std::ofstream(dump_path, std::ios::binary) << dump << "\n";
  std::cout << "intended deviations: " << counts.deviations << " (tests/spec/deviations.txt)\n";
  std::cout << "spec: " << counts.passed << " passed, " << counts.failed << " failed, "
            << counts.skipped << " skipped\n";
  return counts.failed == 0 ? 0 : 1;
}
