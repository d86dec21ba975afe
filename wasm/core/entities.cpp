// Character references: numeric ones decoded here, named ones from the HTML5 table that
// scripts/gen-entity-table.mjs packs from md4c's entity.c at build time.
#include "entities.h"

#include <cstdint>

#include "escape.h"

namespace foldmark::detail {

namespace {

#include "entity_table.inc"

constexpr unsigned kReplacement = 0xFFFD;

// The table lists entries by code point; lookups go by name through an open-addressing hash
// index, built on the first named reference (about 0.1 ms) rather than shipped.
class EntityIndex {
 public:
  EntityIndex() {
    std::size_t at = 0, delta_at = 0, seconds = 0;
    std::uint32_t first = 0;
    for (std::size_t n = 0; n < kEntityCount; ++n) {
      const std::size_t begin = at;
      while (kEntityNames[at] >= '0') ++at;
      const unsigned end = static_cast<unsigned char>(kEntityNames[at++]);
      std::uint32_t delta = end % kEntitySmallDelta;
      if (end >= 2 * kEntitySmallDelta) {
        delta = kEntityDeltas[delta_at++];
        if (delta == 255) {
          delta = static_cast<std::uint32_t>(kEntityDeltas[delta_at]) << 16 |
                  static_cast<std::uint32_t>(kEntityDeltas[delta_at + 1]) << 8 |
                  kEntityDeltas[delta_at + 2];
          delta_at += 3;
        }
      }
      first += delta;
      const bool pair = end >= kEntitySmallDelta && end != 2 * kEntitySmallDelta;
      codes_[n] = first | (pair ? static_cast<std::uint32_t>(++seconds) << kPairShift : 0);
      names_[n] = static_cast<std::uint16_t>(begin);
      std::size_t slot = hash({kEntityNames + begin, at - 1 - begin});
      while (slots_[slot] != 0) slot = (slot + 1) & (kSlots - 1);
      slots_[slot] = static_cast<std::uint16_t>(n + 1);
    }
  }

  // The entry's code points (the second 0 when it has one), or false for an unknown name.
  bool find(std::string_view name, std::uint32_t& first, std::uint32_t& second) const {
    for (std::size_t slot = hash(name); slots_[slot] != 0; slot = (slot + 1) & (kSlots - 1)) {
      const std::size_t n = slots_[slot] - 1u;
      const char* const entry = kEntityNames + names_[n];
      std::size_t i = 0;
      while (i < name.size() && entry[i] >= '0' && entry[i] == name[i]) ++i;
      if (i < name.size() || entry[i] >= '0') continue;
      first = codes_[n] & ((1u << kPairShift) - 1);
      const std::uint32_t pair = codes_[n] >> kPairShift;
      second = pair == 0 ? 0 : kEntitySeconds[pair - 1];
      return true;
    }
    return false;
  }

 private:
  static constexpr std::size_t kSlots = 4096;  // a power of two; the index stays about half full
  static constexpr int kPairShift = 21;        // code points take 21 bits
  static_assert(kSlots >= kEntityCount + kEntityCount / 2, "the entity hash index is too full");

  static std::size_t hash(std::string_view name) {
    std::uint32_t h = 2166136261u;
    for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return (h ^ h >> 15) & (kSlots - 1);
  }

  std::uint32_t codes_[kEntityCount] = {};
  std::uint16_t names_[kEntityCount] = {};
  std::uint16_t slots_[kSlots] = {};  // entry + 1; 0 is free
};

unsigned parse_numeric(std::string_view digits, bool hex) {
  unsigned long value = 0;
  for (char c : digits) {
    unsigned d;
    if (c >= '0' && c <= '9') {
      d = static_cast<unsigned>(c - '0');
    } else if (hex && ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')) {
      d = static_cast<unsigned>((c | 0x20) - 'a' + 10);
    } else {
      return kReplacement;
    }
    value = value * (hex ? 16u : 10u) + d;
    if (value > 0x10FFFF) return kReplacement;  // also keeps the loop from overflowing
  }
  const bool surrogate = value >= 0xD800 && value <= 0xDFFF;
  return value == 0 || surrogate ? kReplacement : static_cast<unsigned>(value);
}

}  // namespace

void append_entity(std::string& out, std::string_view ref) {
  if (ref.size() < 3 || ref.front() != '&' || ref.back() != ';') {
    out.append(ref.data(), ref.size());
    return;
  }
  const std::string_view body = ref.substr(1, ref.size() - 2);
  if (body[0] == '#') {
    const bool hex = body.size() > 1 && (body[1] | 0x20) == 'x';
    append_utf8(out, parse_numeric(body.substr(hex ? 2 : 1), hex));
    return;
  }
  // A NUL ends the reference, as md4c's own strncmp-based lookup ends it.
  const std::string_view named = ref.substr(0, ref.find('\0'));
  static const EntityIndex index;
  std::uint32_t first = 0, second = 0;
  if (named.back() != ';' || !index.find(named.substr(1, named.size() - 2), first, second)) {
    out.append(ref.data(), ref.size());
    return;
  }
  append_utf8(out, first);
  if (second != 0) append_utf8(out, second);
}

}  // namespace foldmark::detail
