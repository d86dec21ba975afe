// Fixture parsing and the flag vocabulary; tests/node/fixtures.mjs is its JavaScript twin and
// must stay in step with it (both runners must plan every fixture the same way).
#include "fixtures.h"

#include <fstream>
#include <sstream>

namespace foldmark::test {
namespace {

const std::string kFence(32, '`');

std::string tabs(std::string s) {
  const std::string arrow = "\xE2\x86\x92";  // → stands for a TAB in spec files
  for (std::size_t p = s.find(arrow); p != std::string::npos; p = s.find(arrow, p + 1))
    s.replace(p, 3, "\t");
  return s;
}

std::string base_name(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::vector<Fixture> read_fixtures(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<Fixture> out;
  std::string line;
  int number = 0, state = 0;  // 0 prose, 1 markdown, 2 html, 3 flags
  Fixture f;
  while (std::getline(in, line)) {
    ++number;
    if (state == 0 && line.rfind(kFence + " example", 0) == 0) {
      f = Fixture{};
      f.id = base_name(path) + ":" + std::to_string(number);
      state = 1;
    } else if (state > 0 && line == kFence) {
      f.markdown = tabs(f.markdown);
      f.expected = tabs(f.expected);
      out.push_back(f);
      state = 0;
    } else if (state > 0 && line == ".") {
      ++state;
    } else if (state == 1) {
      f.markdown += line + "\n";
    } else if (state == 2) {
      f.expected += line + "\n";
    } else if (state == 3) {
      std::istringstream words(line);
      for (std::string w; words >> w;) f.flags.push_back(w);
    }
  }
  return out;
}

FixtureRun plan_fixture(const Fixture& f, bool own_file) {
  FixtureRun run;
  if (!own_file) {
    run.options.raw_html = RawHtml::kTrusted;
    run.options.gfm = false;
    run.options.heading_ids = false;
  }
  run.exact = own_file;
  for (const std::string& flag : f.flags) {
    if (flag == "--ftables" || flag == "--fstrikethrough" || flag == "--ftasklists" ||
        flag == "--fpermissive-url-autolinks" || flag == "--fpermissive-www-autolinks" ||
        flag == "--fpermissive-email-autolinks" || flag == "--gfm") {
      run.options.gfm = true;
    } else if (flag == "--no-gfm") {
      run.options.gfm = false;
    } else if (flag == "--raw-html") {
      run.options.raw_html = RawHtml::kTrusted;
    } else if (flag == "--raw-html=safe") {
      run.options.raw_html = RawHtml::kSafe;
    } else if (flag == "--no-heading-ids") {
      run.options.heading_ids = false;
    } else if (flag == "--mdx") {
      run.options.mdx = true;
    } else if (flag == "--math") {
      run.options.math = true;
    } else if (flag.rfind("--id-prefix=", 0) == 0) {
      run.options.id_prefix = flag.substr(12);
    } else if (flag == "--collapse=sections") {
      run.options.collapse = Collapse::kSections;
    } else if (flag == "--collapse=questions") {
      run.options.collapse = Collapse::kQuestions;
    } else if (flag == "--collapse=none") {
      run.options.collapse = Collapse::kNone;
    } else if (flag == "--render") {
      run.mode = FixtureRun::Mode::kRender;
    } else if (flag == "--render-json") {
      run.mode = FixtureRun::Mode::kRenderJson;
    } else {
      run.skip = true;  // an md4c extension foldmark does not enable
    }
  }
  return run;
}

std::string run_fixture(const Fixture& f, const FixtureRun& run) {
  switch (run.mode) {
    case FixtureRun::Mode::kHtml: {
      HtmlResult r = to_html(f.markdown, run.options);
      return r.error == ErrorCode::kNone ? r.html : "ERROR: " + r.error_message + "\n";
    }
    case FixtureRun::Mode::kRender: {
      Article a = render(f.markdown, run.options);
      return a.error == ErrorCode::kNone ? a.html : "ERROR: " + a.error_message + "\n";
    }
    case FixtureRun::Mode::kRenderJson:
      return article_to_json(render(f.markdown, run.options)) + "\n";
  }
  return "";
}

}  // namespace foldmark::test
