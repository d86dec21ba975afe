// Our HTML renderer on md4c's callbacks: one flat switch per callback, one line per case, one
// small helper per element; all state in one context struct (render_context.h).
#include <algorithm>
#include <vector>

#include "byte_scan.h"
#include "entities.h"
#include "escape.h"
#include "html_sanitizer.h"
#include "limit_messages.h"
#include "line_stages.h"
#include "mdx_syntax.h"
#include "render_context.h"
#include "url_policy.h"

namespace foldmark::detail {

constexpr std::size_t kMaxRendererWarnings = 100;

// The attribute's text with references decoded and NUL replaced.
std::string decode_attribute(const MD_ATTRIBUTE& attr) {
  std::string s;
  s.reserve(attr.size);
  for (int i = 0; attr.substr_offsets[i] < attr.size; ++i) {
    const std::string_view part(attr.text + attr.substr_offsets[i],
                                attr.substr_offsets[i + 1] - attr.substr_offsets[i]);
    switch (attr.substr_types[i]) {
      case MD_TEXT_ENTITY: append_entity(s, part); break;
      case MD_TEXT_NULLCHAR: s.append(kReplacementChar); break;
      default: s.append(part); break;
    }
  }
  return s;
}

void warn_at(Context& c, const char* where, const char* code, std::string message) {
  // Each warning counts the lines before it: a bounded number keeps that linear.
  if (c.result.warnings.size() >= kMaxRendererWarnings) return;
  Warning w;
  w.code = code;
  w.message = std::move(message);
  if (where >= c.doc.data() && where <= c.doc.data() + c.doc.size()) {
    const auto offset = static_cast<std::size_t>(where - c.doc.data());
    if (offset < c.warn_offset) {
      c.warn_offset = 0;
      c.warn_line = 0;
    }
    const std::string_view skipped = c.doc.substr(c.warn_offset, offset - c.warn_offset);
    c.warn_line += static_cast<int>(std::count(skipped.begin(), skipped.end(), '\n'));
    c.warn_offset = offset;
    const std::string_view before = c.doc.substr(0, offset);
    const std::size_t line_start = before.find_last_of('\n') + 1;  // npos + 1 == 0
    w.line = c.first_line + c.warn_line;
    w.column = 1 + static_cast<int>(count_code_points(before.substr(line_start)));
  }
  push_back_out_of_line(c.result.warnings, std::move(w));
}

namespace {

constexpr std::size_t kQuoteTailBytes = 64;

void collect_text(Context& c, std::string_view text) {
  if (c.in_heading && !c.heading_text_full) {
    if (c.heading_source == nullptr) c.heading_source = text.data();
    std::size_t room = kMaxHeadingTextBytes - c.heading_text.size();
    if (text.size() > room) {
      // Cut at a code point boundary: the text reaches the TOC, the title and JSON-LD.
      while (room > 0 && (static_cast<unsigned char>(text[room]) & 0xC0) == 0x80) --room;
      c.heading_text_full = true;
    }
    c.heading_text.append(text.substr(0, room));
  }
  if (c.in_top_quote) {
    c.quote_tail.append(text);
    if (c.quote_tail.size() > 2 * kQuoteTailBytes)
      c.quote_tail.erase(0, c.quote_tail.size() - kQuoteTailBytes);
  }
}

void write_text(Context& c, std::string_view text) {
  escape_html(c.out, text);
  collect_text(c, text);
}

// MDX text: {' '} and {"text"} become their text; any other {expression} stays as written.
void write_mdx_text(Context& c, std::string_view text) {
  if (c.braces != nullptr && text.data() >= c.doc.data() &&
      text.data() + text.size() <= c.doc.data() + c.doc.size()) {
    // Text md4c hands over from the body itself: it holds a '{' only where the gate met one.
    // md4c's text mostly comes in document order: the next brace is looked for from the last
    // one, and searched for again only after a step back.
    const auto begin = static_cast<std::size_t>(text.data() - c.doc.data());
    const std::size_t* brace = c.next_brace;
    if (brace != c.braces->begin() && brace[-1] >= begin)
      brace = std::lower_bound(c.braces->begin(), brace, begin);
    while (brace != c.braces->end() && *brace < begin) ++brace;
    c.next_brace = brace;
    if (brace == c.braces->end() || *brace >= begin + text.size()) return write_text(c, text);
  }
  std::size_t done = 0;
  for (std::size_t at = find_byte(text, 0, '{'); at < text.size();
       at = find_byte(text, at + 1, '{')) {
    std::string_view literal;
    const std::size_t end = jsx_text_literal(text, at, literal);
    if (end == std::string_view::npos) continue;
    write_text(c, text.substr(done, at - done));
    write_text(c, literal);
    done = end;
    at = end - 1;
  }
  write_text(c, text.substr(done));
}

// decode_attribute's text without a copy when the attribute is one plain run (most URLs and
// titles: no reference, no NUL); else decoded into scratch.
std::string_view attribute_text(const MD_ATTRIBUTE& attr, std::string& scratch) {
  if (attr.size == 0) return {};
  if (attr.substr_offsets[1] == attr.size && attr.substr_types[0] == MD_TEXT_NORMAL)
    return std::string_view(attr.text, attr.size);
  scratch = decode_attribute(attr);
  return scratch;
}

void write_title_attribute(Context& c, const MD_ATTRIBUTE& title) {
  if (title.text == nullptr) return;
  c.out.append(" title=\"");
  std::string scratch;
  escape_html(c.out, attribute_text(title, scratch));
  c.out.push('"');
}

void open_ordered_list(Context& c, const MD_BLOCK_OL_DETAIL* d) {
  if (d->start == 1) {
    c.out.append("<ol>\n");
    return;
  }
  c.out.append("<ol start=\"");
  c.out.append(std::to_string(d->start));
  c.out.append("\">\n");
}

void open_list_item(Context& c, const MD_BLOCK_LI_DETAIL* d) {
  if (!d->is_task) {
    c.out.append("<li>");
    return;
  }
  c.out.append(
      "<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" "
      "disabled");
  if (d->task_mark == 'x' || d->task_mark == 'X') c.out.append(" checked");
  c.out.push('>');
}

void open_table_cell(Context& c, std::string_view tag, const MD_BLOCK_TD_DETAIL* d) {
  c.out.push('<');
  c.out.append(tag);
  switch (d->align) {
    case MD_ALIGN_LEFT: c.out.append(" align=\"left\">"); break;
    case MD_ALIGN_CENTER: c.out.append(" align=\"center\">"); break;
    case MD_ALIGN_RIGHT: c.out.append(" align=\"right\">"); break;
    default: c.out.push('>'); break;
  }
}

void open_link(Context& c, const MD_SPAN_A_DETAIL* d) {
  std::string scratch;
  const std::string_view href = attribute_text(d->href, scratch);
  if (url_allowed(href, UrlUse::kLink)) {
    c.out.append("<a href=\"");
    escape_url(c.out, href);
    c.out.push('"');
  } else {
    c.out.append("<a");  // a blocked scheme keeps the text, loses the link
  }
  write_title_attribute(c, d->title);
  c.out.push('>');
}

void open_image(Context& c, const MD_SPAN_IMG_DETAIL* d) {
  if (c.image_depth++ > 0) return;
  std::string scratch;
  const std::string_view src = attribute_text(d->src, scratch);
  if (url_allowed(src, UrlUse::kImage)) {
    c.out.append("<img src=\"");
    escape_url(c.out, src);
    c.out.append("\" alt=\"");
  } else {
    c.out.append("<img alt=\"");
  }
}

void close_image(Context& c, const MD_SPAN_IMG_DETAIL* d) {
  if (--c.image_depth > 0) return;
  c.out.push('"');
  write_title_attribute(c, d->title);
  c.out.push('>');
}

// Inside alt text a line break is a space; elsewhere it is markup, and a space in collected text.
void write_break(Context& c, std::string_view html) {
  if (c.image_depth > 0) {
    c.out.push(' ');
  } else {
    c.out.append(html);
  }
  collect_text(c, " ");
}

void write_entity(Context& c, std::string_view ref) {
  std::string decoded;
  append_entity(decoded, ref);
  write_text(c, decoded);
}

std::string_view close_tag(int type) {
  switch (type) {
    case MD_SPAN_EM: return "</em>";
    case MD_SPAN_STRONG: return "</strong>";
    case MD_SPAN_A: return "</a>";
    case MD_SPAN_CODE: return "</code>";
    case MD_SPAN_DEL: return "</del>";
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY: return "</span>";
    case kSpanKbd: return "</kbd>";
    case kSpanSup: return "</sup>";
    case kSpanSub: return "</sub>";
    case kSpanSummary: return "</summary>";
    default: return type >= kSpanHtml ? element_end_tag(type - kSpanHtml) : "";
  }
}

}  // namespace

bool in_link(const Context& c) {
  return std::any_of(c.open_spans.begin(), c.open_spans.end(), [](int type) {
    return type == MD_SPAN_A || type == kSpanHtml + kAnchorElement;
  });
}

void escape_text(Context& c, std::string_view text) {
  write_text(c, text);
}

void push_span(Context& c, int type, std::string_view open_tag) {
  c.out.append(open_tag);
  c.open_spans.push_back(type);
}

// Closes the innermost open `type` and everything opened inside it; a leave md4c reports
// without its enter writes nothing.
bool close_span(Context& c, int type) {
  auto& open = c.open_spans;
  const auto it = std::find(open.rbegin(), open.rend(), type);
  if (it == open.rend()) return false;
  const std::size_t keep = static_cast<std::size_t>(open.rend() - it) - 1;
  while (open.size() > keep) {
    c.out.append(close_tag(open.back()));
    open.pop_back();
  }
  return true;
}

// No span crosses a block boundary: close whatever md4c left open (an unclosed <em> or <a>
// would otherwise be reconstructed by the browser over the rest of the article).
void close_all_spans(Context& c) {
  if (c.image_depth > 0) {
    c.out.append("\">");
    c.image_depth = 0;
  }
  while (!c.open_spans.empty()) {
    c.out.append(close_tag(c.open_spans.back()));
    c.open_spans.pop_back();
  }
  c.nested_links = 0;
  c.in_inline_comment = false;
  c.inline_skip = {};
  c.inline_pending.clear();
}

namespace {

int enter_block(MD_BLOCKTYPE type, void* detail, void* userdata) {
  auto& c = *static_cast<Context*>(userdata);
  close_all_spans(c);
  ++c.depth;
  switch (type) {
    case MD_BLOCK_DOC: break;
    case MD_BLOCK_QUOTE: open_quote(c); break;
    case MD_BLOCK_UL: c.out.append("<ul>\n"); break;
    case MD_BLOCK_OL: open_ordered_list(c, static_cast<MD_BLOCK_OL_DETAIL*>(detail)); break;
    case MD_BLOCK_LI: open_list_item(c, static_cast<MD_BLOCK_LI_DETAIL*>(detail)); break;
    case MD_BLOCK_HR: open_rule(c); break;
    case MD_BLOCK_H: open_heading(c, static_cast<MD_BLOCK_H_DETAIL*>(detail)); break;
    case MD_BLOCK_CODE: open_code_block(c, static_cast<MD_BLOCK_CODE_DETAIL*>(detail)); break;
    case MD_BLOCK_HTML: open_raw_html_block(c); break;
    case MD_BLOCK_P: c.out.append("<p>"); break;
    case MD_BLOCK_TABLE: c.out.append("<table>\n"); break;
    case MD_BLOCK_THEAD: c.out.append("<thead>\n"); break;
    case MD_BLOCK_TBODY: c.out.append("<tbody>\n"); break;
    case MD_BLOCK_TR: c.out.append("<tr>\n"); break;
    case MD_BLOCK_TH: open_table_cell(c, "th", static_cast<MD_BLOCK_TD_DETAIL*>(detail)); break;
    case MD_BLOCK_TD: open_table_cell(c, "td", static_cast<MD_BLOCK_TD_DETAIL*>(detail)); break;
  }
  return c.out.exhausted() ? -1 : 0;
}

int leave_block(MD_BLOCKTYPE type, void* /*detail*/, void* userdata) {
  auto& c = *static_cast<Context*>(userdata);
  close_all_spans(c);
  close_elements_from(c, c.depth);  // containers foldmark opened inside this block end with it
  switch (type) {
    case MD_BLOCK_DOC: break;
    case MD_BLOCK_QUOTE: close_quote(c); break;
    case MD_BLOCK_UL: c.out.append("</ul>\n"); break;
    case MD_BLOCK_OL: c.out.append("</ol>\n"); break;
    case MD_BLOCK_LI: c.out.append("</li>\n"); break;
    case MD_BLOCK_HR: break;
    case MD_BLOCK_H: close_heading(c); break;
    case MD_BLOCK_CODE: close_code_block(c); break;
    case MD_BLOCK_HTML: close_raw_html_block(c); break;
    case MD_BLOCK_P: c.out.append("</p>\n"); break;
    case MD_BLOCK_TABLE: c.out.append("</table>\n"); break;
    case MD_BLOCK_THEAD: c.out.append("</thead>\n"); break;
    case MD_BLOCK_TBODY: c.out.append("</tbody>\n"); break;
    case MD_BLOCK_TR: c.out.append("</tr>\n"); break;
    case MD_BLOCK_TH: c.out.append("</th>\n"); break;
    case MD_BLOCK_TD: c.out.append("</td>\n"); break;
  }
  --c.depth;
  return c.out.exhausted() ? -1 : 0;
}

int enter_span(MD_SPANTYPE type, void* detail, void* userdata) {
  auto& c = *static_cast<Context*>(userdata);
  if (type == MD_SPAN_IMG) {
    open_image(c, static_cast<MD_SPAN_IMG_DETAIL*>(detail));
    return c.out.exhausted() ? -1 : 0;
  }
  if (c.image_depth > 0) return 0;  // alt text is the plain string content (CommonMark)
  switch (type) {
    case MD_SPAN_EM: c.out.append("<em>"); break;
    case MD_SPAN_STRONG: c.out.append("<strong>"); break;
    case MD_SPAN_A:
      if (in_link(c)) {
        ++c.nested_links;
        return 0;
      }
      open_link(c, static_cast<MD_SPAN_A_DETAIL*>(detail));
      break;
    case MD_SPAN_CODE: c.out.append("<code>"); break;
    case MD_SPAN_DEL: c.out.append("<del>"); break;
    case MD_SPAN_LATEXMATH: c.out.append("<span class=\"fm-math\">"); break;
    case MD_SPAN_LATEXMATH_DISPLAY: c.out.append("<span class=\"fm-math fm-math-display\">"); break;
    default: return 0;  // extensions we never enable
  }
  c.open_spans.push_back(type);
  return c.out.exhausted() ? -1 : 0;
}

int leave_span(MD_SPANTYPE type, void* detail, void* userdata) {
  auto& c = *static_cast<Context*>(userdata);
  if (type == MD_SPAN_IMG) {
    if (c.image_depth > 0) close_image(c, static_cast<MD_SPAN_IMG_DETAIL*>(detail));
  } else if (type == MD_SPAN_A && c.nested_links > 0) {
    --c.nested_links;
  } else if (c.image_depth == 0) {
    close_span(c, type);
  }
  return c.out.exhausted() ? -1 : 0;
}

int text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size, void* userdata) {
  auto& c = *static_cast<Context*>(userdata);
  const std::string_view s(data, size);
  if (c.in_code) {
    code_text(c, type == MD_TEXT_NULLCHAR ? kReplacementChar : s);
    return 0;
  }
  if (c.in_html_block) {
    c.html_chunks.push_back(type == MD_TEXT_NULLCHAR ? kReplacementChar : s);
    return 0;
  }
  if (!c.inline_skip.empty() && type != MD_TEXT_HTML) return 0;  // script or style content
  switch (type) {
    case MD_TEXT_NULLCHAR: write_text(c, kReplacementChar); break;
    case MD_TEXT_BR: write_break(c, "<br>\n"); break;
    case MD_TEXT_SOFTBR: write_break(c, "\n"); break;
    case MD_TEXT_HTML: write_raw_html(c, s); break;
    case MD_TEXT_ENTITY: write_entity(c, s); break;
    case MD_TEXT_NORMAL:
      if (c.options.mdx) {
        write_mdx_text(c, s);
        break;
      }
      write_text(c, s);
      break;
    default: write_text(c, s); break;
  }
  return c.out.exhausted() ? -1 : 0;
}

// Raw HTML is always parsed, even when not allowed, so that it can be shown as text.
// MDX writes JSX attribute values in braces (style={{…}}, width={300}), which CommonMark's tag
// grammar rejects; our md4c patch adds them to the grammar behind a flag.
unsigned parser_flags(const Options& options) {
  return (options.gfm ? MD_DIALECT_GITHUB : 0u) | (options.mdx ? MD_FLAG_JSXATTRIBUTES : 0u) |
         (options.math ? MD_FLAG_LATEXMATHSPANS : 0u);
}

}  // namespace

