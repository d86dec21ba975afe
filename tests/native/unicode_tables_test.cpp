// The packed Unicode tables answer for every code point what they were packed from says: the
// slugger's the plain arrays scripts/gen-unicode-tables.mjs writes beside them, md4c's md4c's own
// lookups (md4c_unicode_own.c) through md4c's patched ones (md4c_unicode_external.c).
#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>

#include "unicode_tables.h"

extern "C" {
int own_md4c_whitespace(unsigned codepoint);
int own_md4c_punct(unsigned codepoint);
unsigned own_md4c_fold(unsigned codepoint, unsigned codepoints[3]);
int external_md4c_whitespace(unsigned codepoint);
int external_md4c_punct(unsigned codepoint);
unsigned external_md4c_fold(unsigned codepoint, unsigned codepoints[3]);
}

namespace foldmark::detail {
namespace {

struct PlainRange {
  std::uint32_t lo, hi;
};
struct PlainMapping {
  std::uint32_t cp;
  unsigned n;
  std::uint32_t to[3];
};

#include "unicode_tables_plain.inc"

constexpr std::uint32_t kLastCodePoint = 0x10FFFF;

TEST(UnicodeTables, SlugKeepsExactlyThePlainRanges) {
  const PlainRange* range = std::begin(kPlainSlugKeep);
  std::uint32_t mismatches = 0;
  for (std::uint32_t cp = 0x80; cp <= kLastCodePoint; ++cp) {
    while (range != std::end(kPlainSlugKeep) && range->hi < cp) ++range;
    const bool expected = range != std::end(kPlainSlugKeep) && range->lo <= cp;
    if (slug_keeps(cp) != expected && ++mismatches <= 10) ADD_FAILURE() << "U+" << std::hex << cp;
  }
  EXPECT_EQ(mismatches, 0u);
}

TEST(UnicodeTables, LowerCaseMapsExactlyThePlainMappings) {
  const PlainMapping* mapping = std::begin(kPlainLower);
  std::uint32_t mismatches = 0;
  for (std::uint32_t cp = 0; cp <= kLastCodePoint; ++cp) {
    while (mapping != std::end(kPlainLower) && mapping->cp < cp) ++mapping;
    PlainMapping expected{cp, 1, {cp >= 'A' && cp <= 'Z' ? cp + 32 : cp}};
    if (mapping != std::end(kPlainLower) && mapping->cp == cp) expected = *mapping;
    std::uint32_t got[3] = {};
    const unsigned n = lower_case(cp, got);
    bool same = n == expected.n;
    for (unsigned k = 0; same && k < n; ++k) same = got[k] == expected.to[k];
    if (!same && ++mismatches <= 10) ADD_FAILURE() << "U+" << std::hex << cp;
  }
  EXPECT_EQ(mismatches, 0u);
}

// Surrogates included: md4c decodes them from (invalid) UTF-8 like any other code point. So are
// values past U+10FFFF up to 0x1FFFFF, which a 4-byte sequence can spell.
constexpr unsigned kLastEncodable = 0x1FFFFF;

TEST(UnicodeTables, Md4cWhitespaceAndPunctuationAnswerAsMd4cOwn) {
  std::uint32_t mismatches = 0;
  for (unsigned cp = 0; cp <= kLastEncodable; ++cp) {
    const bool same = (own_md4c_whitespace(cp) != 0) == (external_md4c_whitespace(cp) != 0) &&
                      (own_md4c_punct(cp) != 0) == (external_md4c_punct(cp) != 0);
    if (!same && ++mismatches <= 10) ADD_FAILURE() << "U+" << std::hex << cp;
  }
  EXPECT_EQ(mismatches, 0u);
}

TEST(UnicodeTables, Md4cCaseFoldingAnswersAsMd4cOwn) {
  std::uint32_t mismatches = 0;
  for (unsigned cp = 0; cp <= kLastEncodable; ++cp) {
    unsigned own[3] = {}, external[3] = {};
    const unsigned n = own_md4c_fold(cp, own);
    bool same = external_md4c_fold(cp, external) == n;
    for (unsigned k = 0; same && k < n; ++k) same = own[k] == external[k];
    if (!same && ++mismatches <= 10) ADD_FAILURE() << "U+" << std::hex << cp;
  }
  EXPECT_EQ(mismatches, 0u);
}

// The test above passes trivially if both sides are md4c's own code (say, an unpatched md4c).
TEST(UnicodeTables, Md4cAsksThePackedTables) {
  unsigned folded[3] = {};
  EXPECT_EQ(md4c_external_unicode_fold(0x1E9E, folded), 2u);  // ẞ → ss
  EXPECT_EQ(folded[0], 's');
  EXPECT_EQ(md4c_external_unicode_punct(0x2014), 1);  // em dash
  EXPECT_EQ(md4c_external_unicode_punct(0x4E00), 0);
}

}  // namespace
}  // namespace foldmark::detail
