// Finding a byte eight bytes a step, inline. In wasm, memchr is a call into a C library that
// tests four bytes a step, and the core's searches are mostly short (to a line's end, to the next
// '{' in a few words of text): there the call and its alignment steps cost more than the search.
#ifndef FOLDMARK_CORE_BYTE_SCAN_H
#define FOLDMARK_CORE_BYTE_SCAN_H

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace foldmark::detail {

// The byte index (0..7) of the lowest flagged byte of a nonzero mask with bits only at 7, 15, ….
inline unsigned lowest_flagged_byte(std::uint64_t mask) {
#if defined(__GNUC__)
  return static_cast<unsigned>(__builtin_ctzll(mask)) / 8;
#else
  unsigned n = 0;
  while ((mask & 0x80u) == 0) mask >>= 8, ++n;
  return n;
#endif
}

// Bytes of w equal to b flagged at their high bit. A zero byte's flag is exact; a flag above
// it may be a borrow's false alarm, so callers check the byte (the lowest flag never is one).
inline std::uint64_t flag_bytes(std::uint64_t w, unsigned char b) {
  constexpr std::uint64_t kOnes = 0x0101010101010101u;
  constexpr std::uint64_t kHighs = 0x8080808080808080u;
  const std::uint64_t x = w ^ (kOnes * b);
  return (x - kOnes) & ~x & kHighs;
}

// The index of the first byte at or after from that stops(byte) accepts, or text.size(), eight
// bytes a step: flags(word) flags at their high bits the bytes of the word that may stop the scan,
// never missing one. With kExact the lowest flag is always a byte that stops it; else a flag may
// be a false alarm, and each is checked.
template <bool kExact, typename Flags, typename Stops>
std::size_t scan_words(std::string_view text, std::size_t from, Flags flags, Stops stops) {
  std::size_t i = from;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    for (std::uint64_t m = flags(w); m != 0; m &= m - 1) {
      const std::size_t at = i + lowest_flagged_byte(m);
      if (kExact || stops(text[at])) return at;
    }
  }
  while (i < text.size() && !stops(text[i])) ++i;
  return i;
}

// Index of the first b in text at or after from, or text.size().
inline std::size_t find_byte(std::string_view text, std::size_t from, char b) {
  const auto ub = static_cast<unsigned char>(b);
  return scan_words<true>(
      text, from, [ub](std::uint64_t w) { return flag_bytes(w, ub); },
      [b](char c) { return c == b; });
}

// find_byte for a byte that is rare over long stretches (a '{' or a "<!--" looked for through a
// whole document): two words a step, one branch per 16 bytes. 1-2 % fewer instructions for MDX
// on the CommonMark spec; at every call site it would cost 0.2 KB gz for nothing.
inline std::size_t find_byte_far(std::string_view text, std::size_t from, char b) {
  const auto ub = static_cast<unsigned char>(b);
  std::size_t i = from;
  for (; i + 16 <= text.size(); i += 16) {
    std::uint64_t w0, w1;
    std::memcpy(&w0, text.data() + i, 8);
    std::memcpy(&w1, text.data() + i + 8, 8);
    const std::uint64_t m0 = flag_bytes(w0, ub), m1 = flag_bytes(w1, ub);
    if ((m0 | m1) == 0) continue;
    return i + (m0 != 0 ? lowest_flagged_byte(m0) : 8 + lowest_flagged_byte(m1));
  }
  return find_byte(text, i, b);
}

// Index of the first '\n' or '\r' at or after from, or text.size(). One test per word flags the
// bytes below 0x0E.
inline std::size_t find_line_break(std::string_view text, std::size_t from) {
  constexpr std::uint64_t kOnes = 0x0101010101010101u;
  constexpr std::uint64_t kHighs = 0x8080808080808080u;
  return scan_words<false>(
      text, from, [](std::uint64_t w) { return (w - kOnes * 0x0E) & ~w & kHighs; },
      [](char c) { return c == '\n' || c == '\r'; });
}

// Where the run of b that starts at text[from] ends, eight bytes a step (the CommonMark spec's
// fences are 32 backticks long).
inline std::size_t skip_run(std::string_view text, std::size_t from, char b) {
  constexpr std::uint64_t kOnes = 0x0101010101010101u;
  constexpr std::uint64_t kLows = 0x7F7F7F7F7F7F7F7Fu;
  const std::uint64_t run = kOnes * static_cast<unsigned char>(b);
  // Each byte that is not b flagged at its high bit, with no borrow between bytes.
  return scan_words<true>(
      text, from,
      [run](std::uint64_t w) {
        const std::uint64_t x = w ^ run;
        return (((x & kLows) + kLows) | x) & ~kLows;
      },
      [b](char c) { return c != b; });
}

// Index of needle in text at or after from, or text.size(). The search runs on needle[anchor],
// which the caller picks rare in prose ('!' of "<!--", 'g' of "highlight-"): the first byte of
// a needle is often a common letter, and each false hit costs a restart.
inline std::size_t find_text(std::string_view text, std::size_t from, std::string_view needle,
                             std::size_t anchor) {
  if (needle.size() > text.size()) return text.size();
  const std::size_t last_start = text.size() - needle.size();
  for (std::size_t at = find_byte_far(text, from + anchor, needle[anchor]); at < text.size();
       at = find_byte_far(text, at + 1, needle[anchor])) {
    const std::size_t start = at - anchor;
    if (start > last_start) break;
    // Byte by byte, not compare(): in wasm that is a call into libc's memcmp for each hit.
    std::size_t k = 0;
    while (k < needle.size() && text[start + k] == needle[k]) ++k;
    if (k == needle.size()) return start;
  }
  return text.size();
}

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_BYTE_SCAN_H
