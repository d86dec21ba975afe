// A strict tokenizer for the HTML foldmark writes in safe mode, written from the WHATWG
// tokenizer states it needs (data, tag open, attribute name/value, character reference) and
// independent of the core's own escaping code, so one cannot hide the other's mistake.
#include "html_oracle.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <utility>

extern "C" {
#include "entity.h"
}

#include "escape.h"

namespace foldmark_fuzz {
namespace {

using foldmark::detail::append_utf8;

bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_ascii_alnum(char c) {
  return is_ascii_alpha(c) || is_ascii_digit(c);
}
bool is_hex(char c) {
  return is_ascii_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}
// HTML tokenizer whitespace: TAB, LF, FF, CR, SPACE.
bool is_html_space(char c) {
  return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}
char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

// The tags foldmark writes, and which attributes each may carry.
struct TagRule {
  const char* name;
  bool is_void;
  std::initializer_list<const char*> attrs;
};

const TagRule kTags[] = {
    {"p", false, {"class"}},
    {"h1", false, {"id", "class"}},
    {"h2", false, {"id", "class"}},
    {"h3", false, {"id", "class"}},
    {"h4", false, {"id", "class"}},
    {"h5", false, {"id", "class"}},
    {"h6", false, {"id", "class"}},
    {"a", false, {"href", "title"}},
    {"img", true, {"src", "alt", "title"}},
    {"em", false, {}},
    {"strong", false, {}},
    {"del", false, {}},
    {"code", false, {"class"}},
    {"pre", false, {"class"}},
    {"blockquote", false, {"class"}},
    {"ul", false, {}},
    {"ol", false, {"start"}},
    {"li", false, {"class"}},
    {"hr", true, {}},
    {"br", true, {}},
    {"table", false, {}},
    {"thead", false, {}},
    {"tbody", false, {}},
    {"tr", false, {}},
    {"th", false, {"align"}},
    {"td", false, {"align"}},
    {"details", false, {"class"}},
    {"summary", false, {}},
    {"div", false, {"class", "role", "id", "aria-labelledby"}},
    {"article", false, {"class"}},
    {"input", true, {"type", "class", "checked", "disabled"}},
    // Docusaurus Markdown: admonitions, code titles and lines, tabs, the safe tag list.
    {"aside", false, {"class"}},
    {"figure", false, {"class"}},
    {"figcaption", false, {"class"}},
    {"span", false, {"class"}},
    {"button", false, {"type", "role", "id", "aria-controls", "aria-selected"}},
    {"kbd", false, {}},
    {"sup", false, {}},
    {"sub", false, {}},
};

// allowRawHtml 'safe' may write these too (the issue's allowlist, written down here apart from
// the core's tables). Every element may also carry kGlobalAttributes and aria-*.
const TagRule kRawHtmlTags[] = {
    {"a", false, {"href", "target", "rel"}},
    {"abbr", false, {}},
    {"audio", false, {"src", "controls", "loop", "muted"}},
    {"b", false, {}},
    {"bdi", false, {}},
    {"bdo", false, {}},
    {"blockquote", false, {"cite"}},
    {"caption", false, {}},
    {"center", false, {}},
    {"cite", false, {}},
    {"col", true, {"span"}},
    {"colgroup", false, {"span"}},
    {"dd", false, {}},
    {"del", false, {"cite", "datetime"}},
    {"details", false, {"open"}},
    {"dfn", false, {}},
    {"dl", false, {}},
    {"dt", false, {}},
    {"i", false, {}},
    {"iframe", false, {"src", "allow", "allowfullscreen", "sandbox", "loading"}},
    {"img", true, {"srcset", "sizes"}},
    {"ins", false, {"cite", "datetime"}},
    {"li", false, {"value"}},
    {"mark", false, {}},
    {"ol", false, {"reversed", "type"}},
    {"picture", false, {}},
    {"q", false, {"cite"}},
    {"rp", false, {}},
    {"rt", false, {}},
    {"ruby", false, {}},
    {"s", false, {}},
    {"samp", false, {}},
    {"small", false, {}},
    {"source", true, {"src", "srcset", "type", "media", "sizes"}},
    {"strike", false, {}},
    {"td", false, {"colspan", "rowspan", "valign"}},
    {"tfoot", false, {}},
    {"th", false, {"colspan", "rowspan", "valign", "scope"}},
    {"time", false, {"datetime"}},
    {"tr", false, {"valign"}},
    {"track", true, {"src", "kind", "srclang", "label", "default"}},
    {"tt", false, {}},
    {"u", false, {}},
    {"var", false, {}},
    {"video", false, {"src", "poster", "controls", "loop", "muted", "playsinline", "autoplay"}},
    {"wbr", true, {}},
};
const char* const kGlobalAttributes[] = {"id",    "class", "title",  "lang", "dir",
                                         "align", "width", "height", "role"};
const char* const kEmbedHosts[] = {
    "www.youtube-nocookie.com", "youtube-nocookie.com", "www.youtube.com", "youtube.com",
    "player.vimeo.com",         "codesandbox.io",       "stackblitz.com",  "codepen.io"};

const TagRule* find_in(const TagRule* begin, const TagRule* end, std::string_view name) {
  for (const TagRule* t = begin; t != end; ++t) {
    if (name == t->name) return t;
  }
  return nullptr;
}

const TagRule* find_tag(std::string_view name) {
  return find_in(std::begin(kTags), std::end(kTags), name);
}

bool attr_allowed(const TagRule& tag, std::string_view attr) {
  return std::any_of(tag.attrs.begin(), tag.attrs.end(), [&](const char* a) { return attr == a; });
}

// Windows-1252 for C1 numeric references (the browser's table), only to know they are not ASCII.
std::uint32_t numeric_reference_value(std::uint64_t v) {
  if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0xFFFD;
  if (v >= 0x80 && v <= 0x9F) return 0x2000 + static_cast<std::uint32_t>(v);  // non-ASCII stand-in
  return static_cast<std::uint32_t>(v);
}

// Decodes the reference starting at s[i] == '&'; returns the bytes consumed (0: not a reference).
std::size_t decode_reference(std::string_view s, std::size_t i, std::string& out) {
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '#') {
    ++j;
    const bool hex = j < s.size() && (s[j] | 0x20) == 'x';
    if (hex) ++j;
    const std::size_t digits = j;
    std::uint64_t v = 0;
    while (j < s.size() && (hex ? is_hex(s[j]) : is_ascii_digit(s[j]))) {
      const char c = s[j++];
      const unsigned d = is_ascii_digit(c) ? static_cast<unsigned>(c - '0')
                                           : static_cast<unsigned>((c | 0x20) - 'a' + 10);
      v = std::min<std::uint64_t>(v * (hex ? 16 : 10) + d, 0x110000);
    }
    if (j == digits) return 0;
    if (j < s.size() && s[j] == ';') ++j;
    append_utf8(out, numeric_reference_value(v));
    return j - i;
  }
  while (j < s.size() && is_ascii_alnum(s[j])) ++j;
  if (j < s.size() && s[j] == ';') {
    const ENTITY* e = entity_lookup(s.data() + i, j + 1 - i);
    if (e != nullptr) {
      append_utf8(out, e->codepoints[0]);
      if (e->codepoints[1] != 0) append_utf8(out, e->codepoints[1]);
      return j + 1 - i;
    }
  }
  // Legacy references without ';' are not decoded in attributes before '=' or an alnum.
  static const std::pair<const char*, char> kLegacy[] = {
      {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}};
  for (const auto& [name, ch] : kLegacy) {
    const std::string_view n(name);
    if (s.substr(i + 1, n.size()) != n) continue;
    const std::size_t end = i + 1 + n.size();
    if (end < s.size() && (s[end] == '=' || is_ascii_alnum(s[end]))) return 0;
    out.push_back(ch);
    return end - i;
  }
  return 0;
}

// foldmark writes only these four references; anything else means text reached the output raw.
bool is_own_reference(std::string_view s, std::size_t i) {
  for (std::string_view r : {"&amp;", "&lt;", "&gt;", "&quot;"}) {
    if (s.substr(i, r.size()) == r) return true;
  }
  return false;
}

struct Attribute {
  std::string name;
  std::string raw;
  bool has_value = false;
};

struct Tokenizer {
  std::string_view html;
  std::size_t i = 0;
  std::vector<std::string> open;
  HtmlFacts* facts;
  std::set<std::string> seen_ids;
  bool raw_html = false;  // allowRawHtml 'safe': kRawHtmlTags and their attributes too

