// A string-keyed table of small numbers for the per-document lookups (slug repeats, front matter
// keys): open addressing over flat vectors, far less code in the module than std::unordered_map.
#ifndef FOLDMARK_CORE_STRING_TABLE_H
#define FOLDMARK_CORE_STRING_TABLE_H

#include <cstdint>
#include <string>
#include <string_view>

#include "pod_vector.h"

namespace foldmark::detail {

class StringTable {
 public:
  // The value stored for key, or nullptr. Valid until the next add().
  std::uint32_t* find(std::string_view key);
  // Stores value for key unless key is present; false (and nothing changed) when it is.
  bool add(std::string_view key, std::uint32_t value);

 private:
  // The slot where key is or would go.
  std::size_t slot_of(std::string_view key) const;
  void grow();

  std::string_view key_at(std::size_t index) const {
    return {bytes_.data() + bounds_[index], bounds_[index + 1] - bounds_[index]};
  }

  // Every key's bytes end to end in one string: one allocation for all keys, not one each.
  // Key k is bytes_[bounds_[k], bounds_[k + 1]).
  std::string bytes_;
  PodVector<std::uint32_t> bounds_ = PodVector<std::uint32_t>(1, 0);
  PodVector<std::uint32_t> values_;
  PodVector<std::uint32_t> slots_;  // 1 + a key's index, or 0 for an empty slot
};

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_STRING_TABLE_H
