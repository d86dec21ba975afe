// Block structure of the front matter: mappings and lists by indentation, block scalars (| >) and
// multi-line plain scalars. Every line is visited a bounded number of times, so parsing is linear.
#include <cstring>

#include "contract.inc"
#include "yaml_subset.h"

namespace foldmark::detail {
namespace {

constexpr const char* kCode = contract::kWarnFrontMatter;
constexpr std::size_t kNone = std::string_view::npos;

bool is_ws(char c) {
  return c == ' ' || c == '\t';
}

std::size_t skip_ws(std::string_view t, std::size_t i) {
  while (i < t.size() && is_ws(t[i])) ++i;
  return i;
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && is_ws(s.back())) s.remove_suffix(1);
  return s;
}

// "-" followed by white space or the line end starts a block list item.
bool is_dash(std::string_view t, std::size_t col) {
  return col < t.size() && t[col] == '-' && (col + 1 == t.size() || is_ws(t[col + 1]));
}

bool is_value_colon(std::string_view t, std::size_t i) {
  return t[i] == ':' && (i + 1 == t.size() || is_ws(t[i + 1]));
}

// The offset of the ':' when the text at col is "key: value" (key plain or quoted), else kNone.
std::size_t entry_colon(std::string_view t, std::size_t col) {
  std::size_t i = col;
  if (t[i] == '"' || t[i] == '\'') {
    const char q = t[i++];
    for (; i < t.size() && t[i] != q; ++i) {
      if (q == '"' && t[i] == '\\') ++i;
    }
    while (q == '\'' && i + 1 < t.size() && t[i + 1] == '\'') {
      for (i += 2; i < t.size() && t[i] != q; ++i) {
      }
    }
    if (i >= t.size()) return kNone;
    i = skip_ws(t, i + 1);
    return i < t.size() && is_value_colon(t, i) ? i : kNone;
  }
  if (std::strchr("[{#&*!|>%@`", t[i]) != nullptr) return kNone;
  for (; i < t.size(); ++i) {
    if (is_value_colon(t, i)) return i;
    if (t[i] == '#' && i > col && is_ws(t[i - 1])) return kNone;
  }
  return kNone;
}

class BlockParser {
 public:
  BlockParser(const PodVector<YamlLine>& lines, std::vector<Warning>& warnings)
      : lines_(lines), warnings_(warnings) {}
  YamlNode document();

 private:
  std::string_view text() const { return lines_[line_].text; }
  void warn(std::size_t col, std::string message) {
    add_yaml_warning(warnings_, lines_[line_], col, kCode, std::move(message));
  }
  bool next_content_line();
  YamlNode block_node(int parent_indent, bool compact_list, int depth);
  YamlNode node_at(std::size_t col, int parent_indent, int depth);
  YamlNode mapping(std::size_t col, int depth);
  void entry(std::size_t col, int depth, MapBuilder& map);
  YamlNode list(std::size_t col, int depth);
  YamlNode inline_value(std::size_t col, int parent_indent, int depth, bool* ok);
  YamlNode flow_value(std::size_t col, int parent_indent, int depth, bool* ok);
  YamlNode block_scalar(std::size_t col, int parent_indent, bool* ok);
  std::string block_scalar_text(std::size_t indent, bool folded, char chomp);
  YamlNode plain(std::size_t col, int parent_indent);
  void continue_plain(std::string& out, int parent_indent);
  void skip_deeper(int parent_indent);

