// Orchestration, the pipeline in order: BOM → UTF-8 repair → front matter (render only) → the
// body (renderer.h: line stages, then md4c) → title, TOC and Q/A layout (qa_sections.h).
#include <algorithm>
#include <cstdint>
#include <string>

#include "contract.inc"
#include "escape.h"
#include "foldmark/foldmark.h"
#include "front_matter.h"
#include "json_writer.h"
#include "limit_messages.h"
#include "line_stages.h"
#include "pod_vector.h"
#include "qa_sections.h"
#include "renderer.h"
#include "utf8.h"

namespace foldmark {

const char* const kVersion = FOLDMARK_VERSION;
const char* const kMd4cVersion = FOLDMARK_MD4C_VERSION;

// The public header documents its limits and codes in place; they must be the contract's.
static_assert(kMaxInputBytes == contract::kMaxInputBytes, "wasm/contract.json: maxInputBytes");
static_assert(kMaxSlugBytes == contract::kMaxSlugBytes, "wasm/contract.json: maxSlugBytes");
static_assert(kOutputFactor == contract::kOutputFactor &&
                  kOutputSlackBytes == contract::kOutputSlackBytes &&
                  kMaxOutputBytes == contract::kMaxOutputBytes,
              "wasm/contract.json: the output budget");
static_assert(static_cast<int>(ErrorCode::kInput) == contract::kErrorInput &&
                  static_cast<int>(ErrorCode::kLimit) == contract::kErrorLimit &&
                  static_cast<int>(ErrorCode::kInternal) == contract::kErrorInternal,
              "wasm/contract.json: errors");

namespace {

using detail::BodyHtml;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// The input as md4c will see it: no BOM, well-formed UTF-8 (copied only when repair is needed;
// not checked when the caller vouches for it).
struct CleanInput {
  std::string repaired;
  std::string_view text;
};

CleanInput clean_input(std::string_view markdown, bool known_valid) {
  CleanInput in;
  if (markdown.substr(0, kBom.size()) == kBom) markdown.remove_prefix(kBom.size());
  if (known_valid || detail::valid_utf8_prefix(markdown) == markdown.size()) {
    in.text = markdown;
  } else {
    in.repaired = detail::repair_utf8(markdown);
    in.text = in.repaired;
  }
  return in;
}

std::size_t output_budget(std::size_t input_size) {
  return std::min(kMaxOutputBytes, kOutputFactor * input_size + kOutputSlackBytes);
}

// See kContainerWorkFactor. survey_lines added the work up in the walk that also answers the
// line stages' gate. The error names the line in the whole file, where text starts at first_line.
bool container_work_too_large(std::string_view text, int first_line,
                              const detail::LineSurvey& survey, ErrorCode& error,
                              std::string& message) {
  if (survey.over_budget_at == std::string_view::npos) return false;
  const auto before = text.begin() + static_cast<std::ptrdiff_t>(survey.over_budget_at);
  error = ErrorCode::kLimit;
  message = detail::container_work_message(
      static_cast<std::size_t>(std::count(text.begin(), before, '\n') + first_line));
  return true;
}

detail::LineSurvey survey(std::string_view body, const Options& options) {
  return detail::survey_lines(body, options.mdx,
                              kContainerWorkFactor * body.size() + kContainerWorkSlack);
}

bool input_too_large(std::string_view markdown, ErrorCode& error, std::string& message) {
  if (markdown.size() <= kMaxInputBytes) return false;
  error = ErrorCode::kLimit;
  message = detail::input_size_message(markdown.size());
  return true;
}

// The first top-level h1 when it opens the body: it is the article's title, not a section.
bool leading_h1(const BodyHtml& body) {
  return !body.headings.empty() && body.headings[0].level == 1 && body.headings[0].begin == 0;
}

std::string first_h1_text(const BodyHtml& body) {
  for (const auto& h : body.headings) {
    if (h.level == 1) return h.text;
  }
  return "";
}

// The title heading: the body's opening h1 itself, or one made from meta.title. A title taken
// from a later h1 is not repeated: that h1 already shows it where the author put it.
void write_title(detail::OutBuffer& out, const BodyHtml& body, bool from_body,
                 const std::string& title) {
  if (from_body) {
    const auto& h = body.headings[0];
    out.append("<h1 class=\"fm-title\"");
    // Keeps its id and inner HTML.
    out.append(std::string_view(body.html).substr(h.begin + 3, h.end - h.begin - 3));
  } else if (!title.empty()) {
    out.append("<h1 class=\"fm-title\">");
    detail::escape_html(out, title);
    out.append("</h1>\n");
  }
}

// Fills a with the error for an article whose HTML (and JSON-LD) would pass the budget.
void over_budget(Article& a, std::size_t budget) {
  a = Article();
  a.error = ErrorCode::kLimit;
  a.error_message = detail::output_budget_message(budget);
}

}  // namespace

HtmlResult to_html(std::string_view markdown, const Options& options) {
  HtmlResult result;
  if (input_too_large(markdown, result.error, result.error_message)) return result;
  const CleanInput in = clean_input(markdown, options.input_is_valid_utf8);
  const detail::LineSurvey lines = survey(in.text, options);
  if (container_work_too_large(in.text, 1, lines, result.error, result.error_message))
    return result;
  BodyHtml body =
      detail::render_body(in.text, options, false, output_budget(in.text.size()), 1, lines);
  result.error = body.error;
  result.error_message = std::move(body.error_message);
  result.html = std::move(body.html);
  result.code_json = std::move(body.code_json);
  return result;
}

Article render(std::string_view markdown, const Options& options) {
  Article a;
  if (input_too_large(markdown, a.error, a.error_message)) return a;
  const CleanInput in = clean_input(markdown, options.input_is_valid_utf8);
  detail::FrontMatter fm = detail::parse_front_matter(in.text);
  a.warnings = std::move(fm.warnings);
  a.meta_json = std::move(fm.meta_json);
  const std::string_view body_text = in.text.substr(fm.body_offset);
  const std::string_view head = in.text.substr(0, fm.body_offset);
  const int first_line = 1 + static_cast<int>(std::count(head.begin(), head.end(), '\n'));
  const detail::LineSurvey lines = survey(body_text, options);
  if (container_work_too_large(body_text, first_line, lines, a.error, a.error_message)) return a;
  BodyHtml body = detail::render_body(body_text, options, true, output_budget(in.text.size()),
                                      first_line, lines);
  if (body.error != ErrorCode::kNone) {
    a.error = body.error;
    a.error_message = std::move(body.error_message);
    return a;
  }
  for (Warning& w : body.warnings) detail::push_back_out_of_line(a.warnings, std::move(w));
  a.code_json = std::move(body.code_json);
  const bool title_from_body = leading_h1(body) && !fm.hide_title;
  a.title = !fm.title.empty() ? fm.title : first_h1_text(body);
  const std::size_t first = title_from_body ? 1 : 0;
  // Sized once and filled in place: no growth path for TocEntry in the module.
  a.toc = std::vector<TocEntry>(body.headings.size() - first);
  for (std::size_t i = first; i < body.headings.size(); ++i) {
    const auto& h = body.headings[i];
    TocEntry& t = a.toc[i - first];
    t.level = static_cast<int>(h.level);
    t.text = h.text;
    if (!h.id.empty()) t.id = options.id_prefix + h.id;
  }
  // The article and its JSON-LD share the body's budget: the <details> wrapping adds about 80
  // bytes to each item, and the JSON-LD repeats every answer, escaped.
  const std::size_t budget = output_budget(in.text.size());
  detail::OutBuffer out(budget);
  out.reserve(body.html.size() + 256 + 64 * body.headings.size());
  out.append("<article class=\"fm-article\">\n");
  if (!fm.hide_title) write_title(out, body, title_from_body, fm.title);
  const std::size_t body_begin = title_from_body ? body.headings[0].end : 0;
  detail::QaLayout layout = detail::write_qa_layout(body, body_begin, first, options, out);
  out.append("</article>\n");
  const std::size_t json_ld_size = layout.faq.empty() ? 0 : detail::faq_size(layout.faq);
  if (out.exhausted() || json_ld_size > out.room()) {
    over_budget(a, budget);
    return a;
  }
  if (json_ld_size > 0) a.json_ld = detail::faq_json_ld(layout.faq, json_ld_size);
  a.html = out.take();
  a.questions = std::move(layout.questions);
  return a;
}

namespace {

void write_article(detail::JsonWriter& json, const Article& a, bool with_bodies) {
  json.begin_object();
  json.key("meta").raw(a.meta_json);
  json.key("title").string(a.title);
  if (with_bodies) json.key("html").string(a.html);
  json.key("toc").begin_array();
  for (const auto& t : a.toc) {
    json.begin_object().key("level").number(t.level).key("text").string(t.text);
    json.key("id").string(t.id).end_object();
  }
  json.end_array().key("questions").begin_array();
  for (const auto& q : a.questions) {
    json.begin_object().key("id").string(q.id).key("text").string(q.text).end_object();
  }
  json.end_array().key("warnings").begin_array();
  for (const auto& w : a.warnings) {
    json.begin_object().key("line").number(w.line).key("column").number(w.column);
    json.key("code").string(w.code).key("message").string(w.message).end_object();
  }
  json.end_array();
  if (with_bodies) json.key("jsonLd").string(a.json_ld);
  json.end_object();
}

}  // namespace

std::string article_to_json(const Article& a) {
  std::string out;
  out.reserve(a.html.size() + a.json_ld.size() + a.meta_json.size() + 256);
  detail::JsonWriter json(out, false);
  write_article(json, a, true);
  return out;
}

std::string article_fields_json(const Article& a) {
  std::string out;
  detail::JsonWriter json(out, false);
  write_article(json, a, false);
  return out;
}

}  // namespace foldmark
