// libFuzzer target over render() and to_html(): byte 0 picks the options, the rest is the document
// (front matter + body). Every output goes through the oracle; a violation traps.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <set>
#include <string>

#include "foldmark/foldmark.h"
#include "harness.h"
#include "html_oracle.h"

// Set by the replay main so a violation names the input file; libFuzzer prints its own.
const char* g_foldmark_fuzz_input_name = nullptr;

namespace {

using foldmark::ErrorCode;
using foldmark_fuzz::check_json;
using foldmark_fuzz::check_safe_html;
using foldmark_fuzz::check_utf8;

[[noreturn]] void violation(const char* where, const std::string& why) {
  foldmark_fuzz::report_violation("oracle violation in " + std::string(where) + ": " + why);
}

void expect(bool ok, const char* where, const char* why) {
  if (!ok) violation(where, why);
}

void expect_ok(const char* where, const std::string& why) {
  if (!why.empty()) violation(where, why);
}

// Option byte: bit 0 raw HTML as elements (bit 6 set: trusted, clear: 'safe'; bit 0 clear: text),
// 1 gfm, 2 heading_ids, 3-4 collapse, 5-6 id_prefix, 7 BOM; mdx shares bit 5 (off with the "fm-"
// and "p.x_" prefixes), so both modes meet every input.
foldmark::Options decode_options(std::uint8_t bits) {
  static const char* const kPrefixes[] = {"", "fm-", "doc:", "p.x_"};
  foldmark::Options o = foldmark_fuzz::decode_common_options(bits);
  o.id_prefix = kPrefixes[(bits >> 5) & 3u];
  o.mdx = (bits & 0x20u) == 0;
  return o;
}

// Errors are values: only the documented limit can stop a call, and then html is empty.
void check_error(const char* where, ErrorCode error, const std::string& message,
                 const std::string& html) {
  if (error == ErrorCode::kNone) return;
  expect(error == ErrorCode::kLimit, where, "error other than E_LIMIT");
  expect(html.empty(), where, "html not empty on error");
  expect(!message.empty(), where, "error without a message");
  expect_ok(where, check_utf8(message));
}

// The oracle for the mode: trusted output is only checked for UTF-8.
std::string check_html(const std::string& html, foldmark_fuzz::HtmlFacts* facts,
                       const foldmark::Options& o) {
  switch (o.raw_html) {
    case foldmark::RawHtml::kTrusted: return check_utf8(html);
    case foldmark::RawHtml::kSafe: return foldmark_fuzz::check_sanitized_html(html, facts);
    case foldmark::RawHtml::kText: break;
  }
  return check_safe_html(html, facts);
}

void check_to_html(const std::string& doc, const foldmark::Options& o) {
  const foldmark::HtmlResult r = foldmark::to_html(doc, o);
  check_error("to_html", r.error, r.error_message, r.html);
  if (r.error != ErrorCode::kNone) return;
  expect_ok("to_html", check_html(r.html, nullptr, o));
}

// Every id the Article names (TOC, questions) must exist in the html exactly once.
void check_ids(const foldmark::Article& a, const foldmark_fuzz::HtmlFacts& facts,
               const foldmark::Options& o) {
  const std::set<std::string> ids(facts.ids.begin(), facts.ids.end());
  if (!o.heading_ids) {
    expect(ids.empty(), "render", "id attribute with heading_ids off");
    return;
  }
  for (const auto& t : a.toc) expect(ids.count(t.id) == 1, "render", "TOC id missing from html");
  for (const auto& q : a.questions)
    expect(ids.count(q.id) == 1, "render", "question id missing from html");
  for (const auto& id : facts.ids) {
    expect(id.compare(0, o.id_prefix.size(), o.id_prefix) == 0, "render", "id without the prefix");
  }
  if (o.collapse == foldmark::Collapse::kNone)
    expect(facts.details == 0, "render", "<details> with collapse none");
}

void check_render(const std::string& doc, const foldmark::Options& o) {
  const foldmark::Article a = foldmark::render(doc, o);
  check_error("render", a.error, a.error_message, a.html);
  if (a.error != ErrorCode::kNone) return;
  if (o.raw_html == foldmark::RawHtml::kTrusted) {
    expect_ok("render html", check_utf8(a.html));
  } else {
    foldmark_fuzz::HtmlFacts facts;
    expect_ok("render html", check_html(a.html, &facts, o));
    if (o.raw_html == foldmark::RawHtml::kText) check_ids(a, facts, o);
  }
  const std::string json = foldmark::article_to_json(a);
  expect_ok("article_to_json", check_json(json));
  expect_ok("meta_json", check_json(a.meta_json));
  if (!a.json_ld.empty()) {
    expect(a.json_ld.find('<') == std::string::npos, "json_ld", "'<' in JSON-LD");
    expect_ok("json_ld", check_json(a.json_ld));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const foldmark::Options o = decode_options(data[0]);
  std::string doc = (data[0] & 0x80u) != 0 ? "\xEF\xBB\xBF" : "";
  doc.append(reinterpret_cast<const char*>(data + 1), size - 1);
  check_to_html(doc, o);
  check_render(doc, o);
  return 0;
}
