// The allowlist behind allowRawHtml 'safe': markup scanning, the element and attribute tables,
// and the canonical safe form of a start tag.
#include "html_sanitizer.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "entities.h"
#include "escape.h"
#include "packed_strings.h"
#include "url_policy.h"

namespace foldmark::detail {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_hex(char c) {
  return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}
bool is_name_char(char c) {
  return is_alpha(c) || is_digit(c) || c == '-' || c == ':' || c == '.' || c == '_';
}
char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c;
}
bool equals_lower(std::string_view a, std::string_view lower_b) {
  if (a.size() != lower_b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower_b[i]) return false;
  return true;
}

// One past the '}' that closes the '{' at s[i], skipping JavaScript strings; npos if none.
std::size_t skip_braces(std::string_view s, std::size_t i) {
  int depth = 0;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '{') {
      ++depth;
    } else if (c == '}') {
      if (--depth == 0) return i + 1;
    } else if (c == '"' || c == '\'' || c == '`') {
      for (++i; i < s.size() && s[i] != c; ++i)
        if (s[i] == '\\') ++i;
      if (i >= s.size()) return std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

// <!…>, <?…?> and <![CDATA[…]]>: what ends each.
Markup scan_other(std::string_view s, std::size_t i, std::size_t& end) {
  std::string_view close = ">";
  std::size_t from = i + 2;
  if (s.substr(i, 4) == "<!--") {
    if (s.substr(i, 5) == "<!-->" || s.substr(i, 6) == "<!--->") {
      end = s.find('>', i + 4) + 1;
      return Markup::kComment;
    }
    close = "-->";
    from = i + 4;
  } else if (s.substr(i, 9) == "<![CDATA[") {
    close = "]]>";
  } else if (s[i + 1] == '?') {
    close = "?>";
  }
  const std::size_t at = s.find(close, from);
  if (at == std::string_view::npos) {
    end = s.size();
    return Markup::kUnclosed;
  }
  end = at + close.size();
  return close == "-->" ? Markup::kComment : Markup::kOther;
}

Markup scan_end_tag(std::string_view s, std::size_t i, std::size_t& end, HtmlTag& tag) {
  std::size_t j = i + 2;
  while (j < s.size() && is_name_char(s[j])) ++j;
  tag.name = s.substr(i + 2, j - i - 2);
  tag.closing = true;
  const std::size_t close = s.find('>', j);
  if (close == std::string_view::npos) {
    end = s.size();
    return Markup::kUnclosed;
  }
  end = close + 1;
  return Markup::kEndTag;
}

// The attribute value at s[j] (after '='): sets it and returns one past it, or npos if unclosed.
std::size_t scan_value(std::string_view s, std::size_t j, HtmlAttribute& a) {
  const char q = s[j];
  if (q == '"' || q == '\'') {
    const std::size_t close = s.find(q, j + 1);
    if (close == std::string_view::npos) return close;
    a.quote = q;
    a.value = s.substr(j + 1, close - j - 1);
    return close + 1;
  }
  if (q == '{') {
    const std::size_t close = skip_braces(s, j);
    if (close == std::string_view::npos) return close;
    a.quote = '{';
    a.value = s.substr(j + 1, close - j - 2);
    return close;
  }
  std::size_t k = j;
  while (k < s.size() && !is_space(s[k]) && s[k] != '>') ++k;
  a.quote = ' ';
  a.value = s.substr(j, k - j);
  return k;
}

Markup scan_start_tag(std::string_view s, std::size_t i, std::size_t& end, HtmlTag& tag) {
  std::size_t j = i + 1;
  while (j < s.size() && is_name_char(s[j])) ++j;
  tag.name = s.substr(i + 1, j - i - 1);
  while (true) {
    while (j < s.size() && is_space(s[j])) ++j;
    if (j >= s.size()) break;
    const char c = s[j];
    if (c == '>') {
      end = j + 1;
      return Markup::kStartTag;
    }
    if (c == '/') {
      if (j + 1 < s.size() && s[j + 1] == '>') {
        tag.self_closing = true;
        end = j + 2;
        return Markup::kStartTag;
      }
      ++j;
      continue;
    }
    if (c == '{') {  // a JSX spread, {...props}
      j = skip_braces(s, j);
      if (j == std::string_view::npos) break;
      continue;
    }
    HtmlAttribute a;
    const std::size_t name_begin = j;
    while (j < s.size() && !is_space(s[j]) && s[j] != '/' && s[j] != '>' &&
           (s[j] != '=' || j == name_begin))
      ++j;
    a.name = s.substr(name_begin, j - name_begin);
    std::size_t k = j;
    while (k < s.size() && is_space(s[k])) ++k;
    if (k < s.size() && s[k] == '=') {
      ++k;
      while (k < s.size() && is_space(s[k])) ++k;
      if (k >= s.size()) break;
      j = scan_value(s, k, a);
      if (j == std::string_view::npos) break;
    }
    if (tag.count < kMaxHtmlAttributes) tag.attributes[tag.count++] = a;
  }
  end = s.size();
  return Markup::kUnclosed;
}

struct Element {
  std::string_view name;
  unsigned flags;
};

constexpr unsigned kV = kVoidElement, kI = kInlineElement, kS = kSpansBlocks;

// Sorted by name (find_element searches it).
constexpr Element kElementRows[] = {
    {"a", kI},           {"abbr", kI},        {"audio", kI},      {"b", kI},
    {"bdi", kI},         {"bdo", kI},         {"blockquote", kS}, {"br", kV | kI},
    {"caption", kS},     {"center", kI | kS}, {"cite", kI},       {"code", kI},
    {"col", kV},         {"colgroup", kS},    {"dd", kS},         {"del", kI},
    {"details", kS},     {"dfn", kI},         {"div", kI | kS},   {"dl", kS},
    {"dt", kS},          {"em", kI},          {"figcaption", kS}, {"figure", kS},
    {"h1", 0},           {"h2", 0},           {"h3", 0},          {"h4", 0},
    {"h5", 0},           {"h6", 0},           {"hr", kV},         {"i", kI},
    {"iframe", kIframe}, {"img", kV | kI},    {"ins", kI},        {"kbd", kI},
    {"li", kS},          {"mark", kI},        {"ol", kS},         {"p", 0},
    {"picture", kI},     {"pre", 0},          {"q", kI},          {"rp", kI},
    {"rt", kI},          {"ruby", kI},        {"s", kI},          {"samp", kI},
    {"small", kI},       {"source", kV | kI}, {"span", kI},       {"strike", kI},
    {"strong", kI},      {"sub", kI},         {"summary", kS},    {"sup", kI},
    {"table", kS},       {"tbody", kS},       {"td", kS},         {"tfoot", kS},
    {"th", kS},          {"thead", kS},       {"time", kI},       {"tr", kS},
    {"track", kV | kI},  {"tt", kI},          {"u", kI},          {"ul", kS},
    {"var", kI},         {"video", kI},       {"wbr", kV | kI},
};

constexpr std::string_view element_row_name(const Element& e) {
  return e.name;
}
constexpr unsigned char element_row_flags(const Element& e) {
  return static_cast<unsigned char>(e.flags);
}

// Each element's end tag, "</a></abbr>…", with its name inside: find_element looks up "</name>".
constexpr auto kElementTags = pack_strings<packed_chars(kElementRows, element_row_name, "</", ">")>(
    kElementRows, element_row_name, "</", ">");
constexpr auto kElementFlags = column(kElementRows, element_row_flags);
static_assert(kElementTags.sorted(), "kElementRows must be sorted by name");
static_assert(kElementTags[kAnchorElement] == "</a>", "kAnchorElement names <a>");

std::string_view name_of_element(int element) {
  const std::string_view tag = kElementTags[static_cast<std::size_t>(element)];
  return tag.substr(2, tag.size() - 3);
}

constexpr std::string_view kContentDroppedRows[] = {
    "applet",   "frameset", "iframe",    "math",   "noembed", "noframes",
    "noscript", "object",   "plaintext", "script", "select",  "style",
    "svg",      "template", "textarea",  "title",  "xmp",
};
constexpr auto kContentDropped =
    pack_strings<packed_chars(kContentDroppedRows, itself)>(kContentDroppedRows, itself);

enum class AttrKind : unsigned char {
  kPlain,
  kBoolean,   // written bare; {false} drops it
  kId,        // prefixed with id_prefix
  kLinkUrl,   // href, cite
  kImageUrl,  // img src, poster
  kSrc,       // by element: img → image, iframe → embed host, media → http(s)/relative
  kSrcset,
  kTarget,    // only _blank, which brings rel="noopener noreferrer"
  kAllow,     // iframe permissions, trimmed to kAllowedFeatures
  kAutoplay,  // video only, and only when muted
};

struct Attribute {
  std::string_view name;
  AttrKind kind;
  std::string_view elements;  // " a img " or "" for every element
};

// Sorted by name.
constexpr Attribute kAttributeRows[] = {
    {"align", AttrKind::kPlain, ""},
    {"allow", AttrKind::kAllow, " iframe "},
    {"allowfullscreen", AttrKind::kBoolean, " iframe "},
    {"alt", AttrKind::kPlain, " img "},
    {"autoplay", AttrKind::kAutoplay, " video "},
    {"cite", AttrKind::kLinkUrl, " blockquote q del ins "},
    {"class", AttrKind::kPlain, ""},
    {"colspan", AttrKind::kPlain, " td th "},
    {"controls", AttrKind::kBoolean, " video audio "},
    {"datetime", AttrKind::kPlain, " time del ins "},
    {"default", AttrKind::kBoolean, " track "},
    {"dir", AttrKind::kPlain, ""},
    {"height", AttrKind::kPlain, ""},
    {"href", AttrKind::kLinkUrl, " a "},
    {"id", AttrKind::kId, ""},
    {"kind", AttrKind::kPlain, " track "},
    {"label", AttrKind::kPlain, " track "},
    {"lang", AttrKind::kPlain, ""},
    {"loop", AttrKind::kBoolean, " video audio "},
    {"media", AttrKind::kPlain, " source "},
    {"muted", AttrKind::kBoolean, " video audio "},
    {"open", AttrKind::kBoolean, " details "},
    {"playsinline", AttrKind::kBoolean, " video "},
    {"poster", AttrKind::kImageUrl, " video "},
    {"reversed", AttrKind::kBoolean, " ol "},
    {"role", AttrKind::kPlain, ""},
    {"rowspan", AttrKind::kPlain, " td th "},
    {"scope", AttrKind::kPlain, " th "},
    {"sizes", AttrKind::kPlain, " img source "},
    {"span", AttrKind::kPlain, " col colgroup "},
    {"src", AttrKind::kSrc, " img video audio source track iframe "},
    {"srclang", AttrKind::kPlain, " track "},
    {"srcset", AttrKind::kSrcset, " img source "},
    {"start", AttrKind::kPlain, " ol "},
    {"target", AttrKind::kTarget, " a "},
    {"title", AttrKind::kPlain, ""},
    {"type", AttrKind::kPlain, " ol source "},
    {"valign", AttrKind::kPlain, " td th tr "},
    {"value", AttrKind::kPlain, " li "},
    {"width", AttrKind::kPlain, ""},
};
static_assert(std::size(kAttributeRows) <= 64, "seen attributes are a 64-bit set");

constexpr std::string_view attribute_row_name(const Attribute& a) {
  return a.name;
}
constexpr std::string_view attribute_row_elements(const Attribute& a) {
  return a.elements;
}
constexpr AttrKind attribute_row_kind(const Attribute& a) {
  return a.kind;
}

constexpr auto kAttributeNames = pack_strings<packed_chars(kAttributeRows, attribute_row_name)>(
    kAttributeRows, attribute_row_name);
constexpr auto kAttributeElements =
    pack_strings<packed_chars(kAttributeRows, attribute_row_elements)>(kAttributeRows,
                                                                       attribute_row_elements);
constexpr auto kAttributeKinds = column(kAttributeRows, attribute_row_kind);
static_assert(kAttributeNames.sorted(), "kAttributeRows must be sorted by name");

constexpr std::string_view kAllowedFeatureRows[] = {
    "accelerometer", "clipboard-write",    "encrypted-media", "fullscreen",
    "gyroscope",     "picture-in-picture", "web-share",
};
constexpr auto kAllowedFeatures =
    pack_strings<packed_chars(kAllowedFeatureRows, itself)>(kAllowedFeatureRows, itself);

constexpr std::string_view kEmbedHostRows[] = {
    "codepen.io",
    "codesandbox.io",
    "player.vimeo.com",
    "stackblitz.com",
    "www.youtube-nocookie.com",
    "www.youtube.com",
    "youtube-nocookie.com",
    "youtube.com",
};
constexpr auto kEmbedHosts =
    pack_strings<packed_chars(kEmbedHostRows, itself)>(kEmbedHostRows, itself);

constexpr std::string_view kIframeSandbox =
    " sandbox=\"allow-scripts allow-same-origin allow-popups allow-presentation\" loading=\"lazy\"";

// A lower-cased copy of a short name; "" when it does not fit.
std::string_view lower_name(std::string_view name, char (&buffer)[32]) {
  if (name.size() > sizeof buffer) return {};
  for (std::size_t i = 0; i < name.size(); ++i) buffer[i] = lower(name[i]);
  return std::string_view(buffer, name.size());
}

bool listed(std::string_view elements, std::string_view element) {
  if (elements.empty()) return true;
  for (std::size_t at = elements.find(element); at != std::string_view::npos;
       at = elements.find(element, at + 1)) {
    if (elements[at - 1] == ' ' && elements[at + element.size()] == ' ') return true;
  }
  return false;
}

// The reference at s[i] ('&'), decoded onto out; returns one past it, or i when it is none.
std::size_t decode_reference(std::string_view s, std::size_t i, std::string& out) {
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '#') {
    const bool hex = j + 1 < s.size() && (s[j + 1] | 0x20) == 'x';
    std::size_t k = j + (hex ? 2 : 1);
    const std::size_t digits = k;
    while (k < s.size() && k - digits < 8 && (hex ? is_hex(s[k]) : is_digit(s[k]))) ++k;
    if (k == digits) return i;
    std::string ref(s.substr(i, k - i));
    ref += ';';
    append_entity(out, ref);
    return k < s.size() && s[k] == ';' ? k + 1 : k;
  }
  while (j < s.size() && j - i <= 32 && (is_alpha(s[j]) || is_digit(s[j]))) ++j;
  if (j == i + 1 || j >= s.size() || s[j] != ';') return i;
  append_entity(out, s.substr(i, j + 1 - i));
  return j + 1;
}

