// Character references: numeric ones decoded here, named ones from the HTML5 table that
// scripts/gen-entity-table.mjs packs from md4c's entity.c at build time.
#include "entities.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

#include "escape.h"

namespace foldmark::detail {

namespace {

#include "entity_table.inc"

constexpr unsigned kReplacement = 0xFFFD;

// The name of the entry at offset, which starts a block and so shares no prefix.
std::string_view block_first_name(std::size_t offset) {
  const char* const name = kEntityNames + offset + 1;
  std::size_t size = 0;
  while (name[size] >= '0') ++size;
  return {name, size};
}

// The index of the entry for a name without its '&' and ';', or kEntityCount when there is none.
std::size_t find_named(std::string_view name) {
  const auto* const first = std::begin(kEntityBlocks);
  const auto* const block = std::upper_bound(
      first, std::end(kEntityBlocks), name,
      [](std::string_view key, std::uint16_t at) { return key < block_first_name(at); });
  if (block == first) return kEntityCount;
  std::size_t index = static_cast<std::size_t>(block - first - 1) * kEntityBlockSize;
  // The block ascends: an entry sharing more of the previous name than the key did is still
  // below the key, one sharing less is past it; only an equal share needs its rest compared.
  // A key with bytes past ASCII matches nothing, so char's signedness only moves where it stops.
  const char* p = kEntityNames + block[-1];
  std::size_t matched = 0;
  const std::size_t stop = std::min(index + kEntityBlockSize, kEntityCount);
  for (; index < stop; ++index) {
    const std::size_t shared = static_cast<unsigned char>(*p++);
    if (shared < matched) break;
    if (shared == matched) {
      while (matched < name.size() && *p >= '0' && *p == name[matched]) {
        ++p;
        ++matched;
      }
      const bool entry_ended = *p < '0';
      if (entry_ended && matched == name.size()) return index;
      if (!entry_ended && (matched == name.size() || *p > name[matched])) break;
    }
    while (*p >= '0') ++p;
  }
  return kEntityCount;
}

// A kEntityCodes value is a BMP code point, or a surrogate (never the text of a reference) standing
// for an astral code point (D800 + n) or for a pair of code points (DC00 + n).
void append_code(std::string& out, std::uint16_t code) {
  if (code >= 0xDC00 && code <= 0xDFFF) {
    append_utf8(out, kEntityPairs[code - 0xDC00][0]);
    append_utf8(out, kEntityPairs[code - 0xDC00][1]);
  } else if (code >= 0xD800 && code <= 0xDBFF) {
    append_utf8(out, kEntityAstralBase + (code - 0xD800u));
  } else {
    append_utf8(out, code);
  }
}

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
  const std::size_t index =
      named.back() == ';' ? find_named(named.substr(1, named.size() - 2)) : kEntityCount;
  if (index == kEntityCount) {
    out.append(ref.data(), ref.size());
    return;
  }
  append_code(out, kEntityCodes[index]);
}

}  // namespace foldmark::detail
