// What both libFuzzer targets share: how a violation is reported (naming the replayed input, then
// a trap libFuzzer catches) and the meaning of the option byte's low bits.
#ifndef FOLDMARK_TESTS_FUZZ_HARNESS_H
#define FOLDMARK_TESTS_FUZZ_HARNESS_H

#include <cstdint>
#include <cstdio>
#include <string>

#include "foldmark/foldmark.h"

// Set by the replay main so a violation names the input file; libFuzzer prints its own.
extern const char* g_foldmark_fuzz_input_name;

namespace foldmark_fuzz {

[[noreturn]] inline void report_violation(const std::string& what) {
  std::fprintf(stderr, "\nfoldmark %s\n", what.c_str());
  if (g_foldmark_fuzz_input_name != nullptr)
    std::fprintf(stderr, "input: %s\n", g_foldmark_fuzz_input_name);
  std::fflush(stderr);
  __builtin_trap();
}

// Bits 0-4 of the option byte: 0 raw HTML as elements (then bit 6 set: trusted, clear: safe),
// 1 gfm, 2 heading_ids, 3-4 collapse. Each target gives the higher bits its own meaning.
inline foldmark::Options decode_common_options(std::uint8_t bits) {
  foldmark::Options o;
  o.raw_html = (bits & 1u) == 0      ? foldmark::RawHtml::kText
               : (bits & 0x40u) != 0 ? foldmark::RawHtml::kTrusted
                                     : foldmark::RawHtml::kSafe;
  o.gfm = (bits & 2u) != 0;
  o.heading_ids = (bits & 4u) != 0;
  const unsigned collapse = (bits >> 3) & 3u;
  o.collapse = collapse == 1   ? foldmark::Collapse::kQuestions
               : collapse == 2 ? foldmark::Collapse::kNone
                               : foldmark::Collapse::kSections;
  return o;
}

}  // namespace foldmark_fuzz

#endif  // FOLDMARK_TESTS_FUZZ_HARNESS_H