std::string decode_references(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t amp = s.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(s.substr(i));
      break;
    }
    out.append(s.substr(i, amp - i));
    const std::size_t next = decode_reference(s, amp, out);
    if (next == amp) {
      out += '&';
      i = amp + 1;
    } else {
      i = next;
    }
  }
  return out;
}

// A JSX {…} value: string and number literals give their text, {true} a bare attribute; any
// other expression (objects, calls, {false}) drops the attribute.
bool jsx_value(std::string_view raw, std::string& value, bool& bare) {
  std::size_t b = 0, e = raw.size();
  while (b < e && is_space(raw[b])) ++b;
  while (e > b && is_space(raw[e - 1])) --e;
  const std::string_view v = raw.substr(b, e - b);
  if (v == "true") {
    bare = true;
    return true;
  }
  if (v.size() >= 2 && (v[0] == '"' || v[0] == '\'' || v[0] == '`') && v.back() == v[0]) {
    const std::string_view body = v.substr(1, v.size() - 2);
    if (v[0] == '`' && body.find("${") != std::string_view::npos) return false;
    value.clear();
    for (std::size_t i = 0; i < body.size(); ++i) {
      if (body[i] == v[0]) return false;  // "a" + "b": an expression
      if (body[i] == '\\' && i + 1 < body.size()) ++i;
      value += body[i];
    }
    return true;
  }
  if (v.empty() || !(is_digit(v[0]) || v[0] == '.' || v[0] == '-')) return false;
  for (char c : v)
    if (!is_digit(c) && c != '.' && c != '-' && c != 'e' && c != 'E' && c != '+') return false;
  value.assign(v);
  return true;
}

