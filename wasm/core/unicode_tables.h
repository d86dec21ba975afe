// Unicode lookups on packed tables (scripts/gen-unicode-tables.mjs): the slugger's classes and
// lower-casing, and md4c's punctuation and case folding, which md4c calls instead of its own tables
// (patches/md4c-0.5.2-zz-external-unicode-tables.patch).
#ifndef FOLDMARK_CORE_UNICODE_TABLES_H
#define FOLDMARK_CORE_UNICODE_TABLES_H

#include <cstdint>

namespace foldmark::detail {

// True for what a github-slugger slug keeps: letters, marks, decimal and letter numbers,
// connector punctuation (cp >= 0x80).
bool slug_keeps(std::uint32_t cp);

// JavaScript's toLowerCase of one code point, Final_Sigma aside: writes 1 or 2 code points to out
// and returns how many.
unsigned lower_case(std::uint32_t cp, std::uint32_t out[3]);

}  // namespace foldmark::detail

// md4c's questions, for code points from U+0080, answered as md4c 0.5.2's own tables would.
extern "C" {
// Whether codepoint is Unicode punctuation or a symbol (general categories P and S): 1 or 0.
int md4c_external_unicode_punct(unsigned codepoint);
// codepoint's full case folding: writes 1 to 3 code points to codepoints and returns how many.
unsigned md4c_external_unicode_fold(unsigned codepoint, unsigned codepoints[3]);
}

#endif  // FOLDMARK_CORE_UNICODE_TABLES_H
