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

// Index of the first non-ASCII byte of s, or s.size() when s is pure ASCII (which JavaScript
// engines can read as Latin-1, several times faster than they decode UTF-8).
std::size_t ascii_prefix(std::string_view s);

// s (well-formed UTF-8) as UTF-16 code units into out, which has room for s.size() units (never
// fewer bytes than units); returns the number of units written. A sequence cut short by the end
// of s becomes U+FFFD, so malformed input can never make it read past s.
std::size_t utf8_to_utf16(std::string_view s, char16_t* out);

// Number of code points in s (well-formed UTF-8): the column unit of warnings.
std::size_t count_code_points(std::string_view s);

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_UTF8_H
