// StringTable: linear probing in a power-of-two array kept at most half full.
#include "string_table.h"

namespace foldmark::detail {
namespace {

std::uint32_t hash(std::string_view key) {
  std::uint32_t h = 2166136261u;  // FNV-1a
  for (char c : key) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

}  // namespace

std::size_t StringTable::slot_of(std::string_view key) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash(key) & mask;
  while (slots_[i] != 0 && key_at(slots_[i] - 1) != key) i = (i + 1) & mask;
  return i;
}

std::uint32_t* StringTable::find(std::string_view key) {
  if (slots_.empty()) return nullptr;
  const std::uint32_t at = slots_[slot_of(key)];
  return at == 0 ? nullptr : &values_[at - 1];
}

bool StringTable::add(std::string_view key, std::uint32_t value) {
  if (2 * (values_.size() + 1) > slots_.size()) grow();
  const std::size_t i = slot_of(key);
  if (slots_[i] != 0) return false;
  bytes_.append(key);
  bounds_.push_back(static_cast<std::uint32_t>(bytes_.size()));
  values_.push_back(value);
  slots_[i] = static_cast<std::uint32_t>(values_.size());
  return true;
}

void StringTable::grow() {
  const std::size_t slots = slots_.empty() ? 16 : 2 * slots_.size();
  // Room for every key the table takes before it grows again (at most slots / 2), so the key
  // vectors are not reallocated one doubling at a time in between (a few headings' slugs made
  // ten allocations).
  const std::size_t keys = slots / 2;
  values_.reserve(keys);
  bounds_.reserve(keys + 1);
  bytes_.reserve(bytes_.size() + 32 * (keys - values_.size()));
  slots_.assign(slots, 0);
  for (std::size_t k = 0; k < values_.size(); ++k) {
    slots_[slot_of(key_at(k))] = static_cast<std::uint32_t>(k + 1);
  }
}

}  // namespace foldmark::detail
