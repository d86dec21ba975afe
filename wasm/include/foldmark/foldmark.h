// foldmark's one public C++ header: render Markdown articles to safe HTML with a Q/A layout.
//
// Usage:
//   foldmark::Options options;                  // every member has a safe default
//   foldmark::Article a = foldmark::render(markdown, options);
//   if (a.error != foldmark::ErrorCode::kNone) { /* a.error_message says why */ }
//
// The core is portable C++17 and never throws: every failure is a value (ErrorCode). All state
// lives in the call, so concurrent calls on different threads are independent.
#ifndef FOLDMARK_FOLDMARK_H
#define FOLDMARK_FOLDMARK_H

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace foldmark {

// The library version, and the md4c version it was built against.
extern const char* const kVersion;
extern const char* const kMd4cVersion;

// Inputs larger than this are refused with ErrorCode::kLimit (wasm memory never shrinks, so the
// cap keeps one hostile call from pinning hundreds of MiB for the life of the page).
constexpr std::size_t kMaxInputBytes = 32u << 20;
// Output may be at most kOutputFactor * input + kOutputSlackBytes bytes, and never more than
// kMaxOutputBytes. Past that the call stops with ErrorCode::kLimit: it is how one long link
// reference definition used thousands of times ends quickly instead of writing gigabytes.
constexpr std::size_t kOutputFactor = 16;
constexpr std::size_t kOutputSlackBytes = 4u << 20;
constexpr std::size_t kMaxOutputBytes = 256u << 20;
// md4c 0.5.2 re-matches every open container (list item, quote) on each blank line, so one line
// opening n containers followed by m blank lines costs n*m ("- - - … x" then newlines). Each
// open container needs at least one column of a line's prefix, so summing the prefix width of the
// last non-blank line over the blank lines bounds that work; inputs whose bound passes
// kContainerWorkFactor * input + kContainerWorkSlack are refused with ErrorCode::kLimit.
constexpr std::size_t kContainerWorkFactor = 32;
constexpr std::size_t kContainerWorkSlack = 1u << 20;
// Generated ids (heading slugs) are cut to this many bytes, at a UTF-8 boundary, before de-dup.
constexpr std::size_t kMaxSlugBytes = 100;

// How render() folds sections into collapsible items.
enum class Collapse {
  kSections,   // every section at the Q/A level is a <details class="fm-qa"> item (default)
  kQuestions,  // only sections whose heading is a question
  kNone,       // a plain article: no <details>
};

// What raw HTML in the Markdown becomes (Options::raw_html).
enum class RawHtml { kText, kSafe, kTrusted };

// All members optional; the defaults are safe for untrusted input.
struct Options {
  // kText: raw HTML in the Markdown is escaped and shown as text (inline), or as
  // <pre class="fm-raw-html"> (blocks). kSafe: an allowlist of elements and attributes (README
  // "Raw HTML"), URLs through the URL policy, everything else dropped, never shown as source.
  // kTrusted: passed through verbatim (trusted authors only: it can run script). Link/image URLs
  // in Markdown syntax are filtered in every mode.
  RawHtml raw_html = RawHtml::kText;
  // Tables, strikethrough (~~x~~ → <del>), task lists (disabled checkboxes) and permissive
  // autolinks (www., http(s)://, e-mail addresses in plain text).
  bool gfm = true;
  // id="…" on every heading, computed like github-slugger (lower-case, punctuation dropped,
  // spaces → '-', repeats get -1, -2, …), prefixed with id_prefix.
  bool heading_ids = true;
  // Docusaurus's MDX flavour on top: top-level import/export lines, {/* … */} comments and
  // capitalised component tags (<Tabs>/<TabItem> as tabs, any other dropped with its children
  // kept) are read as MDX. false: they mean what CommonMark says (a paragraph, raw HTML). The
  // rest of the Docusaurus syntax (admonitions, code titles and highlights, {#id}) is always on.
  bool mdx = false;
  // $…$ and $$…$$ (remark-math's syntax) become <span class="fm-math"> and
  // <span class="fm-math fm-math-display"> holding the TeX source, escaped, for a math library in
  // the page to typeset; without a script the reader sees the source. false: a $ is text, as
  // ordinary docs (prices, shell variables) expect.
  bool math = false;
  // render() only: see Collapse.
  Collapse collapse = Collapse::kSections;
  // Prepended to every generated id (headings, TOC links). Not validated beyond escaping: the
  // JS layer restricts it to [A-Za-z0-9_-:.]*.
  std::string id_prefix;
  // render() only: build Article::json_ld. It repeats every answer's HTML, so callers that may
  // never use it (the JS API builds it on first access) save that work.
  bool json_ld = true;
  // For a highlighter run after the core (the JS `highlight` option): each code block's inner
  // HTML is written between two NUL bytes (NUL never occurs in the output otherwise: input NULs
  // become U+FFFD) and HtmlResult::code_json / Article::code_json list the blocks in order as
  // [code, lang, meta, [highlighted line numbers]], so the caller can replace each one.
  bool code_slots = false;
  // The caller vouches that the markdown is well-formed UTF-8 (it came from a UTF-16 string
  // through a conforming encoder, which writes U+FFFD for a lone surrogate), so the validation
  // pass is skipped. Ill-formed input with this set may reach the output unrepaired; leave it
  // false for bytes from files or the network.
  bool input_is_valid_utf8 = false;
};

enum class ErrorCode {
  kNone = 0,
  kInput,     // the input cannot be processed (not reachable from valid UTF-8 text today)
  kLimit,     // a documented limit (input size, output budget) was exceeded
  kInternal,  // md4c reported a failure (allocation): the call produced nothing
};

// A diagnostic about the input that did not stop rendering. line/column are 1-based in the
// whole file (front matter included); column counts Unicode code points.
struct Warning {
  int line = 0;
  int column = 0;
  std::string code;     // stable identifier, e.g. "W_FRONT_MATTER"
  std::string message;  // one human sentence
};

struct TocEntry {
  int level = 0;     // 1..6
  std::string text;  // the heading's plain text (markup stripped, entities decoded)
  std::string id;    // its id attribute, prefix included; "" when heading_ids is false
};

struct Question {
  std::string id;
  std::string text;
};

// The result of render(). On error, html is empty and error/error_message say why.
struct Article {
  ErrorCode error = ErrorCode::kNone;
  std::string error_message;
  std::string title;      // meta.title, else the first h1's text, else ""
  std::string meta_json;  // the front matter as a JSON object ("{}" when there is none)
  std::string html;       // <article class="fm-article">…</article>
  std::string json_ld;    // schema.org FAQPage for the question items; "" when there are none
  std::string code_json;  // Options::code_slots only: the code blocks, a JSON array
  std::vector<TocEntry> toc;
  std::vector<Question> questions;
  std::vector<Warning> warnings;
};

// The body HTML alone (CommonMark + GFM, no article wrapper, no Q/A layout).
struct HtmlResult {
  ErrorCode error = ErrorCode::kNone;
  std::string error_message;
  std::string html;
  std::string code_json;  // Options::code_slots only: the code blocks, a JSON array
};

// markdown is UTF-8; invalid sequences and NUL are replaced with U+FFFD, a leading BOM is skipped.
HtmlResult to_html(std::string_view markdown, const Options& options = Options());
Article render(std::string_view markdown, const Options& options = Options());

// The Article as one JSON object with the keys of the JS API (meta, title, html, toc, questions,
// warnings, jsonLd). The CLI prints it and the wasm binding hands it to JavaScript.
std::string article_to_json(const Article& article);

// The same object without "html" and "jsonLd": the wasm binding hands those two over as separate
// strings, so the largest parts are never JSON-escaped and parsed again.
std::string article_fields_json(const Article& article);

// Every class foldmark emits, for stylesheets and tests.
//   fm-article fm-title fm-intro fm-epilogue fm-qa fm-question fm-answer fm-reader-question
//   fm-raw-html
// Docusaurus Markdown (README "Docusaurus Markdown"):
//   fm-admonition fm-admonition-TYPE fm-admonition-title   :::TYPE … ::: → <aside>
//   fm-code fm-code-title fm-line-numbers fm-line-highlight  fenced code with a metastring
//   fm-tabs                                                 <Tabs>/<TabItem>
//   (role=tablist/tab/tabpanel)
}  // namespace foldmark

#endif  // FOLDMARK_FOLDMARK_H