  const TagRule* tag_rule(std::string_view name) const {
    const TagRule* t = find_tag(name);
    if (t == nullptr && raw_html)
      t = find_in(std::begin(kRawHtmlTags), std::end(kRawHtmlTags), name);
    return t;
  }

  bool allowed(const TagRule& tag, std::string_view attr) const {
    if (attr_allowed(tag, attr)) return true;
    if (!raw_html) return false;
    if (attr.size() > 5 && attr.substr(0, 5) == "aria-") return true;
    if (std::any_of(std::begin(kGlobalAttributes), std::end(kGlobalAttributes),
                    [&](const char* a) { return attr == a; }))
      return true;
    const TagRule* extra = find_in(std::begin(kRawHtmlTags), std::end(kRawHtmlTags), tag.name);
    return extra != nullptr && attr_allowed(*extra, attr);
  }

  std::string fail(const std::string& why) const {
    const std::size_t from = i > 40 ? i - 40 : 0;
    return why + " at byte " + std::to_string(i) + " near \"" + std::string(html.substr(from, 80)) +
           "\"";
  }

  std::string read_name() {
    const std::size_t begin = i;
    while (i < html.size() && is_ascii_alnum(html[i])) ++i;
    return lower(html.substr(begin, i - begin));
  }

  // Attribute name and value states of the WHATWG tokenizer.
  bool read_attribute(Attribute& a) {
    const std::size_t begin = i;
    ++i;  // the first character belongs to the name even if it is '='
    while (i < html.size() && !is_html_space(html[i]) && html[i] != '/' && html[i] != '>' &&
           html[i] != '=')
      ++i;
    a.name = lower(html.substr(begin, i - begin));
    while (i < html.size() && is_html_space(html[i])) ++i;
    if (i >= html.size() || html[i] != '=') return true;
    ++i;
    while (i < html.size() && is_html_space(html[i])) ++i;
    a.has_value = true;
    if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
      const char q = html[i++];
      const std::size_t end = html.find(q, i);
      if (end == std::string_view::npos) return false;
      a.raw = std::string(html.substr(i, end - i));
      i = end + 1;
      return true;
    }
    const std::size_t vbegin = i;
    while (i < html.size() && !is_html_space(html[i]) && html[i] != '>') ++i;
    a.raw = std::string(html.substr(vbegin, i - vbegin));
    return true;
  }

