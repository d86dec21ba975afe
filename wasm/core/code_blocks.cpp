// Fenced code blocks with a Docusaurus metastring: title="…", {1,3-5} line ranges,
// showLineNumbers, and the highlight-next-line / highlight-start / highlight-end comments.
#include <algorithm>
#include <utility>
#include <vector>

#include "byte_scan.h"
#include "contract.inc"
#include "escape.h"
#include "json_writer.h"
#include "render_context.h"

namespace foldmark::detail {
namespace {

constexpr std::size_t kMaxRanges = 64;
constexpr std::string_view kHighlightWord = "highlight-";  // in every highlight comment
constexpr std::size_t kHighlightAnchor = 2;                // its 'g': rarer in text than 'h'
constexpr unsigned kMaxLineNumber = 1000000;

struct CodeMeta {
  std::string title;
  bool line_numbers = false;
  bool has_ranges = false;
  struct Range {
    unsigned first, last;
  };
  PodVector<Range> ranges;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

void parse_title(std::string_view meta, CodeMeta& m) {
  const std::size_t at = meta.find("title=");
  if (at == std::string_view::npos || at + 6 >= meta.size()) return;
  const char quote = meta[at + 6];
  if (quote != '"' && quote != '\'') return;
  const std::size_t close = meta.find(quote, at + 7);
  if (close != std::string_view::npos) m.title = std::string(meta.substr(at + 7, close - at - 7));
}

// {1,3-5}: numbers, ranges, commas and blanks only; anything else is not a range list.
void parse_ranges(std::string_view meta, CodeMeta& m) {
  const std::size_t open = meta.find('{');
  const std::size_t close = meta.find('}', open);
  if (open == std::string_view::npos || close == std::string_view::npos) return;
  const std::string_view list = meta.substr(open + 1, close - open - 1);
  if (list.find_first_not_of("0123456789,- ") != std::string_view::npos) return;
  m.has_ranges = true;
  unsigned numbers[2] = {0, 0};
  int which = 0;
  bool any = false;
  auto flush = [&] {
    if (any && m.ranges.size() < kMaxRanges)
      m.ranges.emplace_back(numbers[0], which == 1 ? numbers[1] : numbers[0]);
    numbers[0] = numbers[1] = 0;
    which = 0;
    any = false;
  };
  for (char ch : list) {
    if (ch >= '0' && ch <= '9') {
      numbers[which] =
          std::min(kMaxLineNumber, numbers[which] * 10 + static_cast<unsigned>(ch - '0'));
      any = true;
    } else if (ch == '-') {
      which = 1;
    } else if (ch == ',') {
      flush();
    }
  }
  flush();
}

CodeMeta parse_meta(std::string_view meta) {
  CodeMeta m;
  parse_title(meta, m);
  parse_ranges(meta, m);
  m.line_numbers = meta.find("showLineNumbers") != std::string_view::npos;
  return m;
}

enum class Magic { kNone, kNextLine, kStart, kEnd };

std::string_view unwrap(std::string_view s, std::string_view open, std::string_view close) {
  if (s.substr(0, open.size()) != open) return {};
  s.remove_prefix(open.size());
  if (s.size() < close.size() || s.substr(s.size() - close.size()) != close) return {};
  return s.substr(0, s.size() - close.size());
}

// "// highlight-next-line", "# …", "<!-- … -->", "/* … */", "{/* … */}": the line is a comment
// holding only the keyword.
Magic magic_comment(std::string_view line) {
  line = trim(line);
  std::string_view body;
  if (line.substr(0, 2) == "//") {
    body = line.substr(2);
  } else if (line.substr(0, 1) == "#") {
    body = line.substr(1);
  } else if (!(body = unwrap(line, "<!--", "-->")).empty() ||
             !(body = unwrap(line, "{/*", "*/}")).empty() ||
             !(body = unwrap(line, "/*", "*/")).empty()) {
  }
  body = trim(body);
  if (body == "highlight-next-line") return Magic::kNextLine;
  if (body == "highlight-start") return Magic::kStart;
  if (body == "highlight-end") return Magic::kEnd;
  return Magic::kNone;
}

bool in_ranges(const CodeMeta& m, unsigned line) {
  return std::any_of(m.ranges.begin(), m.ranges.end(),
                     [&](const auto& r) { return line >= r.first && line <= r.last; });
}

struct Lines {
  std::string code;                  // magic comment lines removed
  PodVector<std::string_view> kept;  // into code
  PodVector<unsigned> highlighted;   // 1-based numbers of kept lines
};

// With a {ranges} list the comments are code (as Docusaurus does); otherwise they mark lines.
Lines select_lines(std::string_view code, const CodeMeta& m) {
  Lines out;
  out.code.reserve(code.size());
  struct Span {
    std::size_t begin, size;
  };
  PodVector<Span> spans;
  bool next = false, block = false;
  std::size_t word = m.has_ranges ? std::string_view::npos : code.find(kHighlightWord);
  for (std::size_t i = 0; i < code.size();) {
    std::size_t end = find_byte(code, i, '\n');
    end = end == code.size() ? end : end + 1;
    const std::string_view line = code.substr(i, end - i);
    i = end;
    if (word < i - line.size()) word = code.find(kHighlightWord, i - line.size());
    const Magic magic = word < i ? magic_comment(line) : Magic::kNone;
    if (magic != Magic::kNone) {
      next = next || magic == Magic::kNextLine;
      block = magic == Magic::kStart || (block && magic != Magic::kEnd);
      continue;
    }
    const unsigned number = static_cast<unsigned>(spans.size() + 1);
    if (next || block || in_ranges(m, number)) out.highlighted.push_back(number);
    next = false;
    spans.emplace_back(out.code.size(), line.size());
    out.code.append(line);
  }
  for (const auto& s : spans)
    out.kept.push_back(std::string_view(out.code).substr(s.begin, s.size));
  return out;
}

void write_lines(OutBuffer& out, const Lines& lines) {
  std::size_t h = 0;
  for (std::size_t k = 0; k < lines.kept.size(); ++k) {
    const bool lit = h < lines.highlighted.size() && lines.highlighted[h] == k + 1;
    if (lit) {
      ++h;
      out.append(contract::kMarkupLineHighlightOpen);
    }
    escape_html(out, lines.kept[k]);
    if (lit) out.append(contract::kMarkupLineHighlightClose);
  }
}

void add_code_slot(Context& c, std::string_view code, const PodVector<unsigned>& highlighted,
                   std::string_view meta) {
  JsonWriter json(c.code_json, false);
  if (!c.code_json.empty()) c.code_json.push_back(',');
  json.begin_array().string(code).string(c.code_lang).string(meta).begin_array();
  for (unsigned n : highlighted) json.number(n);
  json.end_array().end_array();
}

}  // namespace

void open_code_block(Context& c, const MD_BLOCK_CODE_DETAIL* d) {
  c.in_code = true;
  c.code_pieces.clear();
  c.code_lang = d->lang.text != nullptr ? decode_attribute(d->lang) : "";
  c.code_info = d->info.text != nullptr ? decode_attribute(d->info) : "";
}

// A marker md4c put in code (a fence indented into an indented code block) is shown as the
// line the author wrote.
void code_text(Context& c, std::string_view text) {
  const std::size_t at =
      c.prepared->directives.empty() ? std::string_view::npos : text.find(kMarker);
  const Directive* d =
      at == std::string_view::npos ? nullptr : directive_at(c, text.data() + at, nullptr);
  if (d == nullptr) {
    c.code_pieces.push_back(text);
    return;
  }
  c.code_pieces.push_back(text.substr(0, at));
  c.code_pieces.push_back(d->original);
  c.code_pieces.push_back(text.substr(at + kMarker.size()));
}

namespace {

bool in_doc(const Context& c, std::string_view piece) {
  return piece.data() >= c.doc.data() && piece.data() + piece.size() <= c.doc.data() + c.doc.size();
}

// Whether a highlight comment may be among the block's lines (a false yes only costs time). A
// comment is a whole line, and md4c never splits a line's keyword across pieces; pieces are
// mostly views into the document, searched there as one span from the first to the last.
bool mentions_highlight(const Context& c) {
  std::size_t begin = std::string_view::npos, end = 0;
  for (std::string_view p : c.code_pieces) {
    if (!in_doc(c, p)) {
      if (p.find(kHighlightWord) != std::string_view::npos) return true;
      continue;
    }
    const auto at = static_cast<std::size_t>(p.data() - c.doc.data());
    begin = std::min(begin, at);
    end = std::max(end, at + p.size());
  }
  if (begin >= end) return false;
  const std::string_view span = c.doc.substr(0, end);
  return find_text(span, begin, kHighlightWord, kHighlightAnchor) < span.size();
}

void join_pieces(Context& c) {
  c.code.clear();
  for (std::string_view p : c.code_pieces) c.code.append(p);
}

}  // namespace

namespace {

// One <pre><code> of c.code_pieces, in a figure when titled or numbered.
void write_code_block(Context& c, std::string_view meta) {
  const CodeMeta m = parse_meta(meta);
  // Most blocks highlight nothing: their pieces are escaped as they came, never joined or split.
  const bool plain = !m.has_ranges && !mentions_highlight(c);
  if (!plain || c.options.code_slots) join_pieces(c);
  const Lines lines = plain ? Lines{} : select_lines(c.code, m);
  const bool figure = !m.title.empty() || m.line_numbers;
  if (figure) {
    c.out.append(m.line_numbers ? "<figure class=\"fm-code fm-line-numbers\">\n"
                                : "<figure class=\"fm-code\">\n");
  }
  if (!m.title.empty()) {
    c.out.append("<figcaption class=\"fm-code-title\">");
    escape_html(c.out, m.title);
    c.out.append("</figcaption>\n");
  }
  c.out.append("<pre><code");
  if (!c.code_lang.empty()) {
    c.out.append(" class=\"language-");
    escape_html(c.out, c.code_lang);
    c.out.push('"');
  }
  c.out.push('>');
  if (c.options.code_slots) c.out.push('\0');
  if (plain) {
    for (std::string_view p : c.code_pieces) escape_html(c.out, p);
  } else {
    write_lines(c.out, lines);
  }
  if (c.options.code_slots) {
    c.out.push('\0');
    add_code_slot(c, plain ? c.code : lines.code, lines.highlighted, meta);
  }
  c.out.append("</code></pre>\n");
  if (figure) c.out.append("</figure>\n");
}

// ```bash npm2yarn: the block as npm / Yarn / pnpm tabs of the group "npm2yarn", as Docusaurus's
// plugin writes them with `sync` (so a reader's choice holds for every such block), each a plain
// block of the same language (the plugin drops the metastring).
void write_npm2yarn(Context& c) {
  join_pieces(c);
  const std::string npm = c.code;
  const std::string yarn = convert_npm_commands(npm, PackageManager::kYarn);
  const std::string pnpm = convert_npm_commands(npm, PackageManager::kPnpm);
  const std::vector<TabIds> ids = open_tab_group(
      c, "npm2yarn", "", {{"npm", "npm", true}, {"yarn", "Yarn", false}, {"pnpm", "pnpm", false}});
  const std::string* const codes[] = {&npm, &yarn, &pnpm};
  for (std::size_t k = 0; k < ids.size(); ++k) {
    open_tab_panel(c, ids[k]);
    c.code_pieces.assign(1, *codes[k]);
    write_code_block(c, "");
    c.out.append("</div>\n");
  }
  c.out.append("</div>\n");
}

}  // namespace

void close_code_block(Context& c) {
  c.in_code = false;
  // ```title="x.js" has a metastring and no language (md4c takes its first word as one).
  if (c.code_lang.find('=') != std::string::npos ||
      (!c.code_lang.empty() && c.code_lang.front() == '{') || c.code_lang == "showLineNumbers")
    c.code_lang.clear();
  const std::string_view info = c.code_info;
  const std::string_view meta =
      trim(c.code_lang.empty() ? info : info.substr(std::min(info.size(), c.code_lang.size())));
  if (meta == "npm2yarn" && !c.code_lang.empty()) {
    write_npm2yarn(c);
  } else {
    write_code_block(c, meta);
  }
}

}  // namespace foldmark::detail
