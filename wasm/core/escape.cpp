// Table-driven escaping: one pass per string, copying safe runs in bulk.
#include "escape.h"

#include <array>
#include <cstdint>
#include <cstring>

#include "byte_scan.h"

namespace foldmark::detail {
namespace {

constexpr std::uint8_t kHtml = 1;      // must be an entity in text and attributes
constexpr std::uint8_t kUrl = 2;       // must be percent-encoded (or &amp;) in a URL attribute
constexpr std::uint8_t kJson = 4;      // must be a backslash escape in a JSON string
constexpr std::uint8_t kScript = 8;    // must be a \u escape in JSON inside <script>
constexpr std::uint8_t kLineSep = 16;  // may start U+2028/U+2029, escaped in JSON inside <script>

constexpr std::array<std::uint8_t, 256> make_table() {
  std::array<std::uint8_t, 256> t{};
  for (std::size_t c = 0; c < 256; ++c) {
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    bool url_safe = alnum;
    for (char s : std::string_view("-_.+!*(),%#@?=;:/$~'"))
      url_safe = url_safe || c == static_cast<unsigned char>(s);
    if (!url_safe) t[c] |= kUrl;
    if (c < 0x20 || c == '"' || c == '\\') t[c] |= kJson;
    if (c == '<' || c == '>' || c == '&') t[c] |= kScript;
  }
  t['&'] |= kHtml;
  t['<'] |= kHtml;
  t['>'] |= kHtml;
  t['"'] |= kHtml;
  t[0xE2] |= kLineSep;
  return t;
}

constexpr std::array<std::uint8_t, 256> kTable = make_table();

// The bytes of word that kHtml marks, flagged at their high bits: '"' and '&' are 0x22 and 0x26,
// the same with bit 2 set; '<' and '>' are 0x3C and 0x3E, the same with bit 1 set. A byte equal
// to its target leaves a zero byte, which (v - 0x01…) & ~v & 0x80… flags. A borrow may flag a
// byte above a flagged one too, but never below: the lowest flag is always a marked byte.
// One load and a dozen word operations instead of eight byte loads and eight table loads.
std::uint64_t html_special_flags(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101u;
  constexpr std::uint64_t kHighs = 0x8080808080808080u;
  const std::uint64_t quote_amp = (word | 0x04 * kOnes) ^ (0x26 * kOnes);
  const std::uint64_t angle = (word | 0x02 * kOnes) ^ (0x3E * kOnes);
  return (((quote_amp - kOnes) & ~quote_amp) | ((angle - kOnes) & ~angle)) & kHighs;
}

// Index of the first byte at or after i that kTable marks with any bit of mask, or text.size():
// eight bytes a test first, since most text needs no escaping.
std::size_t first_flagged(std::string_view text, std::size_t i, std::uint8_t mask) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  for (; i + 8 <= text.size(); i += 8) {
    if (mask == kHtml) {
      std::uint64_t word;
      std::memcpy(&word, p + i, 8);
      if (const std::uint64_t flags = html_special_flags(word))
        return i + lowest_flagged_byte(flags);
    } else if ((kTable[p[i]] | kTable[p[i + 1]] | kTable[p[i + 2]] | kTable[p[i + 3]] |
                kTable[p[i + 4]] | kTable[p[i + 5]] | kTable[p[i + 6]] | kTable[p[i + 7]]) &
               mask) {
      break;
    }
  }
  while (i < text.size() && !(kTable[p[i]] & mask)) ++i;
  return i;
}

template <std::uint8_t kFlag, typename Sink, typename Emit>
void escape_runs(Sink& out, std::string_view s, Emit emit) {
  std::size_t run = 0;
  for (std::size_t i = first_flagged(s, 0, kFlag); i < s.size(); i = first_flagged(s, run, kFlag)) {
    out.append(s.substr(run, i - run));
    emit(static_cast<unsigned char>(s[i]));
    run = i + 1;
  }
  out.append(s.substr(run));
}

bool line_separator_at(std::string_view text, std::size_t i) {
  return i + 2 < text.size() && text[i + 1] == '\x80' &&
         (text[i + 2] == '\xA8' || text[i + 2] == '\xA9');
}

// Calls escape(i, bytes) for each place JSON must escape, in order: one byte, or the 3 bytes of
// U+2028/U+2029 (E2 80 A8/A9), which end a line in pre-2019 JavaScript parsers, when script_safe.
template <typename Escape>
void for_each_json_escape(std::string_view text, bool script_safe, Escape escape) {
  const std::uint8_t mask = script_safe ? (kJson | kScript | kLineSep) : kJson;
  for (std::size_t i = first_flagged(text, 0, mask); i < text.size();) {
    if (static_cast<unsigned char>(text[i]) != 0xE2) {
      escape(i, 1);
      i = first_flagged(text, i + 1, mask);
    } else if (line_separator_at(text, i)) {
      escape(i, 3);
      i = first_flagged(text, i + 3, mask);
    } else {
      i = first_flagged(text, i + 1, mask);
    }
  }
}

// The reference for a byte that kTable marks kHtml.
std::string_view html_entity(unsigned char c) {
  switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    default: return "&quot;";
  }
}

