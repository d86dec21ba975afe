// Plain scalar typing under the YAML 1.2 core schema, JavaScript number formatting, and the small
// helpers (warnings, mappings, indentation) shared by the block and flow parsers.
#include <cmath>
#include <cstdio>
#include <cstdlib>

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

// Octal digits regrouped as hex so strtod rounds values beyond 2^53 exactly as JavaScript does.
std::string octal_as_hex(std::string_view digits) {
  std::string bits;
  bits.reserve(digits.size() * 3 + 3);
  for (char c : digits) {
    const int d = c - '0';
    bits.push_back(static_cast<char>('0' + ((d >> 2) & 1)));
    bits.push_back(static_cast<char>('0' + ((d >> 1) & 1)));
    bits.push_back(static_cast<char>('0' + (d & 1)));
  }
  bits.insert(0, (4 - bits.size() % 4) % 4, '0');
  std::string hex = "0x";
  for (std::size_t i = 0; i < bits.size(); i += 4) {
    const int v = (bits[i] - '0') * 8 + (bits[i + 1] - '0') * 4 + (bits[i + 2] - '0') * 2 +
                  (bits[i + 3] - '0');
    hex.push_back("0123456789abcdef"[v]);
  }
  return hex;
}

YamlNode make(YamlKind kind, std::string text) {
  YamlNode n;
  n.kind = kind;
  n.text = std::move(text);
  return n;
}

// A finite number node, or the source text as a string when it overflows (js-yaml keeps 1e400
// as a string too).
YamlNode number_node(const std::string& c_text, std::string source) {
  const double v = std::strtod(c_text.c_str(), nullptr);
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
    return number_node(text, text);
  }
  if (s.size() > 2 && s[0] == '0' && s[1] == 'o' && all_of(s.substr(2), is_octal_digit)) {
    return number_node(octal_as_hex(s.substr(2)), text);
  }
  if (is_decimal(s)) return number_node(text, text);
  const std::string_view unsigned_part = (s[0] == '-' || s[0] == '+') ? s.substr(1) : s;
  if (unsigned_part == ".inf" || unsigned_part == ".Inf" || unsigned_part == ".INF") {
    return make(YamlKind::kString, s[0] == '-' ? "-Infinity" : "Infinity");
  }
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return make(YamlKind::kString, "NaN");
  return make(YamlKind::kString, std::move(text));
}

std::string format_js_number(double value) {
  if (value == 0) return std::signbit(value) ? "-0" : "0";
  char buf[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, value);
    if (std::strtod(buf, nullptr) == value) break;
  }
  // buf is "-d.ddde±XX": collect the significant digits and the decimal exponent.
  const std::string_view e_form = buf;
  const std::size_t e_pos = e_form.find('e');
  std::string digits;
  for (char c : e_form.substr(0, e_pos)) {
    if (is_digit(c)) digits.push_back(c);
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  const int k = static_cast<int>(digits.size());
  const int n = std::atoi(buf + e_pos + 1) + 1;  // value = 0.digits × 10^n, as in ECMA-262
  std::string out = value < 0 ? "-" : "";
  if (k <= n && n <= 21) {
    out += digits;
    out.append(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, static_cast<std::size_t>(n)) + "." +
           digits.substr(static_cast<std::size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-n), '0');
    out += digits;
  } else {
    out += digits.substr(0, 1);
    if (k > 1) out += "." + digits.substr(1);
    out += n - 1 >= 0 ? "e+" : "e-";
    out += std::to_string(std::abs(n - 1));
  }
  return out;
}

std::string yaml_key_text(const YamlNode& key) {
  if (key.kind == YamlKind::kNull) return "null";
  if (key.kind == YamlKind::kNumber && key.text == "-0") return "0";
  return key.text;
}

bool MapBuilder::add(std::string key, YamlNode value) {
  const auto found = index_.find(key);
  if (found != index_.end()) {
    node_.items[found->second] = std::move(value);
    return false;
  }
  index_.emplace(key, node_.keys.size());
  node_.keys.push_back(std::move(key));
  node_.items.push_back(std::move(value));
  return true;
}

void add_yaml_warning(std::vector<Warning>& warnings, const YamlLine& line, std::size_t col,
                      const char* code, std::string message) {
  Warning w;
  w.line = line.number;
  w.column = static_cast<int>(count_code_points(line.text.substr(0, col))) + 1;
  w.code = code;
  w.message = std::move(message);
  warnings.push_back(std::move(w));
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
