// Flow collections ([a, b], {a: 1}) and quoted scalars, which may span lines: one forward scan
// with an explicit depth limit; an error nulls the whole value and resumes after it.
#include <cstring>

#include "contract.inc"
#include "escape.h"
#include "yaml_subset.h"

namespace foldmark::detail {
namespace {

constexpr const char* kCode = contract::kWarnFrontMatter;

bool is_ws(char c) {
  return c == ' ' || c == '\t';
}

bool is_flow_indicator(char c) {
  return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The single-character escapes of YAML 1.2 double-quoted scalars (section 5.7), as UTF-8.
const char* simple_escape(char e) {
  switch (e) {
    case '0': return "\0";
    case 'a': return "\a";
    case 'b': return "\b";
    case 't':
    case '\t': return "\t";
    case 'n': return "\n";
    case 'v': return "\v";
    case 'f': return "\f";
    case 'r': return "\r";
    case 'e': return "\x1B";
    case ' ': return " ";
    case '"': return "\"";
    case '/': return "/";
    case '\\': return "\\";
    case 'N': return "\xC2\x85";
    case '_': return "\xC2\xA0";
    case 'L': return "\xE2\x80\xA8";
    case 'P': return "\xE2\x80\xA9";
    default: return nullptr;
  }
}

class FlowParser {
 public:
  FlowParser(const PodVector<YamlLine>& lines, std::size_t line, std::size_t col, int parent_indent,
             std::vector<Warning>& warnings)
      : lines_(lines), warnings_(warnings), parent_indent_(parent_indent), line_(line), col_(col) {}

  FlowResult run(int depth);

 private:
  std::string_view text() const { return lines_[line_].text; }
  // The current character: '\n' at the end of a line, '\0' past the end of the flow's lines.
  char cur() const { return at(0); }
  char at(std::size_t ahead) const {
    if (stopped_ || line_ >= lines_.size()) return '\0';
    return col_ + ahead < text().size() ? text()[col_ + ahead] : '\n';
  }
  bool ends_plain_colon() const {
    const char next = at(1);
    return next == '\n' || is_ws(next) || is_flow_indicator(next);
  }
  void advance_line();
  std::size_t skip_breaks();
  void skip_space();
  YamlNode value(int depth);
  YamlNode sequence(int depth);
  YamlNode mapping(int depth);
  YamlNode double_quoted();
  YamlNode single_quoted();
  YamlNode plain();
  void escape(std::string& out);
  bool hex_escape(std::string& out, std::size_t digits);
  void fold(std::string& out, std::size_t keep);
  bool skip_balanced(int open);
  void skip_quoted(char quote);
  void fail_at(std::size_t line, std::size_t col, std::string message);
  void fail(std::string message) { fail_at(line_, col_, std::move(message)); }
  // After an item of a flow collection: a ',' is consumed; anything but `close` or the end of
  // the text is an error naming what was expected.
  void end_item(char close, const char* expected) {
    if (cur() == ',')
      ++col_;
    else if (cur() != close && cur() != '\0')
      fail(expected);
  }

  const PodVector<YamlLine>& lines_;
  std::vector<Warning>& warnings_;
  int parent_indent_;
  std::size_t line_;
  std::size_t col_;
  int open_ = 0;  // collections open at the current position, for error recovery
  bool failed_ = false;
  bool stopped_ = false;
};

// A non-blank line not indented past the parent ends the flow (js-yaml: "deficient indentation").
void FlowParser::advance_line() {
  ++line_;
  col_ = 0;
  if (line_ >= lines_.size()) {
    stopped_ = true;
  } else if (!yaml_blank(text()) && static_cast<int>(yaml_indent(text())) <= parent_indent_) {
    stopped_ = true;
  }
}

// At a line end: crosses it, any blank lines and the next line's leading white space. Returns the
// number of line breaks crossed (1 + blank lines), which is what line folding needs.
std::size_t FlowParser::skip_breaks() {
  std::size_t breaks = 0;
  while (cur() == '\n') {
    advance_line();
    ++breaks;
    while (is_ws(cur())) ++col_;
  }
  return breaks;
}

void FlowParser::skip_space() {
  for (;;) {
    const char c = cur();
    if (is_ws(c)) {
      ++col_;
    } else if (c == '\n') {
      skip_breaks();
    } else if (c == '#' && (col_ == 0 || is_ws(text()[col_ - 1]))) {
      col_ = text().size();
    } else {
      return;
    }
  }
}

void FlowParser::fail_at(std::size_t line, std::size_t col, std::string message) {
  if (failed_) return;
  failed_ = true;
  add_yaml_warning(warnings_, lines_[line], col, kCode, std::move(message));
}

YamlNode FlowParser::value(int depth) {
  const char c = cur();
  if (c == '[' || c == '{') {
    if (depth <= kMaxFrontMatterDepth) return c == '[' ? sequence(depth) : mapping(depth);
    add_yaml_warning(warnings_, lines_[line_], col_, kCode,
                     "collections nested more than " + std::to_string(kMaxFrontMatterDepth) +
                         " levels deep are replaced by null");
    if (!skip_balanced(0)) failed_ = true;
    return YamlNode();
  }
  if (c == '"') return double_quoted();
  if (c == '\'') return single_quoted();
  if (std::strchr("&*!%@`|>", c) != nullptr) {
    fail("anchors, aliases, tags and block scalars are not supported inside [ ] or { }");
    return YamlNode();
  }
  if (is_flow_indicator(c) || c == '#' ||
      ((c == '-' || c == '?' || c == ':') && ends_plain_colon())) {
    fail(std::string("expected a value, found '") + c + "'");
    return YamlNode();
  }
  return plain();
}

YamlNode FlowParser::sequence(int depth) {
  const std::size_t open_line = line_, open_col = col_;
  ++col_;
  ++open_;
  YamlNode seq;
  seq.kind = YamlKind::kList;
  for (;;) {
    skip_space();
    if (cur() == ']') break;
    if (cur() == '\0') fail_at(open_line, open_col, "this list is never closed with ']'");
    if (failed_) return YamlNode();
    const std::size_t key_line = line_, key_col = col_;
    YamlNode item = value(depth + 1);
    skip_space();
    if (!failed_ && cur() == ':') {
      // [a: 1] is a list holding the single-pair mapping {a: 1}.
      ++col_;
      skip_space();
      YamlNode pair_value;
      if (cur() != ',' && cur() != ']' && cur() != '\0') pair_value = value(depth + 2);
      if (item.kind == YamlKind::kList || item.kind == YamlKind::kMap)
        fail_at(key_line, key_col, "a list or mapping cannot be a key");
      MapBuilder pair;
      pair.add(yaml_key_text(item), std::move(pair_value));
      item = pair.take();
      skip_space();
    }
    if (failed_) return YamlNode();
    push_back_out_of_line(seq.items, std::move(item));
    end_item(']', "expected ',' or ']' in the list");
  }
  ++col_;
  --open_;
  return seq;
}

YamlNode FlowParser::mapping(int depth) {
  const std::size_t open_line = line_, open_col = col_;
  ++col_;
  ++open_;
  MapBuilder map;
  for (;;) {
    skip_space();
    if (cur() == '}') break;
    if (cur() == '\0') fail_at(open_line, open_col, "this mapping is never closed with '}'");
    if (failed_) return YamlNode();
    const std::size_t key_line = line_, key_col = col_;
    YamlNode key;
    if (cur() != ':') key = value(depth + 1);
    if (key.kind == YamlKind::kList || key.kind == YamlKind::kMap)
      fail_at(key_line, key_col, "a list or mapping cannot be a key");
    skip_space();
    YamlNode item;
    if (!failed_ && cur() == ':') {
      ++col_;
      skip_space();
      if (cur() != ',' && cur() != '}' && cur() != '\0') item = value(depth + 1);
      skip_space();
    }
    if (failed_) return YamlNode();
    const std::string name = yaml_key_text(key);
    if (!map.add(name, std::move(item))) {
      add_yaml_warning(warnings_, lines_[key_line], key_col, contract::kWarnFrontMatterDuplicateKey,
                       "duplicate key '" + name + "': the last value is used");
    }
    end_item('}', "expected ',' or '}' in the mapping");
  }
  ++col_;
  --open_;
  return map.take();
}

// Flow scalar line folding: trailing white space goes (except escaped white space, before keep),
// one line break becomes a space, n+1 breaks become n newlines.
void FlowParser::fold(std::string& out, std::size_t keep) {
  while (out.size() > keep && is_ws(out.back())) out.pop_back();
  const std::size_t breaks = skip_breaks();
  if (breaks == 1)
    out.push_back(' ');
  else
    out.append(breaks - 1, '\n');
}

YamlNode FlowParser::double_quoted() {
  const std::size_t open_line = line_, open_col = col_;
  ++col_;
  YamlNode node;
  node.kind = YamlKind::kString;
  std::string& out = node.text;
  std::size_t keep = 0;
  for (;;) {
    const char c = cur();
    if (c == '\0') {
      fail_at(open_line, open_col, "this double-quoted string is never closed");
      return YamlNode();
    }
    if (c == '"') break;
    if (c == '\n') {
      fold(out, keep);
    } else if (c == '\\') {
      escape(out);
      keep = out.size();
    } else {
      out.push_back(c);
      ++col_;
    }
  }
  ++col_;
  return node;
}

// An invalid escape is kept as written (backslash included) with a warning; js-yaml throws.
void FlowParser::escape(std::string& out) {
  const char e = at(1);
  if (e == '\n') {
    // An escaped line break joins the lines without a space; js-yaml also drops blank lines here.
    col_ = text().size();
    skip_breaks();
    return;
  }
  if (const char* simple = simple_escape(e)) {
    out.append(simple, e == '0' ? 1 : std::strlen(simple));
    col_ += 2;
    return;
  }
  const std::size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
  if (digits != 0 && hex_escape(out, digits)) return;
  add_yaml_warning(warnings_, lines_[line_], col_, kCode,
                   "invalid escape sequence in a double-quoted string; it is kept as written");
  out.push_back('\\');
  ++col_;
}

// \xXX, \uXXXX (a surrogate pair when two follow each other) or \UXXXXXXXX at col_.
bool FlowParser::hex_escape(std::string& out, std::size_t digits) {
  const std::string_view t = text();
  auto read = [&](std::size_t from, std::size_t count, unsigned long* value) {
    *value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      const int h = i < t.size() ? hex_value(t[i]) : -1;
      if (h < 0) return false;
      *value = *value * 16 + static_cast<unsigned long>(h);
    }
    return true;
  };
  unsigned long cp = 0;
  if (!read(col_ + 2, digits, &cp)) return false;
  std::size_t length = 2 + digits;
  if (digits == 4 && cp >= 0xD800 && cp <= 0xDBFF) {
    unsigned long low = 0;
    const std::size_t next = col_ + 6;
    if (next + 1 < t.size() && t[next] == '\\' && t[next + 1] == 'u' && read(next + 2, 4, &low) &&
        low >= 0xDC00 && low <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      length = 12;
    }
  }
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return false;
  append_utf8(out, static_cast<unsigned>(cp));
  col_ += length;
  return true;
}

YamlNode FlowParser::single_quoted() {
  const std::size_t open_line = line_, open_col = col_;
  ++col_;
  YamlNode node;
  node.kind = YamlKind::kString;
  for (;;) {
    const char c = cur();
    if (c == '\0') {
      fail_at(open_line, open_col, "this single-quoted string is never closed");
      return YamlNode();
    }
    if (c == '\'' && at(1) != '\'') break;
    if (c == '\n') {
      fold(node.text, 0);
      continue;
    }
    node.text.push_back(c);
    col_ += c == '\'' ? 2 : 1;  // '' is an escaped quote
  }
  ++col_;
  return node;
}

// A plain scalar inside a flow: ends at , [ ] { }, at ': ' and at ' #'; may fold over lines.
YamlNode FlowParser::plain() {
  std::string out;
  for (;;) {
    const std::string_view t = text();
    const std::size_t start = col_;
    bool stop = false;
    for (; col_ < t.size(); ++col_) {
      const char c = t[col_];
      stop = is_flow_indicator(c) || (c == ':' && ends_plain_colon()) ||
             (c == '#' && col_ > 0 && is_ws(t[col_ - 1]));
      if (stop) break;
    }
    out.append(t.substr(start, col_ - start));
    while (!out.empty() && is_ws(out.back())) out.pop_back();
    if (stop) break;
    const std::size_t breaks = skip_breaks();
    const char c = cur();
    if (c == '\0' || c == '#' || is_flow_indicator(c) || (c == ':' && ends_plain_colon())) break;
    if (breaks == 1)
      out.push_back(' ');
    else
      out.append(breaks - 1, '\n');
  }
  return resolve_plain(std::move(out));
}

void FlowParser::skip_quoted(char quote) {
  ++col_;
  for (char c = cur(); c != '\0'; c = cur()) {
    if (c == '\n') {
      skip_breaks();
      continue;
    }
    if (c == quote && !(quote == '\'' && at(1) == '\'')) {
      ++col_;
      return;
    }
    col_ += (c == '\\' && quote == '"') || (c == '\'' && quote == '\'') ? 2 : 1;
  }
}

// Moves past the collections still open (open of them, or the one starting here when open is 0)
// without building anything: recovery after an error and the depth limit, in linear time.
bool FlowParser::skip_balanced(int open) {
  for (char c = cur(); c != '\0'; c = cur()) {
    if (c == '\n') {
      skip_breaks();
    } else if (c == '"' || c == '\'') {
      skip_quoted(c);
    } else if (c == '#' && (col_ == 0 || is_ws(text()[col_ - 1]))) {
      col_ = text().size();
    } else {
      ++col_;
      if (c == '[' || c == '{') ++open;
      if ((c == ']' || c == '}') && --open <= 0) return true;
    }
  }
  return false;
}

FlowResult FlowParser::run(int depth) {
  FlowResult r;
  YamlNode node = value(depth);
  if (!failed_) {
    r.node = std::move(node);
    r.ok = true;
    r.line = line_;
    r.col = col_;
    r.next_line = line_ + 1;
    return r;
  }
  if (!stopped_ && open_ > 0) skip_balanced(open_);
  r.next_line = stopped_ ? line_ : line_ + 1;
  if (r.next_line > lines_.size()) r.next_line = lines_.size();
  return r;
}

}  // namespace

FlowResult parse_flow(const PodVector<YamlLine>& lines, std::size_t line, std::size_t col,
                      int parent_indent, int depth, std::vector<Warning>& warnings) {
  return FlowParser(lines, line, col, parent_indent, warnings).run(depth);
}

}  // namespace foldmark::detail
