// The allowlist behind allowRawHtml 'safe': reads markup as the browser would (and JSX attribute
// values as MDX writes them), and writes back only known-safe elements and attributes in one
// canonical form, URLs checked by the URL policy after reference decoding.
#ifndef FOLDMARK_CORE_HTML_SANITIZER_H
#define FOLDMARK_CORE_HTML_SANITIZER_H

#include <cstddef>
#include <string_view>

#include "out_buffer.h"

namespace foldmark::detail {

// More attributes than this on one tag: the rest are dropped.
constexpr std::size_t kMaxHtmlAttributes = 32;
// Start tags that would leave more elements than this open are dropped (their content stays):
// every end tag searches the open elements, so the bound keeps n tags linear.
constexpr std::size_t kMaxHtmlDepth = 64;

struct HtmlAttribute {
  std::string_view name;
  std::string_view value;  // between the quotes or braces; the raw run when unquoted
  char quote = 0;          // '"', '\'', '{' (JSX expression), ' ' (unquoted), 0 (no value)
};

struct HtmlTag {
  std::string_view name;  // as written
  bool closing = false, self_closing = false;
  HtmlAttribute attributes[kMaxHtmlAttributes];
  std::size_t count = 0;
};

enum class Markup {
  kText,      // a '<' that starts no markup: text
  kStartTag,  // <name …> or <name … />
  kEndTag,    // </name>
  kComment,   // <!-- … -->
  kOther,     // <!DOCTYPE …>, <?…?>, <![CDATA[…]]>
  kUnclosed,  // markup that never ends in s: everything from it on is dropped
};

// The markup starting at s[i] (which is '<'): its kind and its end (one past its '>'). A '>' in a
// quoted value or a JSX {…} value does not end a tag.
Markup scan_markup(std::string_view s, std::size_t i, std::size_t& end, HtmlTag& tag);

// Element traits in the allowlist.
enum ElementFlag : unsigned {
  kVoidElement = 1,    // no content, no end tag (br, img, …)
  kInlineElement = 2,  // allowed inside a paragraph (not tables, lists, headings, details…)
  kSpansBlocks = 4,    // in a raw HTML block, stays open across the Markdown blocks that follow
  kIframe = 8,         // only from the embed hosts; its content is never shown
};

// <a>'s index: a link inside a link is never written (the browser would re-arrange them).
constexpr int kAnchorElement = 0;

// The element's index in the allowlist, or -1 (names compare case-insensitively).
int find_element(std::string_view name);
unsigned element_flags(int element);
std::string_view element_end_tag(int element);  // "</name>"

// Elements whose content is script, style or other source: never shown, not even as text.
bool drops_content(std::string_view name);
// Where the content of a drops_content (or iframe) element that starts at s[from] ends: one past
// its end tag, or s.size() when it has none.
std::size_t skip_element_content(std::string_view s, std::size_t from, std::string_view name);

// Writes the start tag of allowlisted `element` as safe HTML: names lower-cased, className →
// class, values decoded then escaped and double-quoted, URL attributes through the URL policy,
// id prefixed, target=_blank with rel="noopener noreferrer". False (nothing written) for an
// iframe whose src is not an embed host.
bool write_start_tag(OutBuffer& out, int element, const HtmlTag& tag, std::string_view id_prefix);

// Text between tags: character references decoded, then escaped again, so what the browser reads
// is exactly what was checked.
void write_html_text(OutBuffer& out, std::string_view text);

// True for https URLs on the embed hosts (video players and code playgrounds).
bool embed_allowed(std::string_view url);

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_HTML_SANITIZER_H