// Every candidate URL of a srcset allowed for images.
bool srcset_allowed(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (is_space(s[i]) || s[i] == ',')) ++i;
    if (i >= s.size()) break;
    std::size_t j = i;
    while (j < s.size() && !is_space(s[j])) ++j;
    std::string_view url = s.substr(i, j - i);
    bool descriptors = true;
    while (!url.empty() && url.back() == ',') {
      url.remove_suffix(1);
      descriptors = false;
    }
    if (!url_allowed(url, UrlUse::kImage)) return false;
    i = j;
    if (!descriptors) continue;
    int parens = 0;
    for (; i < s.size() && (s[i] != ',' || parens > 0); ++i)
      parens += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
  }
  return true;
}

// "fullscreen; autoplay *; encrypted-media" → the allowed features, in order.
std::string allowed_features(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i <= s.size();) {
    std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos) semi = s.size();
    std::string_view item = s.substr(i, semi - i);
    while (!item.empty() && is_space(item.front())) item.remove_prefix(1);
    std::size_t word = 0;
    while (word < item.size() && !is_space(item[word])) ++word;
    const std::string_view feature = item.substr(0, word);
    char buffer[32];
    const std::string_view lower_feature = lower_name(feature, buffer);
    if (kAllowedFeatures.find(lower_feature) >= 0) {
      if (!out.empty()) out += "; ";
      out.append(lower_feature);
    }
    i = semi + 1;
  }
  return out;
}

