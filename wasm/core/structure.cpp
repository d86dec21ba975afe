// What the article layout needs to know about the body, recorded while it is written: top-level
// headings (with their ids, custom or generated), top-level rules, reader-question quotes, and
// the containers foldmark itself opened (admonitions, tabs, safe-mode <details>).
#include <algorithm>

#include "escape.h"
#include "headings.h"
#include "html_sanitizer.h"
#include "mdx_syntax.h"
#include "render_context.h"

#include "contract.inc"

namespace foldmark::detail {
namespace {

bool is_id_char(char ch) {
  return is_ascii_alpha(ch) || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.' ||
         ch == ':';
}

// "Text {#custom-id}": the id, or "" when the text does not end so. `valid` says whether it
// holds only id characters; `cut` is where the text minus the {#…} and blanks before it ends.
std::string_view custom_id(std::string_view text, bool& valid, std::size_t& cut) {
  std::size_t end = text.size();
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  if (end < 4 || text[end - 1] != '}') return {};
  const std::size_t open = text.rfind("{#", end - 1);
  if (open == std::string_view::npos) return {};
  const std::string_view id = text.substr(open + 2, end - 1 - open - 2);
  valid =
      !id.empty() && id.size() <= kMaxSlugBytes && std::all_of(id.begin(), id.end(), is_id_char);
  cut = open;
  while (cut > 0 && (text[cut - 1] == ' ' || text[cut - 1] == '\t')) --cut;
  return id;
}

// Takes "{#id}" off the heading's text and its HTML; "" when it has none (or an unsafe one).
std::string take_custom_id(Context& c) {
  bool valid = false;
  std::size_t cut = 0;
  const std::string_view id = custom_id(c.heading_text, valid, cut);
  if (id.empty()) return "";
  if (!valid) {
    warn_at(c, c.heading_source, contract::kWarnHeadingId,
            "heading id {#…} may hold only A-Z a-z 0-9 - _ . : (at most 100): kept as text");
    return "";
  }
  // Id characters, '{', '#' and '}' are written as they are, so the HTML ends with the same
  // bytes unless markup sits inside the braces (then the {#…} stays text).
  const std::string_view tail = std::string_view(c.heading_text).substr(cut);
  std::size_t html_end = c.out.size();
  while (html_end > 0 && (c.out.data()[html_end - 1] == ' ' || c.out.data()[html_end - 1] == '\t'))
    --html_end;
  std::string_view trimmed_tail = tail;
  while (!trimmed_tail.empty() && (trimmed_tail.back() == ' ' || trimmed_tail.back() == '\t'))
    trimmed_tail.remove_suffix(1);
  if (html_end < trimmed_tail.size() ||
      std::string_view(c.out.data() + html_end - trimmed_tail.size(), trimmed_tail.size()) !=
          trimmed_tail)
    return "";
  std::string result(id);
  c.out.truncate(html_end - trimmed_tail.size());
  c.heading_text.resize(cut);
  return result;
}

}  // namespace

// Headings, rules and quotes inside a container foldmark opened are not the article's own:
// they neither start Q/A sections nor enter the TOC.
bool top_level(const Context& c) {
  return c.depth == 2 && c.open_elements.empty();
}

void open_heading(Context& c, const MD_BLOCK_H_DETAIL* d) {
  c.in_heading = true;
  c.heading_top_level = top_level(c);
  c.heading_level = d->level;
  c.heading_text.clear();
  c.heading_text_full = false;
  c.heading_source = nullptr;
  c.heading_begin = c.out.size();
  c.out.append("<h");
  c.out.push(static_cast<char>('0' + d->level));
  c.heading_attr = c.out.size();
  c.out.push('>');
}

void close_heading(Context& c) {
  BodyHeading h;
  std::string custom = take_custom_id(c);
  h.level = c.heading_level;
  h.text = std::move(c.heading_text);
  h.begin = c.heading_begin;
  h.inner_begin = c.heading_attr + 1;
  if (c.options.heading_ids) {  // off: no ids at all, a {#id} is only taken off the text
    h.id = custom.empty() ? c.slugger.slug(h.text) : c.slugger.claim(custom);
    std::string attr;
    // One allocation (an id this long is never escaped much), not one per doubling.
    attr.reserve(8 + c.options.id_prefix.size() + h.id.size());
    attr = " id=\"";
    escape_html(attr, c.options.id_prefix);
    escape_html(attr, h.id);
    attr += '"';
    // The attribute goes back into the opening tag: this moves only the heading's own bytes.
    c.out.insert(c.heading_attr, attr);
    h.inner_begin += attr.size();
  }
  h.inner_end = c.out.size();
  c.out.append("</h");
  c.out.push(static_cast<char>('0' + c.heading_level));
  c.out.append(">\n");
  h.end = c.out.size();
  c.in_heading = false;
  if (c.heading_top_level) {
    // Room for a typical article's headings at once: growing 1, 2, 4, 8 moved every one each time.
    if (c.result.headings.empty()) c.result.headings.reserve(8);
    c.result.headings.push_back(std::move(h));
  }
}

void open_quote(Context& c) {
  if (!c.article_mode || !top_level(c)) {
    c.out.append("<blockquote>\n");
    return;
  }
  c.in_top_quote = true;
  c.quote_tail.clear();
  c.out.append("<blockquote");
  c.quote_attr = c.out.size();
  c.out.append(">\n");
}

void close_quote(Context& c) {
  if (c.in_top_quote && c.depth == 2) {
    c.in_top_quote = false;
    if (ends_with_question_mark(c.quote_tail))
      c.out.insert(c.quote_attr, " class=\"fm-reader-question\"");
  }
  c.out.append("</blockquote>\n");
}

void open_rule(Context& c) {
  const std::size_t begin = c.out.size();
  c.out.append("<hr>\n");
  if (top_level(c)) c.result.rules.emplace_back(begin, c.out.size());
}

// The element is held by the block around the raw HTML block that opened it.
void open_element(Context& c, std::size_t directive, bool details) {
  c.open_elements.push_back({directive, details, c.depth - 1});
}

namespace {

// A <details> closed by its own tag is followed by that line's newline already.
void write_close(Context& c, const OpenElement& e, bool own_tag = false) {
  if (e.html >= 0) {
    c.out.append(element_end_tag(e.html));
    if (!own_tag && (element_flags(e.html) & kSpansBlocks) != 0) c.out.push('\n');
  } else if (e.details) {
    c.out.append(own_tag ? "</details>" : "</details>\n");
  } else {
    c.out.append(container_close_html(c.prepared->directives[e.directive].kind));
  }
}

}  // namespace

// A closing line closes its element only where it was opened (same holder); elements opened
// inside it and still open close with it. Anywhere else the closing line writes nothing.
bool close_element(Context& c, std::size_t directive, bool details) {
  auto& open = c.open_elements;
  const auto it = std::find_if(open.rbegin(), open.rend(), [&](const OpenElement& e) {
    return e.html < 0 && e.details == details && (details || e.directive == directive) &&
           e.depth == c.depth - 1;
  });
  if (it == open.rend()) return false;
  const std::size_t keep = static_cast<std::size_t>(open.rend() - it) - 1;
  while (open.size() > keep) {
    write_close(c, open.back(), open.size() == keep + 1);
    open.pop_back();
  }
  return true;
}

bool close_html_element(Context& c, int element) {
  auto& open = c.open_elements;
  const auto it = std::find_if(open.rbegin(), open.rend(), [&](const OpenElement& e) {
    return e.html == element && e.depth == c.depth - 1;
  });
  if (it == open.rend()) return false;
  const std::size_t keep = static_cast<std::size_t>(open.rend() - it) - 1;
  while (open.size() > keep) {
    write_close(c, open.back(), true);
    open.pop_back();
  }
  return true;
}

void close_elements_from(Context& c, int depth) {
  while (!c.open_elements.empty() && c.open_elements.back().depth >= depth) {
    write_close(c, c.open_elements.back());
    c.open_elements.pop_back();
  }
}

}  // namespace foldmark::detail
