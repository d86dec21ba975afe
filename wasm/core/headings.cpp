// The slug algorithm of github-slugger 2.x, with tables generated from Node's Unicode data.
#include "headings.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>

#include "escape.h"
#include "foldmark/foldmark.h"
#include "out_buffer.h"
#include "unicode_tables.h"

namespace foldmark::detail {
namespace {

constexpr std::uint32_t kCapitalSigma = 0x3A3;

// What each ASCII byte becomes in a slug: letters lower-cased, digits, '-' and '_' kept, ' ' turned
// into '-', everything else dropped (0).
constexpr std::array<char, 128> make_ascii_slug() {
  std::array<char, 128> t{};
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = static_cast<char>(i);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
      t[i] = c;
    } else if (c >= 'A' && c <= 'Z') {
      t[i] = static_cast<char>(c + 32);
    } else if (c == ' ') {
      t[i] = '-';
    }
  }
  return t;
}
constexpr std::array<char, 128> kAsciiSlug = make_ascii_slug();

// Decodes the code point at s[i] (well-formed UTF-8) and advances i.
std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i++]);
  if (b0 < 0x80) return b0;
  const int extra = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : 1;
  std::uint32_t cp = b0 & (0x3Fu >> extra);
  for (int k = 0; k < extra && i < s.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3Fu);
  return cp;
}

bool keeps(std::uint32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
           cp == ' ' || cp == '-' || cp == '_';
  }
  return slug_keeps(cp);
}

bool is_letter_like(std::uint32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return keeps(cp);
}

// JavaScript's toLowerCase of one code point in context: Σ becomes final ς at a word's end
// (Unicode Final_Sigma, approximated as "a letter before, none after").
void append_lower(std::string& out, std::uint32_t cp, bool letter_before, bool letter_after) {
  if (cp == kCapitalSigma) {
    append_utf8(out, letter_before && !letter_after ? 0x3C2 : 0x3C3);
    return;
  }
  std::uint32_t lower[3];
  const unsigned n = lower_case(cp, lower);
  for (unsigned k = 0; k < n; ++k) append_utf8(out, lower[k]);
}

// Cuts s to at most max bytes without splitting a UTF-8 sequence.
void truncate_utf8(std::string& s, std::size_t max) {
  if (s.size() <= max) return;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  s.resize(end);
}

}  // namespace

std::string slugify(std::string_view text) {
  // An ASCII byte becomes at most one byte, written straight into room for the rest of the text
  // (push_back is an out-of-line call per byte); only a non-ASCII code point, which lower-casing
  // may lengthen, goes through append and the room is made again after it.
  std::string out;
  grow_uninitialized(out, text.size(), 0);
  char* room = out.data();
  std::size_t n = 0;
  std::size_t i = 0;
  std::uint32_t prev = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      // ASCII, most of every heading, straight from the table.
      room[n] = kAsciiSlug[byte];
      n += kAsciiSlug[byte] != 0;
      prev = byte;
      ++i;
      continue;
    }
    const std::uint32_t cp = next_code_point(text, i);
    out.resize(n);
    if (keeps(cp)) {
      // Only Σ depends on its neighbours (Final_Sigma), so only Σ looks ahead.
      bool before = false, after = false;
      if (cp == kCapitalSigma) {
        before = prev != 0 && is_letter_like(prev);
        std::size_t j = i;
        after = j < text.size() && is_letter_like(next_code_point(text, j));
      }
      append_lower(out, cp, before, after);
    }
    n = out.size();
    grow_uninitialized(out, n + (text.size() - i), 0);
    room = out.data();
    prev = cp;
    // Stop early: a huge heading must not cost a huge id (bytes only grow by lower-casing a
    // little, so 4x the cap of source is always enough).
    if (n > 4 * kMaxSlugBytes) break;
  }
  out.resize(n);
  truncate_utf8(out, kMaxSlugBytes);
  return out;
}

std::string Slugger::slug(std::string_view text) {
  std::string base = slugify(text);
  // An empty slug would be an empty id attribute; github-slugger returns "" here.
  if (base.empty()) base = "section";
  if (occurrences_.add(base, 0)) return base;  // the first of its name, as most are
  std::string result;
  do {
    const std::uint32_t n = ++*occurrences_.find(base);
    result = base + "-" + std::to_string(n);
  } while (occurrences_.find(result) != nullptr);
  occurrences_.add(result, 0);
  return result;
}

std::string Slugger::claim(std::string_view id) {
  occurrences_.add(id, 0);
  return std::string(id);
}

bool is_question(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size() && (text[begin] == ' ' || text[begin] == '\t')) ++begin;
  const std::string_view head = text.substr(begin, 2);
  return head == "Q:" || head == "q:" || ends_with_question_mark(text);
}

bool ends_with_question_mark(std::string_view text) {
  const std::size_t begin = 0;
  std::size_t end = text.size();
  // Trailing spaces, ASCII closers, and the UTF-8 tails of ” ’ » (E2 80 9D, E2 80 99, C2 BB).
  while (end > begin) {
    const char c = text[end - 1];
    if (c == ' ' || c == '\t' || c == '\n' || c == '"' || c == '\'' || c == ')' || c == '*' ||
        c == '_') {
      --end;
    } else if (end - begin >= 3 && text.substr(end - 3, 2) == "\xE2\x80" &&
               (c == '\x9D' || c == '\x99')) {
      end -= 3;
    } else if (end - begin >= 2 && text.substr(end - 2, 2) == "\xC2\xBB") {
      end -= 2;
    } else {
      break;
    }
  }
  const std::string_view body = text.substr(begin, end - begin);
  auto ends_with = [&](std::string_view s) {
    return body.size() >= s.size() && body.substr(body.size() - s.size()) == s;
  };
  return ends_with("?") || ends_with("\xEF\xBC\x9F") || ends_with("\xD8\x9F");
}

}  // namespace foldmark::detail
