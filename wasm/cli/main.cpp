// The native command line: renders one file with the same core as the wasm module (for tests,
// fuzz reproduction and the benchmark's native reference).
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "foldmark/foldmark.h"

namespace {

constexpr const char* kUsage =
    "usage: foldmark html|render FILE [--json] [--raw-html[=safe]] [--no-gfm] [--no-heading-ids] "
    "[--mdx] [--math]\n"
    "                [--collapse=sections|questions|none] [--id-prefix=P] [--repeat=N]\n"
    "                [--valid-utf8]  (FILE is known to be well-formed UTF-8: not checked)\n";

struct Args {
  std::string command, file;
  bool json = false;
  int repeat = 1;
  foldmark::Options options;
};

bool parse_collapse(const std::string& v, foldmark::Collapse& out) {
  if (v == "sections")
    out = foldmark::Collapse::kSections;
  else if (v == "questions")
    out = foldmark::Collapse::kQuestions;
  else if (v == "none")
    out = foldmark::Collapse::kNone;
  else
    return false;
  return true;
}

bool parse_args(int argc, char** argv, Args& a) {
  if (argc < 3) return false;
  a.command = argv[1];
  a.file = argv[2];
  if (a.command != "html" && a.command != "render") return false;
  for (int i = 3; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--json")
      a.json = true;
    else if (arg == "--raw-html")
      a.options.raw_html = foldmark::RawHtml::kTrusted;
    else if (arg == "--raw-html=safe")
      a.options.raw_html = foldmark::RawHtml::kSafe;
    else if (arg == "--no-gfm")
      a.options.gfm = false;
    else if (arg == "--no-heading-ids")
      a.options.heading_ids = false;
    else if (arg == "--mdx")
      a.options.mdx = true;
    else if (arg == "--math")
      a.options.math = true;
    else if (arg == "--valid-utf8")
      a.options.input_is_valid_utf8 = true;
    else if (arg.rfind("--collapse=", 0) == 0) {
      if (!parse_collapse(arg.substr(11), a.options.collapse)) return false;
    } else if (arg.rfind("--id-prefix=", 0) == 0)
      a.options.id_prefix = arg.substr(12);
    else if (arg.rfind("--repeat=", 0) == 0)
      a.repeat = std::max(1, std::atoi(arg.c_str() + 9));
    else
      return false;
  }
  return true;
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  if (!parse_args(argc, argv, a)) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  std::string input;
  if (!read_file(a.file, input)) {
    std::fprintf(stderr, "foldmark: %s: cannot read file\n", a.file.c_str());
    return 1;
  }
  std::string output;
  foldmark::ErrorCode error = foldmark::ErrorCode::kNone;
  std::string message;
  for (int i = 0; i < a.repeat; ++i) {  // --repeat lets the benchmark time the core alone
    if (a.command == "html") {
      foldmark::HtmlResult r = foldmark::to_html(input, a.options);
      error = r.error;
      message = std::move(r.error_message);
      output = std::move(r.html);
    } else {
      foldmark::Article r = foldmark::render(input, a.options);
      error = r.error;
      message = std::move(r.error_message);
      output = a.json ? foldmark::article_to_json(r) + "\n" : std::move(r.html);
      for (const auto& w : r.warnings) {
        if (i == 0)
          std::fprintf(stderr, "%s:%d:%d: warning: %s\n", a.file.c_str(), w.line, w.column,
                       w.message.c_str());
      }
    }
  }
  if (error != foldmark::ErrorCode::kNone) {
    std::fprintf(stderr, "foldmark: %s: %s\n", a.file.c_str(), message.c_str());
    return 1;
  }
  std::fwrite(output.data(), 1, output.size(), stdout);
  return 0;
}
