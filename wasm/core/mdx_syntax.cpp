// Component tags, import/export statements and admonition titles, as the line stages read them.
#include "mdx_syntax.h"

namespace foldmark::detail {
namespace {

bool is_name_char(char c) {
  return is_ascii_alpha(c) || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Skips a quoted string or a {…} expression (nested braces, quotes inside); npos if unclosed.
std::size_t skip_value(std::string_view s, std::size_t i) {
  if (s[i] == '"' || s[i] == '\'') {
    const std::size_t end = s.find(s[i], i + 1);
    return end == std::string_view::npos ? end : end + 1;
  }
  int depth = 0;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '"' || c == '\'' || c == '`') {
      const std::size_t end = s.find(c, i + 1);
      if (end == std::string_view::npos) return end;
      i = end;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}' && --depth == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// A string literal value: "x", 'x', {"x"}, {'x'}; anything else gives "".
std::string literal(std::string_view v) {
  if (v.size() >= 2 && v.front() == '{' && v.back() == '}') v = v.substr(1, v.size() - 2);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
    return std::string(v.substr(1, v.size() - 2));
  return "";
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && (is_space(s[i]) || s[i] == ',')) ++i;
  return i;
}

// A quoted key or value at s[i] ('…', "…" or `…` without ${}); npos when it is not one.
std::size_t quoted(std::string_view s, std::size_t i, std::string_view& out) {
  if (i >= s.size() || (s[i] != '"' && s[i] != '\'' && s[i] != '`')) return std::string_view::npos;
  const std::size_t end = s.find(s[i], i + 1);
  if (end == std::string_view::npos) return end;
  out = s.substr(i + 1, end - i - 1);
  if (out.find('\\') != std::string_view::npos || (s[i] == '`' && out.find("${") != out.npos))
    return std::string_view::npos;
  return end + 1;
}

// values={[{label: 'Kotlin', value: 'kotlin'}, …]}: object literals of string literals only; any
// other shape (a variable, a computed label) gives no values, and the tabs show their own.
std::vector<TabsAttributes::Choice> parse_values(std::string_view v) {
  if (v.size() < 2 || v.front() != '{' || v.back() != '}') return {};
  v = v.substr(1, v.size() - 2);
  std::size_t i = skip_spaces(v, 0);
  if (i >= v.size() || v[i] != '[') return {};
  std::vector<TabsAttributes::Choice> out;
  for (i = skip_spaces(v, i + 1); i < v.size() && v[i] == '{'; i = skip_spaces(v, i)) {
    TabsAttributes::Choice choice;
    for (i = skip_spaces(v, i + 1); i < v.size() && v[i] != '}'; i = skip_spaces(v, i)) {
      std::string_view key, text;
      const std::size_t key_begin = i;
      if (v[i] == '"' || v[i] == '\'') {
        i = quoted(v, i, key);
        if (i == std::string_view::npos) return {};
      } else {
        while (i < v.size() && (is_ascii_alpha(v[i]) || v[i] == '_')) ++i;
        key = v.substr(key_begin, i - key_begin);
      }
      while (i < v.size() && is_space(v[i])) ++i;
      if (key.empty() || i >= v.size() || v[i] != ':') return {};
      i = quoted(v, skip_spaces(v, i + 1), text);
      if (i == std::string_view::npos) return {};
      if (key == "value") choice.value = std::string(text);
      if (key == "label") choice.label = std::string(text);
    }
    if (i >= v.size()) return {};
    ++i;
    out.push_back(std::move(choice));
  }
  if (i >= v.size() || v[i] != ']' || !is_blank(v.substr(i + 1))) return {};
  return out;
}

TabsAttributes& tabs_of(Tag& tag) {
  if (!tag.tabs) tag.tabs = std::make_unique<TabsAttributes>();
  return *tag.tabs;
}

void take_attribute(Tag& tag, std::string_view name, std::string_view value) {
  if (name == "value") tag.value = literal(value);
  if (name == "label") tag.label = literal(value);
  if (name == "default") tag.is_default = value.empty() || value == "{true}";
  if (name == "groupId") tabs_of(tag).group_id = literal(value);
  if (name == "defaultValue") tabs_of(tag).default_value = literal(value);
  if (name == "values") tabs_of(tag).values = parse_values(value);
  if (name == "queryString") {
    tabs_of(tag).query_string = literal(value);
    tabs_of(tag).query_string_is_group = value.empty() || value == "{true}";
  }
}

// Attributes up to the tag's end; returns the index after '>', npos when the text ends first.
std::size_t parse_attributes(std::string_view s, std::size_t i, Tag& tag) {
  while (i < s.size()) {
    if (is_space(s[i])) {
      ++i;
    } else if (s[i] == '>') {
      return i + 1;
    } else if (s[i] == '/' && i + 1 < s.size() && s[i + 1] == '>') {
      tag.self_closing = true;
      return i + 2;
    } else if (s[i] == '{') {  // a spread: {...props}
      i = skip_value(s, i);
      if (i == std::string_view::npos) return i;
    } else {
      const std::size_t name_begin = i;
      while (i < s.size() && !is_space(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/') ++i;
      const std::string_view name = s.substr(name_begin, i - name_begin);
      std::string_view value;
      if (i < s.size() && s[i] == '=') {
        const std::size_t value_begin = ++i;
        if (i >= s.size()) return std::string_view::npos;
        i = skip_value(s, i);
        if (i == std::string_view::npos) return i;
        value = s.substr(value_begin, i - value_begin);
      }
      if (name.empty()) ++i;
      take_attribute(tag, name, value);
    }
  }
  return std::string_view::npos;
}

}  // namespace

TagParse parse_component_tag(std::string_view s, Tag& tag) {
  std::size_t i = 1;
  if (s.size() < 2 || s[0] != '<') return TagParse::kNotATag;
  tag = Tag{};
  if (s[i] == '/') {
    tag.closing = true;
    ++i;
  }
  const std::size_t name_begin = i;
  if (i >= s.size() || !(s[i] >= 'A' && s[i] <= 'Z')) return TagParse::kNotATag;
  bool lower = false;
  for (; i < s.size() && is_name_char(s[i]); ++i) lower = lower || (s[i] >= 'a' && s[i] <= 'z');
  if (!lower || (i < s.size() && !is_space(s[i]) && s[i] != '>' && s[i] != '/'))
    return TagParse::kNotATag;
  tag.name = std::string(s.substr(name_begin, i - name_begin));
  const std::size_t end = parse_attributes(s, i, tag);
  if (end == std::string_view::npos) return TagParse::kIncomplete;
  if (!is_blank(s.substr(end))) return TagParse::kNotATag;
  if (tag.closing && tag.self_closing) return TagParse::kNotATag;
  return TagParse::kTag;
}

bool is_esm_start(std::string_view line) {
  auto word = [&](std::string_view w) {
    return line.substr(0, w.size()) == w && line.size() > w.size() &&
           (line[w.size()] == ' ' || line[w.size()] == '{' || line[w.size()] == '*');
  };
  if (word("import")) {
    std::size_t i = 6;
    while (i < line.size() && line[i] == ' ') ++i;
    if (i >= line.size()) return false;
    const char c = line[i];
    if (c == '{' || c == '*' || c == '"' || c == '\'') return true;
    return line.find(" from ", i) != std::string_view::npos;
  }
  if (!word("export")) return false;
  const std::string_view rest = line.substr(7);
  for (std::string_view k :
       {"const ", "let ", "var ", "function", "default ", "class ", "async ", "{", "*"}) {
    if (rest.substr(0, k.size()) == k) return true;
  }
  return false;
}

std::string admonition_title(std::string_view rest) {
  if (!rest.empty() && rest[0] == '[') {
    const std::size_t close = rest.rfind(']');
    if (close == std::string_view::npos || close == 0) return "";
    rest = rest.substr(1, close - 1);
  }
  std::size_t b = 0, e = rest.size();
  while (b < e && (rest[b] == ' ' || rest[b] == '\t')) ++b;
  while (e > b && (rest[e - 1] == ' ' || rest[e - 1] == '\t')) --e;
  return std::string(rest.substr(b, e - b));
}

std::size_t jsx_text_literal(std::string_view s, std::size_t i, std::string_view& text) {
  if (i + 3 >= s.size() || s[i] != '{' || (s[i + 1] != '\'' && s[i + 1] != '"'))
    return std::string_view::npos;
  const std::size_t close = s.find(s[i + 1], i + 2);
  if (close == std::string_view::npos || close + 1 >= s.size() || s[close + 1] != '}')
    return std::string_view::npos;
  text = s.substr(i + 2, close - i - 2);
  // An escape would need JavaScript's rules to read; a line break cannot be in such a literal.
  if (text.find_first_of("\\\n") != std::string_view::npos) return std::string_view::npos;
  return close + 2;
}

bool is_blank(std::string_view s) {
  for (char c : s) {
    if (!is_space(c)) return false;
  }
  return true;
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace foldmark::detail