bool aria_name(std::string_view lower) {
  if (lower.size() <= 5 || lower.substr(0, 5) != "aria-") return false;
  return std::all_of(lower.begin() + 5, lower.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
}

void write_attribute(OutBuffer& out, std::string_view name, std::string_view value, bool url) {
  out.push(' ');
  out.append(name);
  out.append("=\"");
  if (url) {
    escape_url(out, value);
  } else {
    escape_html(out, value);
  }
  out.push('"');
}

}  // namespace

Markup scan_markup(std::string_view s, std::size_t i, std::size_t& end, HtmlTag& tag) {
  tag.count = 0;
  tag.closing = tag.self_closing = false;
  tag.name = {};
  end = i + 1;
  if (i + 1 >= s.size()) return Markup::kText;
  const char next = s[i + 1];
  if (next == '!' || next == '?') return scan_other(s, i, end);
  if (next == '/') {
    if (i + 2 >= s.size() || !is_alpha(s[i + 2])) return Markup::kText;
    return scan_end_tag(s, i, end, tag);
  }
  if (!is_alpha(next)) return Markup::kText;
  return scan_start_tag(s, i, end, tag);
}

int find_element(std::string_view name) {
  char tag[32];  // "</name>", lower-cased: how kElementTags holds it
  if (name.empty() || name.size() + 3 > sizeof tag) return -1;
  tag[0] = '<';
  tag[1] = '/';
  for (std::size_t i = 0; i < name.size(); ++i) tag[2 + i] = lower(name[i]);
  tag[2 + name.size()] = '>';
  return kElementTags.find_sorted(std::string_view(tag, name.size() + 3));
}

