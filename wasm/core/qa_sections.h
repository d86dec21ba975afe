// The question/answer layout: which top-level sections become <details> items, and the
// assembly of intro, items and epilogue around the rendered body.
#ifndef FOLDMARK_CORE_QA_SECTIONS_H
#define FOLDMARK_CORE_QA_SECTIONS_H

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "foldmark/foldmark.h"
#include "out_buffer.h"
#include "pod_vector.h"
#include "renderer.h"

namespace foldmark::detail {

// A question item of the FAQPage: its heading's text and its answer's HTML (views into the
// BodyHtml the layout was written from).
struct FaqEntry {
  std::string_view name;
  std::string_view answer;
};

struct QaLayout {
  std::vector<Question> questions;
  PodVector<FaqEntry> faq;  // with options.json_ld only
};

// Appends the body (from byte body_begin, skipping headings before first_heading, which the
// caller used as the title) to out in the layout options.collapse asks for:
//  - the Q/A level is the smallest level among the remaining top-level headings;
//  - each heading at that level starts a section that runs to the next one; deeper headings stay
//    inside the answer as plain headings (nested sections do not fold, whatever level is skipped);
//  - content before the first such heading is the intro (<div class="fm-intro">);
//  - the first top-level thematic break after the last such heading starts the epilogue
//    (<div class="fm-epilogue">), which no item swallows.
// An HTML past out's budget shows as out.exhausted().
QaLayout write_qa_layout(const BodyHtml& body, std::size_t body_begin, std::size_t first_heading,
                         const Options& options, OutBuffer& out);

// The exact size in bytes of the entries' schema.org FAQPage JSON-LD, and the JSON-LD itself
// (script-safe) given that size. The caller checks the size against its budget first: the
// JSON-LD repeats every answer, and escaping can make it six times as long ("&" → "\u0026amp;").
std::size_t faq_size(const PodVector<FaqEntry>& entries);
std::string faq_json_ld(const PodVector<FaqEntry>& entries, std::size_t size);

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_QA_SECTIONS_H