namespace {

// The line stages' warnings (first `split` of them) and the renderer's are each in document
// order: one merge puts them all in order.
void merge_warnings(std::vector<Warning>& w, std::size_t split) {
  std::vector<Warning> merged;
  merged.reserve(w.size());
  std::size_t a = 0, b = split;
  auto before = [](const Warning& x, const Warning& y) {
    return x.line != y.line ? x.line < y.line : x.column <= y.column;
  };
  while (a < split || b < w.size()) {
    const bool take_a = b >= w.size() || (a < split && before(w[a], w[b]));
    push_back_out_of_line(merged, std::move(w[take_a ? a++ : b++]));
  }
  w.swap(merged);
}

}  // namespace

namespace {

// md4c's parser with our callbacks: one for the article body and one for inline fragments.
MD_PARSER make_parser(const Options& options) {
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = parser_flags(options);
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = text;
  return parser;
}

}  // namespace

std::string render_inline(std::string_view markdown, const Options& options, std::size_t budget) {
  Options inline_options = options;
  inline_options.code_slots = false;
  Context c(inline_options, false, budget);
  const Prepared none;
  c.doc = markdown;
  c.prepared = &none;
  const MD_PARSER parser = make_parser(options);
  if (md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &c) != 0 ||
      c.out.exhausted())
    return "";
  std::string html = c.out.take();
  constexpr std::string_view kOpen = "<p>", kClose = "</p>\n";
  if (html.size() < kOpen.size() + kClose.size() || html.compare(0, 3, kOpen) != 0 ||
      html.compare(html.size() - kClose.size(), kClose.size(), kClose) != 0 ||
      html.find("<p>", 3) != std::string::npos)
    return "";
  return html.substr(kOpen.size(), html.size() - kOpen.size() - kClose.size());
}

