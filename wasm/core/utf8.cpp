// Validation follows the table of well-formed byte sequences in Unicode §3.9 (Table 3-7).
#include "utf8.h"

#include <cstdint>
#include <cstring>

namespace foldmark::detail {
namespace {

// Length of the well-formed sequence at s[i], or 0 with *bad set to the length of the maximal
// ill-formed subpart (at least 1).
std::size_t sequence_length(std::string_view s, std::size_t i, std::size_t* bad) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  std::size_t need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;  // nothing past U+10FFFF
  } else {
    *bad = 1;
    return 0;
  }
  for (std::size_t k = 1; k <= need; ++k) {
    if (i + k >= s.size()) {
      *bad = k;
      return 0;
    }
    const auto b = static_cast<unsigned char>(s[i + k]);
    const unsigned char min = k == 1 ? lo : 0x80;
    const unsigned char max = k == 1 ? hi : 0xBF;
    if (b < min || b > max) {
      *bad = k;
      return 0;
    }
  }
  return need + 1;
}

// Loads the eight bytes at p into word (one unaligned load) and says whether all are ASCII.
bool eight_ascii(const char* p, std::uint64_t& word) {
  std::memcpy(&word, p, 8);
  return (word & 0x8080808080808080u) == 0;
}

}  // namespace

std::size_t valid_utf8_prefix(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    i += ascii_prefix(s.substr(i));  // ASCII dominates real text
    if (i >= s.size()) break;
    std::size_t bad = 0;
    const std::size_t n = sequence_length(s, i, &bad);
    if (n == 0) return i;
    i += n;
  }
  return i;
}

std::string repair_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t good = valid_utf8_prefix(s.substr(i));
    out.append(s.data() + i, good);
    i += good;
    if (i >= s.size()) break;
    std::size_t bad = 1;
    sequence_length(s, i, &bad);
    out.append("\xEF\xBF\xBD");
    i += bad;
  }
  return out;
}

std::size_t ascii_prefix(std::string_view s) {
  std::size_t i = 0;
  std::uint64_t word;
  while (i + 8 <= s.size() && eight_ascii(s.data() + i, word)) i += 8;
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

// The ASCII fast path below builds UTF-16LE lanes in a 64-bit word.
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
constexpr bool kLittleEndian = false;
#else
constexpr bool kLittleEndian = true;
#endif

std::size_t utf8_to_utf16(std::string_view s, char16_t* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t size = s.size();
  std::size_t i = 0, n = 0;
  while (i < size) {
    // HTML is mostly ASCII even in non-Latin text (tags, attributes): widen eight bytes a step.
    std::uint64_t word;
    if (kLittleEndian && i + 8 <= size && eight_ascii(s.data() + i, word)) {
      // Spread each half's four bytes into four 16-bit lanes (little-endian, like UTF-16LE).
      std::uint64_t halves[2] = {word & 0xFFFFFFFFu, word >> 32};
      for (std::uint64_t& h : halves) {
        h = (h | (h << 16)) & 0x0000FFFF0000FFFFu;
        h = (h | (h << 8)) & 0x00FF00FF00FF00FFu;
      }
      std::memcpy(out + n, halves, 16);
      i += 8;
      n += 8;
      continue;
    }
    const unsigned b0 = p[i];
    const std::size_t len = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
    if (i + len > size) {
      out[n++] = 0xFFFD;
      break;
    }
    if (len == 1) {
      out[n++] = static_cast<char16_t>(b0);
    } else if (len == 2) {
      out[n++] = static_cast<char16_t>(((b0 & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu));
    } else if (len == 3) {
      out[n++] = static_cast<char16_t>(((b0 & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) |
                                       (p[i + 2] & 0x3Fu));
    } else {
      const std::uint32_t cp = (((b0 & 0x07u) << 18) | ((p[i + 1] & 0x3Fu) << 12) |
                                ((p[i + 2] & 0x3Fu) << 6) | (p[i + 3] & 0x3Fu)) -
                               0x10000u;
      out[n++] = static_cast<char16_t>(0xD800u + (cp >> 10));
      out[n++] = static_cast<char16_t>(0xDC00u + (cp & 0x3FFu));
    }
    i += len;
  }
  return n;
}

std::size_t count_code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace foldmark::detail