  std::string check_attribute(const TagRule& tag, const Attribute& a) {
    if (a.name.size() >= 2 && a.name[0] == 'o' && a.name[1] == 'n')
      return "event handler attribute " + a.name;
    if (!allowed(tag, a.name)) return "attribute " + a.name + " not allowed on <" + tag.name + ">";
    for (std::size_t k = 0; k < a.raw.size(); ++k) {
      if (a.raw[k] == '&' && !is_own_reference(a.raw, k))
        return "unescaped '&' in attribute " + a.name;
      if (a.raw[k] == '<' || a.raw[k] == '>') return "raw '<' or '>' in attribute " + a.name;
    }
    const std::string value = decode_attribute(a.raw);
    if (a.name == "href" || a.name == "src" || a.name == "poster" || a.name == "cite") {
      std::string why = check_url(value, a.name == "src" || a.name == "poster");
      if (!why.empty()) return why;
    }
    if (a.name == "srcset") {
      for (std::size_t k = 0; k < value.size();) {
        while (k < value.size() && (is_html_space(value[k]) || value[k] == ',')) ++k;
        std::size_t e = k;
        while (e < value.size() && !is_html_space(value[e])) ++e;
        std::string url = value.substr(k, e - k);
        while (!url.empty() && url.back() == ',') url.pop_back();
        std::string why = check_url(url, true);
        if (!why.empty()) return "srcset " + why;
        k = value.find(',', e);
        if (k == std::string::npos) break;
      }
    }
    if (std::string_view(tag.name) == "iframe" && a.name == "src" && !embed_host(value))
      return "iframe from " + value.substr(0, 60);
    const bool own_control =
        std::string_view(tag.name) == "button" || std::string_view(tag.name) == "input";
    if (a.name == "type" && own_control &&
        value != (std::string_view(tag.name) == "button" ? "button" : "checkbox"))
      return std::string(tag.name) + " type is " + value;
    if (a.name == "role" && !raw_html && value != "tablist" && value != "tab" &&
        value != "tabpanel")
      return "role " + value;
    if (a.name == "target" && value != "_blank") return "target " + value;
    if (a.name == "rel" && value != "noopener noreferrer") return "rel " + value;
    if (a.name == "id") {
      if (value.empty()) return "empty id";
      // Safe mode keeps authors' ids (prefixed): repeating one is theirs to avoid.
      if (!seen_ids.insert(value).second && !raw_html) return "duplicate id " + value;
      if (facts != nullptr) facts->ids.push_back(value);
    }
    return "";
  }