BodyHtml render_body(std::string_view markdown, const Options& options, bool article_mode,
                     std::size_t output_budget, int first_line, const LineSurvey& survey) {
  Context c(options, article_mode, output_budget);
  Prepared prepared = run_line_stages(markdown, first_line, options.mdx, survey);
  if (!prepared.text.empty()) markdown = prepared.text;
  c.doc = markdown;
  if (prepared.all_braces) c.next_brace = (c.braces = &prepared.braces)->begin();
  c.first_line = first_line;
  c.prepared = &prepared;
  const std::size_t stage_warnings = prepared.warnings.size();
  c.result.warnings = std::move(prepared.warnings);
  c.out.reserve(markdown.size() + markdown.size() / 4 + 64);
  const MD_PARSER parser = make_parser(options);
  const int rc = md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &c);
  if (c.out.exhausted()) {
    c.result.error = ErrorCode::kLimit;
    c.result.error_message = output_budget_message(output_budget);
  } else if (rc != 0) {
    c.result.error = ErrorCode::kInternal;
    c.result.error_message = "the Markdown parser failed (out of memory?)";
  } else {
    c.result.html = c.out.take();
    if (options.code_slots) c.result.code_json = "[" + c.code_json + "]";
  }
  merge_warnings(c.result.warnings, stage_warnings);
  return std::move(c.result);
}

}  // namespace foldmark::detail