unsigned element_flags(int element) {
  return kElementFlags[static_cast<std::size_t>(element)];
}

std::string_view element_end_tag(int element) {
  return (element_flags(element) & kVoidElement) != 0
             ? std::string_view()
             : kElementTags[static_cast<std::size_t>(element)];
}

bool drops_content(std::string_view name) {
  char buffer[32];
  return kContentDropped.find(lower_name(name, buffer)) >= 0;
}

std::size_t skip_element_content(std::string_view s, std::size_t from, std::string_view name) {
  for (std::size_t at = s.find("</", from); at != std::string_view::npos;
       at = s.find("</", at + 2)) {
    const std::size_t after = at + 2 + name.size();
    if (after > s.size()) break;
    bool same = true;
    for (std::size_t k = 0; k < name.size() && same; ++k)
      same = lower(s[at + 2 + k]) == lower(name[k]);
    if (!same || (after < s.size() && is_name_char(s[after]))) continue;
    const std::size_t close = s.find('>', after);
    return close == std::string_view::npos ? s.size() : close + 1;
  }
  return s.size();
}

bool embed_allowed(std::string_view url) {
  while (!url.empty() && static_cast<unsigned char>(url.front()) <= 0x20) url.remove_prefix(1);
  while (!url.empty() && static_cast<unsigned char>(url.back()) <= 0x20) url.remove_suffix(1);
  for (char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == '\\') return false;
  if (url.size() < 8 || !equals_lower(url.substr(0, 8), "https://")) return false;
  std::size_t end = 8;
  while (end < url.size() && url[end] != '/' && url[end] != '?' && url[end] != '#') ++end;
  const std::string_view host = url.substr(8, end - 8);
  char buffer[32];
  const std::string_view lower_host = lower_name(host, buffer);
  return !lower_host.empty() && kEmbedHosts.find(lower_host) >= 0;
}