  static bool embed_host(std::string_view url) {
    if (url.substr(0, 8) != "https://") return false;
    const std::size_t end = url.find_first_of("/?#", 8);
    const std::string host =
        lower(url.substr(8, end == std::string_view::npos ? url.npos : end - 8));
    return std::any_of(std::begin(kEmbedHosts), std::end(kEmbedHosts),
                       [&](const char* h) { return host == h; });
  }

  std::string start_tag() {
    ++i;  // '<'
    const std::string name = read_name();
    const TagRule* tag = tag_rule(name);
    if (tag == nullptr) return fail("tag <" + name + "> not allowed");
    std::vector<Attribute> attrs;
    while (true) {
      while (i < html.size() && is_html_space(html[i])) ++i;
      if (i >= html.size()) return fail("unterminated tag");
      if (html[i] == '>') break;
      if (html[i] == '/') return fail("self-closing slash");
      Attribute a;
      if (!read_attribute(a)) return fail("unterminated attribute value");
      for (const Attribute& b : attrs) {
        if (b.name == a.name) return fail("duplicate attribute " + a.name);
      }
      std::string why = check_attribute(*tag, a);
      if (!why.empty()) return fail(why);
      attrs.push_back(std::move(a));
    }
    ++i;  // '>'
    if (name == "input") {
      const bool disabled = std::any_of(attrs.begin(), attrs.end(),
                                        [](const Attribute& a) { return a.name == "disabled"; });
      if (!disabled) return fail("enabled <input>");
    }
    auto has = [&](std::string_view n) {
      return std::any_of(attrs.begin(), attrs.end(),
                         [&](const Attribute& a) { return a.name == n; });
    };
    if (name == "iframe" && (!has("src") || !has("sandbox")))
      return fail("iframe without src or sandbox");
    if (has("target") != has("rel")) return fail("target without rel noopener");
    if (name == "details" && facts != nullptr) ++facts->details;
    if (name == "a" && std::find(open.begin(), open.end(), "a") != open.end())
      return fail("<a> inside <a>");
    if (!tag->is_void) open.push_back(name);
    return "";
  }