template <typename Sink>
void escape_html_into(Sink& out, std::string_view text) {
  escape_runs<kHtml>(out, text, [&](unsigned char c) { out.append(html_entity(c)); });
}

// Writes into memory claimed from an OutBuffer: no capacity check per piece.
struct ClaimedWriter {
  char* at;
  void append(std::string_view s) {
    copy_bytes(at, s.data(), s.size());
    at += s.size();
  }
};

// Escapes text into out through claimed memory, a slice at a time so a huge text never claims
// (and grows wasm memory by) its worst case at once.
template <std::size_t kWorstFactor, typename Escape>
void escape_claimed(OutBuffer& out, std::string_view text, Escape escape) {
  constexpr std::size_t kSlice = 4096;
  while (!text.empty()) {
    const std::string_view slice = text.substr(0, kSlice);
    char* at = out.claim(slice.size() * kWorstFactor);
    if (at == nullptr) {
      escape(out, text);  // near the budget: the checked path refuses exactly at the limit
      return;
    }
    ClaimedWriter w{at};
    escape(w, slice);
    out.commit(w.at);
    text.remove_prefix(slice.size());
  }
}

template <typename Sink>
void escape_url_into(Sink& out, std::string_view url) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  escape_runs<kUrl>(out, url, [&](unsigned char c) {
    if (c == '&') {
      out.append("&amp;");
      return;
    }
    const char pct[3] = {'%', kHex[c >> 4], kHex[c & 15]};
    out.append(std::string_view(pct, 3));
  });
}

// md4c hands text over in short pieces (a word or two between marks): those go straight into
// claimed memory, a word at a time, with no run bookkeeping.
char* escape_html_short(char* at, std::string_view text) {
  // Eight bytes a step (at has room for 6 bytes per byte of text): the word is stored whole, and
  // where a byte in it needs escaping, only the bytes before it count.
  while (text.size() >= 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data(), 8);
    std::memcpy(at, &word, 8);
    const std::uint64_t flags = html_special_flags(word);
    if (flags == 0) {
      at += 8;
      text.remove_prefix(8);
      continue;
    }
    const unsigned plain = lowest_flagged_byte(flags);
    at += plain;
    for (const char e : html_entity(static_cast<unsigned char>(text[plain]))) *at++ = e;
    text.remove_prefix(plain + 1);
  }
  for (const char c : text) {
    if (!(kTable[static_cast<unsigned char>(c)] & kHtml)) {
      *at++ = c;
      continue;
    }
    for (const char e : html_entity(static_cast<unsigned char>(c))) *at++ = e;
  }
  return at;
}

}  // namespace

void escape_html(OutBuffer& out, std::string_view text) {
  // "&quot;" is the longest replacement: 6 bytes for 1.
  constexpr std::size_t kWorst = 6;
  constexpr std::size_t kShort = 32;
  if (text.size() <= kShort) {
    if (char* at = out.claim(text.size() * kWorst)) {
      out.commit(escape_html_short(at, text));
      return;
    }
  }
  escape_claimed<kWorst>(out, text,
                         [](auto& sink, std::string_view s) { escape_html_into(sink, s); });
}
void escape_html(std::string& out, std::string_view text) {
  escape_html_into(out, text);
}

void escape_url(OutBuffer& out, std::string_view url) {
  // "&amp;" is the longest replacement: 5 bytes for 1.
  escape_claimed<5>(out, url, [](auto& sink, std::string_view s) { escape_url_into(sink, s); });
}

void escape_json(std::string& out, std::string_view text, bool script_safe) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::size_t run = 0;
  for_each_json_escape(text, script_safe, [&](std::size_t i, std::size_t bytes) {
    out.append(text.data() + run, i - run);
    run = i + bytes;
    const auto c = static_cast<unsigned char>(text[i]);
    if (bytes == 3) {
      out.append(text[i + 2] == '\xA8' ? "\\u2028" : "\\u2029");
    } else if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == '\n') {
      out.append("\\n");
    } else {
      const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
      out.append(u, 6);
    }
  });
  out.append(text.data() + run, text.size() - run);
}

std::size_t json_escaped_size(std::string_view text, bool script_safe) {
  std::size_t size = text.size();
  // As escape_json writes them: U+2028/9's 3 bytes become 6, '"' '\\' '\n' become 2, every other
  // escaped byte 6.
  for_each_json_escape(text, script_safe, [&](std::size_t i, std::size_t bytes) {
    const char c = text[i];
    size += bytes == 3 ? 3 : (c == '"' || c == '\\' || c == '\n') ? 1 : 5;
  });
  return size;
}

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace foldmark::detail