void write_html_text(OutBuffer& out, std::string_view text) {
  std::string decoded;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t amp = text.find('&', i);
    if (amp == std::string_view::npos) {
      escape_html(out, text.substr(i));
      return;
    }
    escape_html(out, text.substr(i, amp - i));
    decoded.clear();
    const std::size_t next = decode_reference(text, amp, decoded);
    if (next == amp) {
      out.append("&amp;");
      i = amp + 1;
    } else {
      escape_html(out, decoded);
      i = next;
    }
  }
}

bool write_start_tag(OutBuffer& out, int element, const HtmlTag& tag, std::string_view id_prefix) {
  const std::string_view element_name = name_of_element(element);
  const unsigned flags = kElementFlags[static_cast<std::size_t>(element)];
  const std::size_t begin = out.size();
  out.push('<');
  out.append(element_name);
  std::uint64_t seen = 0;
  bool blank_target = false, muted = false, autoplay = false, has_src = false;
  std::string value;
  for (std::size_t n = 0; n < tag.count; ++n) {
    const HtmlAttribute& a = tag.attributes[n];
    char buffer[32];
    std::string_view name = lower_name(a.name, buffer);
    if (name == "classname") name = "class";
    bool bare = a.quote == 0;
    if (a.quote == '{') {
      if (!jsx_value(a.value, value, bare)) continue;
    } else if (!bare) {
      value = decode_references(a.value);
    }
    if (aria_name(name)) {
      if (!bare) write_attribute(out, name, value, false);
      continue;
    }
    const int index = kAttributeNames.find_sorted(name);
    if (index < 0 || (seen >> index & 1u) != 0) continue;
    const AttrKind kind = kAttributeKinds[static_cast<std::size_t>(index)];
    if (!listed(kAttributeElements[static_cast<std::size_t>(index)], element_name)) continue;
    seen |= std::uint64_t{1} << index;
    switch (kind) {
      case AttrKind::kBoolean:
        out.push(' ');
        out.append(name);
        muted = muted || name == "muted";
        break;
      case AttrKind::kAutoplay: autoplay = true; break;
      case AttrKind::kPlain:
        if (!bare) write_attribute(out, name, value, false);
        break;
      case AttrKind::kId:
        if (!bare && !value.empty())
          write_attribute(out, name, std::string(id_prefix) + value, false);
        break;
      case AttrKind::kLinkUrl:
      case AttrKind::kImageUrl:
        if (!bare &&
            url_allowed(value, kind == AttrKind::kLinkUrl ? UrlUse::kLink : UrlUse::kImage))
          write_attribute(out, name, value, true);
        break;
      case AttrKind::kSrc: {
        if (bare) break;
        const bool ok = (flags & kIframe) != 0  ? embed_allowed(value)
                        : element_name == "img" ? url_allowed(value, UrlUse::kImage)
                                                : url_allowed(value, UrlUse::kMedia);
        if (ok) write_attribute(out, name, value, true);
        has_src = has_src || ok;
        break;
      }
      case AttrKind::kSrcset:
        if (!bare && srcset_allowed(value)) write_attribute(out, name, value, false);
        break;
      case AttrKind::kTarget:
        blank_target = !bare && equals_lower(value, "_blank");
        if (blank_target) out.append(" target=\"_blank\"");
        break;
      case AttrKind::kAllow: {
        const std::string features = bare ? std::string() : allowed_features(value);
        if (!features.empty()) write_attribute(out, name, features, false);
        break;
      }
    }
  }
  if ((flags & kIframe) != 0) {
    if (!has_src) {
      out.truncate(begin);
      return false;
    }
    out.append(kIframeSandbox);
  }
  if (autoplay && muted) out.append(" autoplay");
  if (blank_target) out.append(" rel=\"noopener noreferrer\"");
  out.push('>');
  return true;
}

}  // namespace foldmark::detail