  std::string end_tag() {
    i += 2;  // "</"
    const std::string name = read_name();
    if (i >= html.size() || html[i] != '>') return fail("malformed end tag");
    ++i;
    const TagRule* tag = tag_rule(name);
    if (tag == nullptr || tag->is_void) return fail("end tag </" + name + "> not allowed");
    if (open.empty() || open.back() != name) {
      return fail("</" + name + "> closes " +
                  (open.empty() ? std::string("nothing") : "<" + open.back() + ">"));
    }
    open.pop_back();
    return "";
  }

  std::string run() {
    while (i < html.size()) {
      const char c = html[i];
      std::string why;
      if (c == '<') {
        if (i + 1 < html.size() && html[i + 1] == '/') {
          why = end_tag();
        } else if (i + 1 < html.size() && is_ascii_alpha(html[i + 1])) {
          why = start_tag();
        } else {
          return fail("raw '<' in text");
        }
      } else if (c == '>') {
        return fail("raw '>' in text");
      } else if (c == '&') {
        if (!is_own_reference(html, i)) return fail("raw '&' in text");
        ++i;
      } else {
        ++i;
      }
      if (!why.empty()) return why;
    }
    if (!open.empty()) return "unclosed <" + open.back() + "> at end of output";
    return "";
  }
};

// The JSON grammar with an explicit stack: '{' or '[' per open container.
struct JsonChecker {
  std::string_view s;
  std::size_t i = 0;

  void ws() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  }
  bool literal(std::string_view w) {
    if (s.substr(i, w.size()) != w) return false;
    i += w.size();
    return true;
  }
  bool string() {
    if (i >= s.size() || s[i] != '"') return false;
    for (++i; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c == '"') {
        ++i;
        return true;
      }
      if (c < 0x20) return false;
      if (c != '\\') continue;
      if (++i >= s.size()) return false;
      const char e = s[i];
      if (e == 'u') {
        for (int k = 0; k < 4; ++k) {
          if (++i >= s.size() || !is_hex(s[i])) return false;
        }
      } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
        return false;
      }
    }
    return false;
  }
  bool digits() {
    const std::size_t b = i;
    while (i < s.size() && is_ascii_digit(s[i])) ++i;
    return i > b;
  }
  bool number() {
    if (i < s.size() && s[i] == '-') ++i;
    if (i < s.size() && s[i] == '0') {
      ++i;
    } else if (!digits()) {
      return false;
    }
    if (i < s.size() && s[i] == '.' && (++i, !digits())) return false;
    if (i < s.size() && (s[i] | 0x20) == 'e') {
      ++i;
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
      if (!digits()) return false;
    }
    return true;
  }
  bool scalar() {
    if (i >= s.size()) return false;
    if (s[i] == '"') return string();
    if (s[i] == 't') return literal("true");
    if (s[i] == 'f') return literal("false");
    if (s[i] == 'n') return literal("null");
    return number();
  }

  std::string run() {
    std::string stack;
    bool want_value = true;  // else: want ',' or a closer
    while (true) {
      ws();
      if (want_value) {
        if (i < s.size() && (s[i] == '{' || s[i] == '[')) {
          stack.push_back(s[i++]);
          ws();
          const char closer = stack.back() == '{' ? '}' : ']';
          if (i < s.size() && s[i] == closer) {
            ++i;
            stack.pop_back();
            want_value = false;
          } else if (stack.back() == '{') {
            if (!string()) return "object key expected at byte " + std::to_string(i);
            ws();
            if (i >= s.size() || s[i++] != ':') return "':' expected at byte " + std::to_string(i);
          }
          continue;
        }
        if (!scalar()) return "value expected at byte " + std::to_string(i);
        want_value = false;
        continue;
      }
      if (stack.empty()) break;
      const char closer = stack.back() == '{' ? '}' : ']';
      if (i < s.size() && s[i] == closer) {
        ++i;
        stack.pop_back();
      } else if (i < s.size() && s[i] == ',') {
        ++i;
        ws();
        if (stack.back() == '{') {
          if (!string()) return "object key expected at byte " + std::to_string(i);
          ws();
          if (i >= s.size() || s[i++] != ':') return "':' expected at byte " + std::to_string(i);
        }
        want_value = true;
      } else {
        return "',' or closer expected at byte " + std::to_string(i);
      }
    }
    ws();
    if (i != s.size()) return "trailing bytes at " + std::to_string(i);
    return "";
  }
};

}  // namespace