  const PodVector<YamlLine>& lines_;
  std::vector<Warning>& warnings_;
  std::size_t line_ = 0;
};

// Moves to the next line holding content; blank and comment lines are skipped, and so are lines
// indented with tabs (YAML forbids them), with a warning.
bool BlockParser::next_content_line() {
  for (; line_ < lines_.size(); ++line_) {
    const std::string_view t = text();
    const std::size_t first = skip_ws(t, 0);
    if (first == t.size() || t[first] == '#') continue;
    if (first == yaml_indent(t)) return true;
    warn(yaml_indent(t), "tabs cannot be used for indentation; this line is skipped");
  }
  return false;
}

YamlNode BlockParser::document() {
  MapBuilder empty;
  if (!next_content_line()) return empty.take();
  const std::size_t first_line = line_;
  const std::size_t indent = yaml_indent(text());
  YamlNode root = node_at(indent, -1, 1);
  if (root.kind != YamlKind::kMap) {
    add_yaml_warning(warnings_, lines_[first_line], indent, kCode,
                     "front matter must be a mapping of 'key: value' lines; it is ignored");
    return empty.take();
  }
  while (next_content_line()) {
    warn(yaml_indent(text()),
         "this line is not part of the front matter mapping; check its indentation");
    ++line_;
  }
  return root;
}

// The value of "key:" or "-" with nothing after it: the more indented lines below, if any. A list
// may sit at its key's own indentation (compact_list), as in "tags:\n- a".
YamlNode BlockParser::block_node(int parent_indent, bool compact_list, int depth) {
  if (!next_content_line()) return YamlNode();
  const std::size_t ind = yaml_indent(text());
  const int indent = static_cast<int>(ind);
  if (indent > parent_indent || (compact_list && indent == parent_indent && is_dash(text(), ind))) {
    return node_at(ind, parent_indent, depth);
  }
  return YamlNode();
}

YamlNode BlockParser::node_at(std::size_t col, int parent_indent, int depth) {
  const bool is_list = is_dash(text(), col);
  if (is_list || entry_colon(text(), col) != kNone) {
    if (depth > kMaxFrontMatterDepth) {
      warn(col, "collections nested more than " + std::to_string(kMaxFrontMatterDepth) +
                    " levels deep are replaced by null");
      skip_deeper(parent_indent);
      return YamlNode();
    }
    return is_list ? list(col, depth) : mapping(col, depth);
  }
  bool ok = true;
  return inline_value(col, parent_indent, depth, &ok);
}

void BlockParser::skip_deeper(int parent_indent) {
  for (++line_; line_ < lines_.size(); ++line_) {
    const std::size_t first = skip_ws(text(), 0);
    const bool content = first < text().size() && text()[first] != '#';
    if (content && static_cast<int>(yaml_indent(text())) <= parent_indent) return;
  }
}

YamlNode BlockParser::mapping(std::size_t col, int depth) {
  MapBuilder map;
  for (bool first = true;; first = false) {
    if (!first) {
      if (!next_content_line()) break;
      const std::size_t ind = yaml_indent(text());
      if (ind < col) break;
      if (ind > col) {
        warn(ind, "unexpected indentation; this line does not belong to the key above");
        ++line_;
        continue;
      }
    }
    entry(col, depth, map);
  }
  return map.take();
}

void BlockParser::entry(std::size_t col, int depth, MapBuilder& map) {
  const std::string_view t = text();
  const std::size_t key_line = line_;
  const std::size_t colon = entry_colon(t, col);
  if (colon == kNone) {
    warn(col, "expected 'key: value'");
    ++line_;
    return;
  }
  std::string key;
  if (t[col] == '"' || t[col] == '\'') {
    FlowResult quoted = parse_flow(lines_, line_, col, static_cast<int>(col), depth, warnings_);
    key = std::move(quoted.node.text);
  } else {
    key = yaml_key_text(resolve_plain(std::string(trim_right(t.substr(col, colon - col)))));
  }
  const std::size_t v = skip_ws(t, colon + 1);
  YamlNode value;
  bool ok = true;
  if (v == t.size() || t[v] == '#') {
    ++line_;
    value = block_node(static_cast<int>(col), true, depth + 1);
  } else {
    value = inline_value(v, static_cast<int>(col), depth + 1, &ok);
  }
  if (ok && !map.add(key, std::move(value))) {
    add_yaml_warning(warnings_, lines_[key_line], col, contract::kWarnFrontMatterDuplicateKey,
                     "duplicate key '" + key + "': the last value is used");
  }
}

YamlNode BlockParser::list(std::size_t col, int depth) {
  YamlNode seq;
  seq.kind = YamlKind::kList;
  for (bool first = true;; first = false) {
    if (!first) {
      if (!next_content_line()) break;
      const std::size_t ind = yaml_indent(text());
      if (ind < col || (ind == col && !is_dash(text(), col))) break;
      if (ind > col) {
        warn(ind, "unexpected indentation; this line does not belong to the list item above");
        ++line_;
        continue;
      }
    }
    const std::size_t c = skip_ws(text(), col + 1);
    if (c == text().size() || text()[c] == '#') {
      ++line_;
      push_back_out_of_line(seq.items, block_node(static_cast<int>(col), false, depth + 1));
    } else {
      push_back_out_of_line(seq.items, node_at(c, static_cast<int>(col), depth + 1));
    }
  }
  return seq;
}

// A value that starts on this line at col: block scalar, flow value, quoted or plain scalar.
YamlNode BlockParser::inline_value(std::size_t col, int parent_indent, int depth, bool* ok) {
  const std::string_view t = text();
  const char c = t[col];
  if (c == '|' || c == '>') return block_scalar(col, parent_indent, ok);
  if (c == '"' || c == '\'' || c == '[' || c == '{')
    return flow_value(col, parent_indent, depth, ok);
  *ok = false;
  if (std::strchr("&*!%@`", c) != nullptr) {
    warn(col, "anchors, aliases, tags and directives are not supported; this value is skipped");
  } else if (is_dash(t, col)) {
    warn(col, "a list cannot start on the same line as its key; start it on the next line");
  } else if (c == ',' || c == ']' || c == '}' ||
             ((c == '?' || c == ':') && (col + 1 == t.size() || is_ws(t[col + 1])))) {
    warn(col, std::string("unexpected '") + c + "' at the start of a value");
  } else {
    *ok = true;
    return plain(col, parent_indent);
  }
  ++line_;
  return YamlNode();
}

YamlNode BlockParser::flow_value(std::size_t col, int parent_indent, int depth, bool* ok) {
  FlowResult r = parse_flow(lines_, line_, col, parent_indent, depth, warnings_);
  if (r.ok) {
    const YamlLine& end_line = lines_[r.line];
    const std::size_t after = skip_ws(end_line.text, r.col);
    if (after < end_line.text.size() && !(end_line.text[after] == '#' && after > r.col)) {
      add_yaml_warning(warnings_, end_line, after, kCode,
                       "unexpected text after the value; the entry is skipped");
      r.ok = false;
    }
  }
  line_ = r.next_line;
  *ok = r.ok;
  return r.ok ? std::move(r.node) : YamlNode();
}

YamlNode BlockParser::block_scalar(std::size_t col, int parent_indent, bool* ok) {
  const std::string_view t = text();
  char chomp = ' ';
  std::size_t explicit_indent = 0;
  std::size_t i = col + 1;
  for (; i < t.size() && !is_ws(t[i]); ++i) {
    if ((t[i] == '-' || t[i] == '+') && chomp == ' ')
      chomp = t[i];
    else if (t[i] >= '1' && t[i] <= '9' && explicit_indent == 0)
      explicit_indent = static_cast<std::size_t>(t[i] - '0');
    else
      break;
  }
  const std::size_t rest = skip_ws(t, i);
  if ((i < t.size() && !is_ws(t[i])) || (rest < t.size() && t[rest] != '#')) {
    warn(col, "a block scalar header is '|' or '>' with optional '+', '-' or an indentation digit");
    *ok = false;
    ++line_;
    return YamlNode();
  }
  ++line_;
  const std::size_t base = parent_indent < 0 ? 0 : static_cast<std::size_t>(parent_indent);
  std::size_t indent = base + explicit_indent;
  if (explicit_indent == 0) {
    // The first non-blank line sets the indentation; at or left of the parent there is no content.
    indent = kNone;
    for (std::size_t l = line_; l < lines_.size() && indent == kNone; ++l) {
      if (!yaml_blank(lines_[l].text)) indent = yaml_indent(lines_[l].text);
    }
    if (indent != kNone && static_cast<int>(indent) <= parent_indent) indent = kNone;
  }
  YamlNode node;
  node.kind = YamlKind::kString;
  node.text = block_scalar_text(indent, t[col] == '>', chomp);
  return node;
}

// Literal lines keep their breaks; folded lines join with a space, except around empty lines
// and more-indented lines (YAML 1.2 section 8.1.3). Chomping decides the final line breaks.
std::string BlockParser::block_scalar_text(std::size_t indent, bool folded, char chomp) {
  std::string out;
  std::size_t empty = 0;
  bool content = false;
  bool more_indented = false;
  for (; line_ < lines_.size(); ++line_) {
    const std::string_view l = text();
    const bool blank = yaml_blank(l);
    if (blank && (l.size() <= indent || yaml_indent(l) < indent)) {
      ++empty;
      continue;
    }
    if (!blank && yaml_indent(l) < indent) break;
    const std::string_view body = l.substr(indent);
    const bool spaced = !body.empty() && is_ws(body[0]);
    if (!folded || spaced) {
      out.append(content ? empty + 1 : empty, '\n');
      more_indented = spaced;
    } else if (more_indented) {
      out.append(empty + 1, '\n');
      more_indented = false;
    } else if (empty == 0) {
      if (content) out.push_back(' ');
    } else {
      out.append(empty, '\n');
    }
    out.append(body);
    empty = 0;
    content = true;
  }
  if (chomp == '+')
    out.append(content ? empty + 1 : empty, '\n');
  else if (chomp == ' ' && content)
    out.push_back('\n');
  return out;
}

YamlNode BlockParser::plain(std::size_t col, int parent_indent) {
  const std::string_view t = text();
  std::size_t end = t.size();
  bool warned = false;
  for (std::size_t i = col; i < t.size(); ++i) {
    if (t[i] == '#' && i > col && is_ws(t[i - 1])) {
      end = i;
      break;
    }
    // YAML rejects "title: Foo: Bar"; authors mean the text, so keep it and say how to fix it.
    if (!warned && is_value_colon(t, i)) {
      warn(i, "an unquoted value should not contain ': '; it is read as text (quote it)");
      warned = true;
    }
  }
  std::string out(trim_right(t.substr(col, end - col)));
  ++line_;
  if (end == t.size()) continue_plain(out, parent_indent);
  return resolve_plain(std::move(out));
}

// Plain scalar continuation lines (indented past the parent) fold like flow scalars: one break
// is a space, n+1 breaks are n newlines. A comment, or a line that looks like "key: value", ends
// it.
void BlockParser::continue_plain(std::string& out, int parent_indent) {
  std::size_t blanks = 0;
  for (std::size_t l = line_; l < lines_.size(); ++l) {
    const std::string_view c = lines_[l].text;
    if (yaml_blank(c)) {
      ++blanks;
      continue;
    }
    const std::size_t first = skip_ws(c, 0);
    if (static_cast<int>(yaml_indent(c)) <= parent_indent || c[first] == '#') return;
    std::size_t end = c.size();
    for (std::size_t i = first; i < c.size() && end == c.size(); ++i) {
      if (is_value_colon(c, i)) return;
      if (c[i] == '#' && is_ws(c[i - 1])) end = i;
    }
    out += blanks == 0 ? std::string(" ") : std::string(blanks, '\n');
    out += trim_right(c.substr(first, end - first));
    blanks = 0;
    line_ = l + 1;
    if (end != c.size()) return;
  }
}

}  // namespace

YamlNode parse_yaml_subset(const PodVector<YamlLine>& lines, std::vector<Warning>& warnings) {
  return BlockParser(lines, warnings).document();
}

}  // namespace foldmark::detail
