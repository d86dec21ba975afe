// libFuzzer target over front matter + body: byte 0 picks the options, byte 1 the line ending;
// the rest, up to its first NUL, is the YAML between "---" lines and, after the NUL, the body.
// Beyond the HTML oracle it checks the front matter contract (foldmark.d.ts): meta is one JSON
// object, every warning has a line inside the file and a column from 1, and malformed front matter
// never swallows the body. tests/fuzz/front_matter.dict steers it towards the YAML subset.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "foldmark/foldmark.h"
#include "harness.h"
#include "html_oracle.h"

const char* g_foldmark_fuzz_input_name = nullptr;

namespace {

// Plain letters: no Markdown or YAML syntax, so it survives as text wherever the body puts it.
constexpr std::string_view kBodyMark = "FMFUZZBODYMARK";

[[noreturn]] void violation(const char* why, const std::string& detail) {
  foldmark_fuzz::report_violation("front matter oracle violation: " + std::string(why) + " " +
                                  detail);
}

void expect(bool ok, const char* why, const std::string& detail = "") {
  if (!ok) violation(why, detail);
}

// Bit 5 json_ld; the low bits as in harness.h.
foldmark::Options decode_options(std::uint8_t bits) {
  foldmark::Options o = foldmark_fuzz::decode_common_options(bits);
  o.json_ld = (bits & 0x20u) != 0;
  return o;
}

std::size_t count_lines(std::string_view doc) {
  std::size_t lines = 1;
  for (std::size_t i = 0; i < doc.size(); ++i) {
    if (doc[i] == '\n' || (doc[i] == '\r' && (i + 1 == doc.size() || doc[i + 1] != '\n'))) ++lines;
  }
  return lines;
}

// True when the YAML cannot end the front matter early: no "---" or "..." anywhere (a closer is
// such a line) and no CR (a line ending the harness did not choose).
bool closes_only_where_we_do(std::string_view yaml) {
  return yaml.find("---") == std::string_view::npos && yaml.find("...") == std::string_view::npos &&
         yaml.find('\r') == std::string_view::npos;
}

void check(const std::string& doc, std::string_view yaml, const foldmark::Options& o) {
  const foldmark::Article a = foldmark::render(doc, o);
  if (a.error != foldmark::ErrorCode::kNone) {
    expect(a.error == foldmark::ErrorCode::kLimit, "error other than E_LIMIT", a.error_message);
    return;
  }
  expect(foldmark_fuzz::check_json(a.meta_json).empty(), "meta is not JSON", a.meta_json);
  expect(!a.meta_json.empty() && a.meta_json.front() == '{', "meta is not an object", a.meta_json);
  expect(foldmark_fuzz::check_json(foldmark::article_to_json(a)).empty(), "Article JSON");
  const std::size_t lines = count_lines(doc);
  for (const foldmark::Warning& w : a.warnings) {
    expect(w.line >= 1 && static_cast<std::size_t>(w.line) <= lines,
           "warning line outside the file",
           std::to_string(w.line) + " of " + std::to_string(lines));
    expect(w.column >= 1, "warning column below 1", std::to_string(w.column));
    expect(!w.code.empty() && foldmark_fuzz::check_utf8(w.message).empty(), "warning text");
  }
  if (o.raw_html != foldmark::RawHtml::kTrusted) {
    expect(foldmark_fuzz::check_safe_html(a.html, nullptr).empty(), "unsafe html",
           foldmark_fuzz::check_safe_html(a.html, nullptr));
  }
  if (closes_only_where_we_do(yaml)) {
    expect(a.html.find(kBodyMark) != std::string::npos, "the body was swallowed");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const foldmark::Options o = decode_options(data[0]);
  static const char* const kEols[] = {"\n", "\r\n", "\r", "\n"};
  const std::string eol = kEols[data[1] & 3u];
  const std::string_view rest(reinterpret_cast<const char*>(data + 2), size - 2);
  const std::size_t nul = std::min(rest.find('\0'), rest.size());
  const std::string_view yaml = rest.substr(0, nul);
  const std::string_view body = nul < rest.size() ? rest.substr(nul + 1) : std::string_view();
  std::string doc = "---" + eol;
  doc.append(yaml);
  doc += eol + "---" + eol;
  doc.append(kBodyMark);
  doc += eol + eol;
  doc.append(body);
  check(doc, yaml, o);
  return 0;
}