std::string decode_attribute(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size();) {
    if (raw[i] == '&') {
      const std::size_t n = decode_reference(raw, i, out);
      if (n > 0) {
        i += n;
        continue;
      }
    }
    out.push_back(raw[i++]);
  }
  return out;
}

std::string check_url(std::string_view url, bool image) {
  // WHATWG URL parsing: strip leading/trailing C0 controls and spaces, drop TAB/LF/CR anywhere.
  std::size_t b = 0, e = url.size();
  while (b < e && static_cast<unsigned char>(url[b]) <= 0x20) ++b;
  while (e > b && static_cast<unsigned char>(url[e - 1]) <= 0x20) --e;
  std::string clean;
  for (std::size_t k = b; k < e; ++k) {
    if (url[k] != '\t' && url[k] != '\n' && url[k] != '\r') clean.push_back(url[k]);
  }
  if (clean.empty() || !is_ascii_alpha(clean[0])) return "";
  std::size_t j = 1;
  while (j < clean.size() &&
         (is_ascii_alnum(clean[j]) || clean[j] == '+' || clean[j] == '-' || clean[j] == '.'))
    ++j;
  if (j >= clean.size() || clean[j] != ':') return "";
  const std::string scheme = lower(std::string_view(clean).substr(0, j));
  if (scheme == "http" || scheme == "https") return "";
  if (!image && scheme == "mailto") return "";
  if (image && scheme == "data") {
    const std::string rest = lower(std::string_view(clean).substr(j + 1, 16));
    for (std::string_view t : {"image/png", "image/gif", "image/jpeg", "image/webp"}) {
      if (rest.size() > t.size() && rest.compare(0, t.size(), t) == 0 &&
          (rest[t.size()] == ';' || rest[t.size()] == ',')) {
        return "";
      }
    }
  }
  return std::string(image ? "src" : "href") + " with scheme \"" + scheme +
         "\": " + clean.substr(0, 60);
}

std::string check_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t need = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 < 0x80) {
      ++i;
      continue;
    } else if (b0 >= 0xC2 && b0 <= 0xDF) {
      need = 1;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      need = 2;
      lo = b0 == 0xE0 ? 0xA0 : 0x80;
      hi = b0 == 0xED ? 0x9F : 0xBF;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      need = 3;
      lo = b0 == 0xF0 ? 0x90 : 0x80;
      hi = b0 == 0xF4 ? 0x8F : 0xBF;
    } else {
      return "invalid UTF-8 lead byte at " + std::to_string(i);
    }
    for (std::size_t k = 1; k <= need; ++k) {
      if (i + k >= s.size()) return "truncated UTF-8 sequence at " + std::to_string(i);
      const auto b = static_cast<unsigned char>(s[i + k]);
      if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF))
        return "invalid UTF-8 at " + std::to_string(i);
    }
    i += need + 1;
  }
  return "";
}

std::string check_json(std::string_view json) {
  std::string why = check_utf8(json);
  if (!why.empty()) return "JSON: " + why;
  JsonChecker checker{json};
  why = checker.run();
  return why.empty() ? "" : "JSON: " + why;
}

std::string check_safe_html(std::string_view html, HtmlFacts* facts) {
  std::string why = check_utf8(html);
  if (!why.empty()) return why;
  Tokenizer t{html, 0, {}, facts, {}};
  return t.run();
}

std::string check_sanitized_html(std::string_view html, HtmlFacts* facts) {
  std::string why = check_utf8(html);
  if (!why.empty()) return why;
  Tokenizer t{html, 0, {}, facts, {}};
  t.raw_html = true;
  return t.run();
}

}  // namespace foldmark_fuzz
