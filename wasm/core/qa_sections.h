// The question/answer layout: which top-level sections become <details> items, and the
// assembly of intro, items and epilogue around the rendered body.
#ifndef FOLDMARK_CORE_QA_SECTIONS_H
#define FOLDMARK_CORE_QA_SECTIONS_H

#include <cstddef>
#include <string>
#include <vector>

#include "foldmark/foldmark.h"
#include "renderer.h"

namespace foldmark::detail {

struct QaLayout {
  std::vector<Question> questions;
  std::string json_ld;  // FAQPage for the question items, "" when there are none
};

// Appends the body (from byte body_begin, skipping headings before first_heading, which the
// caller used as the title) to out in the layout options.collapse asks for:
//  - the Q/A level is the smallest level among the remaining top-level headings;
//  - each heading at that level starts a section that runs to the next one; deeper headings stay
//    inside the answer as plain headings (nested sections do not fold, whatever level is skipped);
//  - content before the first such heading is the intro (<div class="fm-intro">);
//  - the first top-level thematic break after the last such heading starts the epilogue
//    (<div class="fm-epilogue">), which no item swallows.
QaLayout write_qa_layout(const BodyHtml& body, std::size_t body_begin, std::size_t first_heading,
                         const Options& options, std::string& out);

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_QA_SECTIONS_H
