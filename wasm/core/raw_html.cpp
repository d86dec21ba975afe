// Raw HTML in the Markdown and the line stages' markers: comments are dropped; in text mode the
// short tag list (<br> <kbd> <sup> <sub> <details> <summary>, no attributes) becomes elements and
// the rest is text; safe mode goes through the allowlist (safe_html.cpp); trusted mode passes it;
// inline MDX component tags are dropped with a warning (Options::mdx); a marker writes its
// directive, the containers from one table (kContainers).
#include <algorithm>
#include <iterator>

#include "escape.h"
#include "mdx_syntax.h"
#include "render_context.h"

#include "contract.inc"

namespace foldmark::detail {
namespace {

constexpr int kNoSpan = -1;

enum class Token { kText, kComment, kSafe, kOther };

struct SafeTag {
  std::string_view html;
  int span;  // for inline elements; kNoSpan for <br> and <details>
  bool closing;
};

constexpr SafeTag kSafeTags[] = {
    {"<br>", kNoSpan, false},           {"<br/>", kNoSpan, false},
    {"<br />", kNoSpan, false},         {"<kbd>", kSpanKbd, false},
    {"</kbd>", kSpanKbd, true},         {"<sup>", kSpanSup, false},
    {"</sup>", kSpanSup, true},         {"<sub>", kSpanSub, false},
    {"</sub>", kSpanSub, true},         {"<summary>", kSpanSummary, false},
    {"</summary>", kSpanSummary, true}, {"<details>", kNoSpan, false},
    {"</details>", kNoSpan, true},
};

const SafeTag* safe_tag(std::string_view html) {
  for (const SafeTag& t : kSafeTags) {
    if (t.html == html) return &t;
  }
  return nullptr;
}

// Where the token at s[i] ends and what it is.
Token next_token(std::string_view s, std::size_t i, std::size_t& end) {
  if (s.substr(i, 4) == "<!--") {
    const std::size_t close = s.find("-->", i + 4);
    end = close == std::string_view::npos ? s.size() : close + 3;
    return Token::kComment;
  }
  const bool tag_like =
      s[i] == '<' && i + 1 < s.size() &&
      (is_ascii_alpha(s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!' || s[i + 1] == '?');
  if (!tag_like) {
    end = s.find('<', i + 1);
    if (end == std::string_view::npos) end = s.size();
    return Token::kText;
  }
  const std::size_t close = s.find('>', i);
  end = close == std::string_view::npos ? s.size() : close + 1;
  return safe_tag(s.substr(i, end - i)) != nullptr ? Token::kSafe : Token::kOther;
}

// A safe tag as an element. <details> and <summary> only in raw HTML blocks; the others are
// spans, closed at the latest with their block.
void write_safe_tag(Context& c, const SafeTag& t, bool in_block) {
  const bool container = t.span == kNoSpan || t.span == kSpanSummary;
  if (t.html.substr(0, 3) == "<br") {
    c.out.append("<br>");
  } else if (container && !in_block) {
    escape_text(c, t.html);  // <details>/<summary> only as blocks: never inside a paragraph
  } else if (!t.closing) {
    if (t.span != kNoSpan) {
      push_span(c, t.span, t.html);
    } else {
      c.out.append("<details>");
      open_element(c, 0, true);
    }
  } else if (!(t.span != kNoSpan ? close_span(c, t.span) : close_element(c, 0, true))) {
    escape_text(c, t.html);  // a closing tag with nothing to close stays text
  }
}

// One stretch of a raw HTML block in safe mode: elements when every tag in it is safe, else the
// whole stretch as text in <pre class="fm-raw-html">, comments dropped either way.
void write_safe_block(Context& c, std::string_view s) {
  bool other = false, visible = false;
  for (std::size_t i = 0, end = 0; i < s.size(); i = end) {
    const Token t = next_token(s, i, end);
    other = other || t == Token::kOther;
    visible = visible || (t != Token::kComment && !is_blank(s.substr(i, end - i)));
  }
  if (!visible) return;
  if (other) c.out.append("<pre class=\"fm-raw-html\">");
  for (std::size_t i = 0, end = 0; i < s.size(); i = end) {
    const Token t = next_token(s, i, end);
    const std::string_view piece = s.substr(i, end - i);
    if (t == Token::kComment) continue;
    if (t == Token::kSafe && !other) {
      write_safe_tag(c, *safe_tag(piece), true);
    } else {
      escape_text(c, piece);
    }
  }
  if (other) c.out.append("</pre>\n");
}

void write_block_stretch(Context& c, std::string_view s) {
  switch (c.options.raw_html) {
    case RawHtml::kTrusted: c.out.append(s); break;
    case RawHtml::kSafe: write_sanitized_block(c, s); break;
    case RawHtml::kText: write_safe_block(c, s); break;
  }
}

// The group's buttons from its kTab directives; each panel finds its ids in c.tab_ids.
void write_tab_list(Context& c, const Directive& tabs, std::size_t index) {
  const TabsAttributes* group = tab_group(*c.prepared, index);
  const std::string none;
  const std::string& group_id = group ? group->group_id : none;
  const std::string& query = !group                         ? none
                             : group->query_string_is_group ? group->group_id
                                                            : group->query_string;
  PodVector<TabButton> buttons;
  for (std::size_t item : tabs.items) {
    const Directive& tab = c.prepared->directives[item];
    buttons.push_back({tab.type, tab.title, tab.selected});
  }
  std::vector<TabIds> ids = open_tab_group(c, group_id, query, buttons);
  for (std::size_t k = 0; k < ids.size(); ++k)
    c.tab_ids.push_back({tabs.items[k], std::move(ids[k])});
}

void write_tab_panel(Context& c, const Directive& /*tab*/, std::size_t index) {
  const auto it =
      std::find_if(c.tab_ids.begin(), c.tab_ids.end(),
                   [&](const Context::DirectiveTabIds& t) { return t.directive == index; });
  open_tab_panel(c, it == c.tab_ids.end() ? TabIds{} : it->ids);
}

// The title is Markdown too (:::tip[Use **this**]); a title that is not one paragraph of
// inline content (say "# x") is shown as typed.
void write_admonition_title(Context& c, const std::string& title) {
  const std::string html = render_inline(title, c.options, 16 * title.size() + 1024);
  if (html.empty()) {
    escape_html(c.out, title);
  } else {
    c.out.append(html);
  }
}

void write_admonition(Context& c, const Directive& d, std::size_t /*index*/) {
  c.out.append("<aside class=\"fm-admonition fm-admonition-");
  escape_html(c.out, d.type);
  c.out.append("\">\n<p class=\"fm-admonition-title\">");
  write_admonition_title(c, d.title);
  c.out.append("</p>\n");
}

// The containers' HTML, opening beside closing: one row per container DirectiveKind, in the
// enum's order. The element closes when its closing line comes or its holder block ends
// (structure.cpp), and writes `close` then.
struct ContainerHtml {
  DirectiveKind kind;
  void (*open)(Context& c, const Directive& d, std::size_t index);
  std::string_view close;
};

constexpr ContainerHtml kContainers[] = {
    {DirectiveKind::kAdmonition, write_admonition, "</aside>\n"},
    {DirectiveKind::kTabs, write_tab_list, "</div>\n"},
    {DirectiveKind::kTab, write_tab_panel, "</div>\n"},
};

constexpr auto kFirstContainer = static_cast<std::size_t>(DirectiveKind::kAdmonition);

constexpr bool one_row_per_container() {
  if (std::size(kContainers) != static_cast<std::size_t>(DirectiveKind::kEnd) - kFirstContainer)
    return false;
  for (std::size_t i = 0; i < std::size(kContainers); ++i) {
    if (static_cast<std::size_t>(kContainers[i].kind) != kFirstContainer + i) return false;
  }
  return true;
}
static_assert(one_row_per_container(), "kContainers needs one row per container, in enum order");

const ContainerHtml& container_html(DirectiveKind kind) {
  return kContainers[static_cast<std::size_t>(kind) - kFirstContainer];
}

void run_directive(Context& c, const Directive& d, std::size_t index) {
  if (d.kind == DirectiveKind::kDrop) return;
  if (d.kind == DirectiveKind::kClose) {
    close_element(c, d.pair, false);
    return;
  }
  container_html(d.kind).open(c, d, index);
  open_element(c, index, false);
}

bool is_component_tag(std::string_view html) {
  const std::size_t name = html.size() > 2 && html[1] == '/' ? 2 : 1;
  if (html.size() <= name || !(html[name] >= 'A' && html[name] <= 'Z')) return false;
  std::size_t i = name;
  bool lower = false;
  for (; i < html.size() && (is_ascii_alpha(html[i]) || html[i] == '.'); ++i)
    lower = lower || (html[i] >= 'a' && html[i] <= 'z');
  return lower;
}

}  // namespace

std::string_view container_close_html(DirectiveKind kind) {
  return container_html(kind).close;
}

const Directive* directive_at(const Context& c, const char* where, std::size_t* index) {
  const auto& ds = c.prepared->directives;
  if (ds.empty() || where < c.doc.data() || where >= c.doc.data() + c.doc.size()) return nullptr;
  const auto offset = static_cast<std::size_t>(where - c.doc.data());
  const auto it = std::lower_bound(ds.begin(), ds.end(), offset,
                                   [](const Directive& d, std::size_t o) { return d.offset < o; });
  if (it == ds.end() || it->offset != offset) return nullptr;
  if (index != nullptr) *index = static_cast<std::size_t>(it - ds.begin());
  return &*it;
}

void open_raw_html_block(Context& c) {
  c.in_html_block = true;
  c.html_chunks.clear();
}

// The block's lines, split at markers (a marker line can land inside a longer raw HTML block).
void close_raw_html_block(Context& c) {
  c.in_html_block = false;
  std::string stretch;
  for (std::string_view chunk : c.html_chunks) {
    std::size_t index = 0;
    const Directive* d = chunk.substr(0, kMarker.size()) == kMarker
                             ? directive_at(c, chunk.data(), &index)
                             : nullptr;
    if (d == nullptr) {
      stretch.append(chunk);
      continue;
    }
    write_block_stretch(c, stretch);
    stretch.clear();
    close_all_spans(c);
    run_directive(c, *d, index);
  }
  write_block_stretch(c, stretch);
  close_all_spans(c);
  c.html_chunks.clear();
}

// Inline raw HTML. A comment may come in several chunks (md4c splits it at line ends).
void write_raw_html(Context& c, std::string_view html) {
  const bool trusted = c.options.raw_html == RawHtml::kTrusted;
  if (c.in_inline_comment) {
    c.in_inline_comment = html.find("-->") == std::string_view::npos;
    if (!trusted) return;
  } else if (html.substr(0, 4) == "<!--") {
    c.in_inline_comment = html.find("-->", 4) == std::string_view::npos;
    if (!trusted) return;
  }
  if (trusted && c.image_depth == 0) {
    c.out.append(html);
    return;
  }
  const bool safe_mode = c.options.raw_html == RawHtml::kSafe;
  const SafeTag* safe = c.image_depth == 0 && !safe_mode ? safe_tag(html) : nullptr;
  if (safe != nullptr) {
    write_safe_tag(c, *safe, false);
  } else if (c.options.mdx && is_component_tag(html) && c.inline_pending.empty()) {
    if (html[1] != '/') {
      warn_at(c, html.data(), contract::kWarnMdxComponent,
              "MDX component " + std::string(html.substr(0, html.find_first_of(" \t\n/>", 1))) +
                  "> is not supported: its tags are dropped");
    }
  } else if (safe_mode) {
    write_sanitized_inline(c, html);
  } else {
    escape_text(c, html);
  }
}

}  // namespace foldmark::detail
