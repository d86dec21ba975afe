// UTF-8 validation and repair, so md4c and every later stage only ever see well-formed text.
#ifndef FOLDMARK_CORE_UTF8_H
#define FOLDMARK_CORE_UTF8_H

#include <cstddef>
#include <string>
#include <string_view>

namespace foldmark::detail {

// Length of the valid prefix of s (s.size() when all of s is well-formed UTF-8).
std::size_t valid_utf8_prefix(std::string_view s);

// s with every ill-formed sequence (overlong, surrogate, > U+10FFFF, truncated, stray byte)
// replaced by U+FFFD, one per maximal ill-formed subpart as the WHATWG decoder does.
std::string repair_utf8(std::string_view s);

// s (well-formed UTF-8) as UTF-16 code units into out; returns false, leaving out empty, when s
// is pure ASCII (the caller can then read the bytes as Latin-1, which JavaScript engines decode
// several times faster than UTF-8).
bool utf8_to_utf16(std::string_view s, std::u16string& out);

// Number of code points in s (well-formed UTF-8): the column unit of warnings.
std::size_t count_code_points(std::string_view s);

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_UTF8_H
