// The state of one body render, shared by the renderer's parts: the md4c callbacks
// (renderer.cpp), the structure they record (structure.cpp: headings, rules, quotes, open
// containers), code blocks (code_blocks.cpp) and raw HTML with the line stages' directives
// (raw_html.cpp).
#ifndef FOLDMARK_CORE_RENDER_CONTEXT_H
#define FOLDMARK_CORE_RENDER_CONTEXT_H

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "headings.h"
#include "line_stages.h"
#include "md4c.h"
#include "out_buffer.h"
#include "pod_vector.h"
#include "renderer.h"

namespace foldmark::detail {

constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";

// Spans that are not md4c's: the safe-mode inline tags, closed like md4c spans (innermost
// first, all of them at the end of their block).
// Open spans are md4c's MD_SPANTYPE values, or one of these.
constexpr int kSpanKbd = 100;
constexpr int kSpanSup = 101;
constexpr int kSpanSub = 102;
constexpr int kSpanSummary = 103;
// Safe-mode elements opened inline: kSpanHtml + their index in the allowlist.
constexpr int kSpanHtml = 200;

// A container foldmark opened (a directive's element, or a safe-mode <details>) and the md4c
// depth of the block holding it: it is closed by its own closing line, or when that block ends.
struct OpenElement {
  std::size_t directive = 0;  // index in Prepared::directives; unused for <details>
  bool details = false;
  int depth = 0;
  int html = -1;  // a safe-mode element: its index in the allowlist (html_sanitizer.h)
};

// A tab group's button, and the ids of a tab and its panel (empty without Options::heading_ids).
struct TabButton {
  std::string_view value, label;
  bool selected = false;
};
struct TabIds {
  std::string tab, panel;
};

struct Context {
  Context(const Options& o, bool article, std::size_t budget)
      : options(o), article_mode(article), out(budget) {}

  const Options& options;
  bool article_mode;
  OutBuffer out;
  BodyHtml result;
  Slugger slugger;
  // The text md4c parses, where it starts in the file, and the line stages' directives.
  std::string_view doc;
  int first_line = 1;
  // MDX text: where doc holds a '{', when doc is the body as the gate saw it (else null), and
  // the first brace not before the last text written.
  const PodVector<std::size_t>* braces = nullptr;
  const std::size_t* next_brace = nullptr;
  const Prepared* prepared = nullptr;
  // warn_at counts lines from here: the renderer's warnings come in document order.
  std::size_t warn_offset = 0;
  int warn_line = 0;

  int depth = 0;        // open blocks, the document included
  int image_depth = 0;  // > 0 inside an image's alt text: plain text only
  bool in_heading = false;
  bool heading_text_full = false;  // heading_text reached kMaxHeadingTextBytes
  bool heading_top_level = false;
  unsigned heading_level = 0;
  std::size_t heading_begin = 0;         // where "<hN" starts
  std::size_t heading_attr = 0;          // where the id attribute goes
  const char* heading_source = nullptr;  // its first text in doc, for warnings
  std::string heading_text;
  bool in_top_quote = false;
  std::size_t quote_attr = 0;
  std::string quote_tail;  // the last bytes of a top-level quote's text
  // Spans written and not yet closed. md4c 0.5.2 can pair an emphasis or strikethrough mark
  // inside a link destination with one outside it ("*[](*)", "[](~)~") and then reports an
  // enter without its leave or a leave without its enter; the output stays balanced anyway.
  PodVector<int> open_spans;
  // Links inside a link (an autolink in link text: "[<a@b.c>](/u)") are written as their text:
  // nested <a> elements are invalid HTML that the browser's parser re-arranges.
  int nested_links = 0;

  PodVector<OpenElement> open_elements;
  struct DirectiveTabIds {
    std::size_t directive;  // its kTab
    TabIds ids;
  };
  std::vector<DirectiveTabIds> tab_ids;
  bool in_inline_comment = false;  // inside an <!-- … --> that spans inline chunks
  // Safe mode, inline: the element (script, style…) whose content is dropped until its end tag,
  // and a tag md4c handed over in pieces (one per line) until its '>' comes.
  std::string_view inline_skip;
  std::string inline_pending;

  bool in_html_block = false;
  PodVector<std::string_view> html_chunks;

  bool in_code = false;
  // The block's text as md4c hands it over (views into the document, a directive's original
  // line or a constant): joined into `code` only when a block needs its lines.
  PodVector<std::string_view> code_pieces;
  std::string code, code_lang, code_info;
  std::string code_json;  // Options::code_slots: one [code, lang, meta, [lines]] per block
};

// renderer.cpp
void escape_text(Context& c, std::string_view text);  // escaped, and collected for headings
void close_all_spans(Context& c);
bool close_span(Context& c, int type);  // false when none is open
void push_span(Context& c, int type, std::string_view open_tag);
bool in_link(const Context& c);  // inside a Markdown link or an inline <a>
void warn_at(Context& c, const char* where, const char* code, std::string message);
// One line of Markdown as inline HTML (no <p>), or "" when it is not a single paragraph.
std::string render_inline(std::string_view markdown, const Options& options, std::size_t budget);

// structure.cpp
bool top_level(const Context& c);
void open_heading(Context& c, const MD_BLOCK_H_DETAIL* d);
void close_heading(Context& c);
void open_quote(Context& c);
void close_quote(Context& c);
void open_rule(Context& c);
void open_element(Context& c, std::size_t directive, bool details);
bool close_element(Context& c, std::size_t directive, bool details);  // false if not open here
void close_elements_from(Context& c, int depth);  // every element held at depth or deeper

// code_blocks.cpp
void open_code_block(Context& c, const MD_BLOCK_CODE_DETAIL* d);
void code_text(Context& c, std::string_view text);
void close_code_block(Context& c);

// tab_markup.cpp: <div class="fm-tabs"> and its tablist (closed by the caller with "</div>\n"
// after the panels), and one panel's opening tag (closed with "</div>\n").
std::vector<TabIds> open_tab_group(Context& c, std::string_view group_id, std::string_view query,
                                   const PodVector<TabButton>& tabs);
void open_tab_panel(Context& c, const TabIds& ids);

// npm2yarn.cpp: an npm command block as the same commands for Yarn or pnpm.
enum class PackageManager { kYarn, kPnpm };
std::string convert_npm_commands(std::string_view code, PackageManager to);

// safe_html.cpp: allowRawHtml 'safe'
void write_sanitized_block(Context& c, std::string_view html);
void write_sanitized_inline(Context& c, std::string_view html);
bool close_html_element(Context& c, int element);  // false if not open in this holder

// raw_html.cpp
void open_raw_html_block(Context& c);
void close_raw_html_block(Context& c);
void write_raw_html(Context& c, std::string_view html);  // inline raw HTML
const Directive* directive_at(const Context& c, const char* where, std::size_t* index);
std::string_view container_close_html(DirectiveKind kind);  // a container kind's closing HTML
std::string decode_attribute(const MD_ATTRIBUTE& attr);

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_RENDER_CONTEXT_H
