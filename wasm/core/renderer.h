// The body pipeline: line stages → md4c callbacks → HTML body, plus the structure (top-level
// headings and rules) the article layout needs.
#ifndef FOLDMARK_CORE_RENDERER_H
#define FOLDMARK_CORE_RENDERER_H

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "foldmark/foldmark.h"
#include "pod_vector.h"

namespace foldmark::detail {

// A heading that is a direct child of the document. [begin, end) is its HTML in BodyHtml::html,
// from "<hN" to the newline after "</hN>"; the inner HTML starts at inner_begin.
struct BodyHeading {
  unsigned level = 0;
  std::size_t begin = 0, inner_begin = 0, inner_end = 0, end = 0;
  std::string text;  // plain text: markup stripped, references decoded
  std::string id;    // without id_prefix; "" when heading_ids is off
};

struct BodyHtml {
  ErrorCode error = ErrorCode::kNone;
  std::string error_message;
  std::string html;
  std::vector<BodyHeading> headings;
  struct Rule {
    std::size_t begin, end;
  };
  PodVector<Rule> rules;          // top-level <hr>
  std::vector<Warning> warnings;  // from the line stages and the renderer, in the whole file
  std::string code_json;          // Options::code_slots: the code blocks as a JSON array
};

// Heading text kept for the TOC and slugs; longer headings keep their first bytes only.
constexpr std::size_t kMaxHeadingTextBytes = 4096;

// Renders well-formed UTF-8 markdown: runs the line stages (line_stages.h) on it, then md4c.
// article_mode adds what only render() wants: reader-question blockquotes are marked.
// output_budget bounds html.size() (ErrorCode::kLimit past it). first_line is the markdown's
// first line in the whole file, for warnings. survey is survey_lines' answer for markdown.
struct LineSurvey;  // line_stages.h

BodyHtml render_body(std::string_view markdown, const Options& options, bool article_mode,
                     std::size_t output_budget, int first_line, const LineSurvey& survey);

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_RENDERER_H
