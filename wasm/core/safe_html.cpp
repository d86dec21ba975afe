// allowRawHtml 'safe' in the renderer: raw HTML blocks and inline raw HTML through the allowlist
// (html_sanitizer.h). Elements a block leaves open are held like foldmark's own containers, so
// they close with their end tag in a later block or when the block around them ends: nothing
// written here can close an element it did not open, or stay open past its holder.
#include "escape.h"
#include "html_sanitizer.h"
#include "mdx_syntax.h"
#include "render_context.h"

namespace foldmark::detail {
namespace {

// Phrasing elements (and p, pre, headings) opened in this block end with it; containers such as
// <div>, <details> and <td> may hold the Markdown blocks that follow.
void close_block_phrasing(Context& c, std::size_t first) {
  auto& open = c.open_elements;
  for (std::size_t n = first; n < open.size(); ++n) {
    const OpenElement& e = open[n];
    if (e.html >= 0 && e.depth == c.depth - 1 && (element_flags(e.html) & kSpansBlocks) == 0) {
      close_html_element(c, e.html);
      return;
    }
  }
}

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  return true;
}

bool anchor_open(const Context& c) {
  for (const OpenElement& e : c.open_elements)
    if (e.html == kAnchorElement) return true;
  return false;
}

void write_iframe(Context& c, int element, const HtmlTag& tag) {
  if (write_start_tag(c.out, element, tag, c.options.id_prefix)) c.out.append("</iframe>");
}

// JSX children in MDX: {' '} and {"text"} are their text (as in Markdown text, see renderer).
void write_block_text(Context& c, std::string_view text) {
  if (!c.options.mdx) {
    write_html_text(c.out, text);
    return;
  }
  std::size_t done = 0;
  for (std::size_t at = text.find('{'); at != std::string_view::npos; at = text.find('{', at + 1)) {
    std::string_view literal;
    const std::size_t end = jsx_text_literal(text, at, literal);
    if (end == std::string_view::npos) continue;
    write_html_text(c.out, text.substr(done, at - done));
    escape_html(c.out, literal);
    done = end;
    at = end - 1;
  }
  write_html_text(c.out, text.substr(done));
}

}  // namespace

void write_sanitized_block(Context& c, std::string_view s) {
  std::size_t first = c.open_elements.size();
  HtmlTag tag;
  for (std::size_t i = 0, end = 0; i < s.size(); i = end) {
    if (s[i] != '<') {
      end = s.find('<', i);
      if (end == std::string_view::npos) end = s.size();
      write_block_text(c, s.substr(i, end - i));
      continue;
    }
    const Markup m = scan_markup(s, i, end, tag);
    if (m == Markup::kText) {
      c.out.append("&lt;");
      continue;
    }
    if (m != Markup::kStartTag && m != Markup::kEndTag) continue;  // comments, unclosed: dropped
    const int element = find_element(tag.name);
    if (m == Markup::kStartTag && (drops_content(tag.name) || element < 0)) {
      if (element >= 0 && (element_flags(element) & kIframe) != 0) write_iframe(c, element, tag);
      if (drops_content(tag.name) && !tag.self_closing)
        end = skip_element_content(s, end, tag.name);
      continue;
    }
    if (element < 0) continue;
    if (m == Markup::kEndTag) {
      if (element == kAnchorElement && c.nested_links > 0) {
        --c.nested_links;
        continue;
      }
      close_html_element(c, element);
      if (c.open_elements.size() < first) first = c.open_elements.size();
      continue;
    }
    if (element == kAnchorElement && anchor_open(c)) {
      ++c.nested_links;
      continue;
    }
    const bool opens = (element_flags(element) & kVoidElement) == 0 && !tag.self_closing;
    if (opens && c.open_elements.size() >= kMaxHtmlDepth) continue;
    write_start_tag(c.out, element, tag, c.options.id_prefix);
    if ((element_flags(element) & kVoidElement) != 0) continue;
    if (tag.self_closing) {
      c.out.append(element_end_tag(element));
      continue;
    }
    c.open_elements.push_back({0, false, c.depth - 1, element});
  }
  close_block_phrasing(c, first);
}

void write_sanitized_inline(Context& c, std::string_view html) {
  std::string joined;
  if (!c.inline_pending.empty()) {
    joined = c.inline_pending + "\n" + std::string(html);
    c.inline_pending.clear();
    html = joined;
  }
  HtmlTag tag;
  std::size_t end = 0;
  const Markup m = html.empty() || html[0] != '<' ? Markup::kText : scan_markup(html, 0, end, tag);
  if (m == Markup::kUnclosed && html.substr(0, 2) != "<!" && html.substr(0, 2) != "<?") {
    c.inline_pending.assign(html);
    return;
  }
  if (m == Markup::kEndTag && !c.inline_skip.empty() && same_name(tag.name, c.inline_skip)) {
    c.inline_skip = {};
    return;
  }
  if (!c.inline_skip.empty() || c.image_depth > 0) return;
  if (m != Markup::kStartTag && m != Markup::kEndTag) return;
  if (m == Markup::kStartTag && drops_content(tag.name)) {
    // The name is a view into the document, which outlives the paragraph.
    if (!tag.self_closing && joined.empty()) c.inline_skip = tag.name;
    return;
  }
  const int element = find_element(tag.name);
  if (element < 0 || (element_flags(element) & kInlineElement) == 0) return;
  if (element == kAnchorElement && c.nested_links > 0 && m == Markup::kEndTag) {
    --c.nested_links;
    return;
  }
  if (m == Markup::kEndTag) {
    close_span(c, kSpanHtml + element);
    return;
  }
  if (element == kAnchorElement && in_link(c)) {
    ++c.nested_links;
    return;
  }
  const bool opens = (element_flags(element) & kVoidElement) == 0 && !tag.self_closing;
  if (opens && c.open_spans.size() >= kMaxHtmlDepth) return;
  write_start_tag(c.out, element, tag, c.options.id_prefix);
  if ((element_flags(element) & kVoidElement) != 0) return;
  if (tag.self_closing) {
    c.out.append(element_end_tag(element));
  } else {
    c.open_spans.push_back(kSpanHtml + element);
  }
}

}  // namespace foldmark::detail
