// Constant lists of short strings packed at compile time into one char array and 16-bit bounds.
// A table of std::string_view costs 8 bytes a string in the wasm's data, half of them a relocated
// address that gzips poorly; packed, a string costs 2 bytes of bounds beside its text. The rows the
// lists are packed from are only read by the compiler: they never reach the module.
#ifndef FOLDMARK_CORE_PACKED_STRINGS_H
#define FOLDMARK_CORE_PACKED_STRINGS_H

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace foldmark::detail {

template <std::size_t kCount, std::size_t kChars>
struct PackedStrings {
  static_assert(kChars <= 0xFFFF, "bounds are 16-bit");
  char chars[kChars + 1] = {};            // + 1: an array even when every string is empty
  std::uint16_t bounds[kCount + 1] = {};  // string i is chars[bounds[i], bounds[i + 1])

  static constexpr std::size_t size() { return kCount; }
  constexpr std::string_view operator[](std::size_t i) const {
    return {chars + bounds[i], static_cast<std::size_t>(bounds[i + 1] - bounds[i])};
  }
  // The index of s, or -1.
  constexpr int find(std::string_view s) const {
    for (std::size_t i = 0; i < kCount; ++i)
      if ((*this)[i] == s) return static_cast<int>(i);
    return -1;
  }
  // The index of s, or -1, in a list in byte order (see sorted()).
  constexpr int find_sorted(std::string_view s) const {
    std::size_t low = 0, high = kCount;
    while (low < high) {
      const std::size_t mid = (low + high) / 2;
      const std::string_view at = (*this)[mid];
      if (at == s) return static_cast<int>(mid);
      if (at < s) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return -1;
  }
  constexpr bool sorted() const {
    for (std::size_t i = 1; i < kCount; ++i)
      if (!((*this)[i - 1] < (*this)[i])) return false;
    return true;
  }
};

// How many chars pack_strings needs for field(row) of every row, each between prefix and suffix.
template <typename Row, std::size_t kCount, typename Field>
constexpr std::size_t packed_chars(const Row (&rows)[kCount], Field field,
                                   std::string_view prefix = {}, std::string_view suffix = {}) {
  std::size_t total = 0;
  for (const Row& row : rows) total += prefix.size() + field(row).size() + suffix.size();
  return total;
}

// field(row) of every row, each between prefix and suffix; kChars is packed_chars() of the same.
template <std::size_t kChars, typename Row, std::size_t kCount, typename Field>
constexpr PackedStrings<kCount, kChars> pack_strings(const Row (&rows)[kCount], Field field,
                                                     std::string_view prefix = {},
                                                     std::string_view suffix = {}) {
  PackedStrings<kCount, kChars> packed;
  std::size_t at = 0;
  for (std::size_t i = 0; i < kCount; ++i) {
    packed.bounds[i] = static_cast<std::uint16_t>(at);
    for (std::string_view part : {prefix, field(rows[i]), suffix})
      for (char c : part) packed.chars[at++] = c;
  }
  packed.bounds[kCount] = static_cast<std::uint16_t>(at);
  return packed;
}

// field(row) of every row: a column of a table whose other columns are packed strings.
template <typename Row, std::size_t kCount, typename Field>
constexpr auto column(const Row (&rows)[kCount], Field field) {
  std::array<decltype(field(rows[0])), kCount> out{};
  for (std::size_t i = 0; i < kCount; ++i) out[i] = field(rows[i]);
  return out;
}

constexpr std::string_view itself(std::string_view s) {
  return s;
}

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_PACKED_STRINGS_H
