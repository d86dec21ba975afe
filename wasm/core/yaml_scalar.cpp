// Plain scalar typing under the YAML 1.2 core schema and the small
// helpers (warnings, mappings, indentation) shared by the block and flow parsers.
#include <cmath>

#include "utf8.h"
#include "yaml_subset.h"

namespace foldmark::detail {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool all_of(std::string_view s, bool (*pred)(char)) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!pred(c)) return false;
  }
  return true;
}

bool is_octal_digit(char c) {
  return c >= '0' && c <= '7';
}

std::size_t skip_digits(std::string_view s, std::size_t i) {
  while (i < s.size() && is_digit(s[i])) ++i;
  return i;
}

// [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )? — the core schema float,
// which also covers its decimal ints.
bool is_decimal(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  const std::size_t int_begin = i;
  i = skip_digits(s, i);
  const bool has_int = i > int_begin;
  if (i < s.size() && s[i] == '.') {
    const std::size_t frac_begin = ++i;
    i = skip_digits(s, i);
    if (!has_int && i == frac_begin) return false;
  } else if (!has_int) {
    return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    const std::size_t exp_begin = i;
    i = skip_digits(s, i);
    if (i == exp_begin) return false;
  }
  return i == s.size();
}

YamlNode make(YamlKind kind, std::string text) {
  YamlNode n;
  n.kind = kind;
  n.text = std::move(text);
  return n;
}

// A finite number node, or the source text as a string when it overflows (js-yaml keeps 1e400
// as a string too).
YamlNode number_node(double v, std::string source) {
  if (!std::isfinite(v)) return make(YamlKind::kString, std::move(source));
  return make(YamlKind::kNumber, format_js_number(v));
}

}  // namespace

YamlNode resolve_plain(std::string text) {
  const std::string_view s = text;
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return YamlNode();
  if (s == "true" || s == "True" || s == "TRUE") return make(YamlKind::kBool, "true");
  if (s == "false" || s == "False" || s == "FALSE") return make(YamlKind::kBool, "false");
  if (s.size() > 2 && s[0] == '0' && s[1] == 'x' && all_of(s.substr(2), is_hex)) {
    return number_node(yaml_integer_value(s.substr(2), 4), text);
  }
  if (s.size() > 2 && s[0] == '0' && s[1] == 'o' && all_of(s.substr(2), is_octal_digit)) {
    return number_node(yaml_integer_value(s.substr(2), 3), text);
  }
  if (is_decimal(s)) return number_node(yaml_decimal_value(s), text);
  const std::string_view unsigned_part = (s[0] == '-' || s[0] == '+') ? s.substr(1) : s;
  if (unsigned_part == ".inf" || unsigned_part == ".Inf" || unsigned_part == ".INF") {
    return make(YamlKind::kString, s[0] == '-' ? "-Infinity" : "Infinity");
  }
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return make(YamlKind::kString, "NaN");
  return make(YamlKind::kString, std::move(text));
}

std::string yaml_key_text(const YamlNode& key) {
  if (key.kind == YamlKind::kNull) return "null";
  if (key.kind == YamlKind::kNumber && key.text == "-0") return "0";
  return key.text;
}

bool MapBuilder::add(std::string key, YamlNode value) {
  if (const std::uint32_t* at = index_.find(key)) {
    node_.items[*at] = std::move(value);
    return false;
  }
  index_.add(key, static_cast<std::uint32_t>(node_.keys.size()));
  node_.keys.push_back(std::move(key));
  push_back_out_of_line(node_.items, std::move(value));
  return true;
}

void add_yaml_warning(std::vector<Warning>& warnings, const YamlLine& line, std::size_t col,
                      const char* code, std::string message) {
  Warning w;
  w.line = line.number;
  w.column = static_cast<int>(count_code_points(line.text.substr(0, col))) + 1;
  w.code = code;
  w.message = std::move(message);
  push_back_out_of_line(warnings, std::move(w));
}

std::size_t yaml_indent(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && text[i] == ' ') ++i;
  return i;
}

bool yaml_blank(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

}  // namespace foldmark::detail
