// Character references: numeric ones decoded here, named ones through md4c's HTML5 entity table.
#include "entities.h"

#include "escape.h"

extern "C" {
#include "entity.h"
}

namespace foldmark::detail {

namespace {

constexpr unsigned kReplacement = 0xFFFD;

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
  const ENTITY* entity = entity_lookup(ref.data(), ref.size());
  if (entity == nullptr) {
    out.append(ref.data(), ref.size());
    return;
  }
  append_utf8(out, entity->codepoints[0]);
  if (entity->codepoints[1] != 0) append_utf8(out, entity->codepoints[1]);
}

}  // namespace foldmark::detail
