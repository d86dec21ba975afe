// Decodes the packed Unicode tables (layout: scripts/unicode-packing.mjs): the entries of cp's
// window (one load), or of its block (a binary search over the blocks' first code points), then
// LEB128 entries up to cp.
#include "unicode_tables.h"

#include <algorithm>
#include <cstddef>
#include <type_traits>

namespace foldmark::detail {
namespace {

struct PackedTable {
  const std::uint8_t* bytes;
  std::size_t size;
  const std::uint16_t* offsets;  // where each window (and one past the last) or block starts
  const std::uint32_t* firsts;   // blocks: each one's first code point; windows: null
  std::size_t count;             // windows or blocks
  unsigned bits;                 // windows: each holds 2^bits code points
};

#include "unicode_tables.inc"

std::uint32_t read_number(const std::uint8_t*& p) {
  std::uint32_t v = *p++;
  if (v < 0x80) return v;  // most numbers: gaps, lengths and shapes are small
  v &= 0x7F;
  for (int shift = 7;; shift += 7) {
    const std::uint8_t b = *p++;
    v |= static_cast<std::uint32_t>(b & 0x7F) << shift;
    if (b < 0x80) return v;
  }
}

void skip_number(const std::uint8_t*& p) {
  while (*p++ >= 0x80) {
  }
}

// The entries that can hold cp, as [begin, end) bytes, with the code point the first one is
// measured from; false when there are none.
bool find_entries(const PackedTable& table, std::uint32_t cp, const std::uint8_t*& begin,
                  const std::uint8_t*& end, std::uint32_t& next) {
  if (table.firsts == nullptr) {
    const std::uint32_t window = cp >> table.bits;
    if (window >= table.count) return false;
    begin = table.bytes + table.offsets[window];
    end = table.bytes + table.offsets[window + 1];
    next = window << table.bits;
    return true;
  }
  const std::uint32_t* const firsts_end = table.firsts + table.count;
  const std::uint32_t* const block = std::upper_bound(table.firsts, firsts_end, cp);
  if (block == table.firsts) return false;
  const std::size_t b = static_cast<std::size_t>(block - table.firsts) - 1;
  begin = table.bytes + table.offsets[b];
  end = block == firsts_end ? table.bytes + table.size : table.bytes + table.offsets[b + 1];
  next = table.firsts[b];
  return true;
}

bool in_ranges(const PackedTable& table, std::uint32_t cp) {
  const std::uint8_t* p;
  const std::uint8_t* end;
  std::uint32_t next;
  if (!find_entries(table, cp, p, end, next)) return false;
  while (p < end) {
    const std::uint32_t lo = next + read_number(p);
    const std::uint32_t hi = lo + read_number(p);
    if (cp < lo) return false;
    if (cp <= hi) return true;
    next = hi + 1;
  }
  return false;
}

// What cp maps to in a table of runs: writes 1 to 3 code points to out and returns how many, or
// returns 0 when no run holds cp.
unsigned in_runs(const PackedTable& table, std::uint32_t cp, std::uint32_t out[3]) {
  const std::uint8_t* p;
  const std::uint8_t* end;
  std::uint32_t next;
  if (!find_entries(table, cp, p, end, next)) return 0;
  while (p < end) {
    const std::uint32_t lo = next + read_number(p);
    if (cp < lo) return 0;
    const std::uint32_t shape = read_number(p);
    const std::uint32_t tails = shape % 3;
    const std::uint32_t span = shape / 3;
    const std::uint32_t hi = lo + (span >> 1) * ((span & 1) + 1);  // span's low bit: stride 2
    if (cp <= hi) {
      if ((span & 1) != 0 && ((cp - lo) & 1) != 0) return 0;
      const std::uint32_t zigzag = read_number(p);
      const std::uint32_t magnitude = (zigzag + 1) >> 1;  // zigzag: 2d for d >= 0, -2d - 1 below
      out[0] = (zigzag & 1) != 0 ? cp - magnitude : cp + magnitude;
      for (std::uint32_t t = 1; t <= tails; ++t) out[t] = read_number(p);
      return tails + 1;
    }
    for (std::uint32_t t = 0; t <= tails; ++t) skip_number(p);  // the delta and the tails
    next = hi + 1;
  }
  return 0;
}

// What cp maps to in a table of runs, or cp itself when no run holds it (most code points).
unsigned mapped_or_self(const PackedTable& table, std::uint32_t cp, std::uint32_t out[3]) {
  const unsigned n = in_runs(table, cp, out);
  if (n != 0) return n;
  out[0] = cp;
  return 1;
}

}  // namespace

bool slug_keeps(std::uint32_t cp) {
  return in_ranges(kSlugKeep, cp);
}

unsigned lower_case(std::uint32_t cp, std::uint32_t out[3]) {
  if (cp < 0x80) {
    out[0] = cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    return 1;
  }
  return mapped_or_self(kLower, cp, out);
}

}  // namespace foldmark::detail

using foldmark::detail::in_ranges;
using foldmark::detail::kMd4cFold;
using foldmark::detail::kMd4cPunct;
using foldmark::detail::mapped_or_self;

extern "C" int md4c_external_unicode_punct(unsigned codepoint) {
  return in_ranges(kMd4cPunct, codepoint) ? 1 : 0;
}

static_assert(std::is_same_v<unsigned, std::uint32_t>, "md4c's code points are our uint32_t");

extern "C" unsigned md4c_external_unicode_fold(unsigned codepoint, unsigned codepoints[3]) {
  return mapped_or_self(kMd4cFold, codepoint, codepoints);
}
