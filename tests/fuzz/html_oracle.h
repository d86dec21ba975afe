// The fuzz harness's output oracle: a small strict HTML tokenizer and JSON checker that assert the
// safety invariants (allowlisted tags and attributes, URL schemes as a browser reads them,
// balanced nesting, UTF-8) on everything foldmark emits.
#ifndef FOLDMARK_TESTS_FUZZ_HTML_ORACLE_H
#define FOLDMARK_TESTS_FUZZ_HTML_ORACLE_H

#include <string>
#include <string_view>
#include <vector>

namespace foldmark_fuzz {

// What the tokenizer saw, for the cross-checks the harness makes against the Article.
struct HtmlFacts {
  std::vector<std::string> ids;  // decoded id attribute values, in document order
  std::size_t details = 0;       // <details> elements
};

// Each check returns "" when the input satisfies it, else one line saying what is wrong.

// Safe-mode HTML: only foldmark's own tags and attributes, every '<' and '&' accounted for,
// href/src decoded as a browser would and scheme-checked, every element closed in order.
std::string check_safe_html(std::string_view html, HtmlFacts* facts);

// allowRawHtml 'safe': the same checks, with the raw HTML allowlist (its own copy here) on top:
// aria-* and global attributes, srcset/poster/cite URLs, iframes only from embed hosts and
// sandboxed, target only _blank and then with rel="noopener noreferrer".
std::string check_sanitized_html(std::string_view html, HtmlFacts* facts);

// Well-formed UTF-8 (Unicode Table 3-7: no overlongs, surrogates or code points past U+10FFFF).
std::string check_utf8(std::string_view s);

// A complete RFC 8259 JSON text (checked without recursion, so any nesting depth is fine).
std::string check_json(std::string_view json);

// An attribute value as the browser's tokenizer decodes it (numeric references with or without
// ';', the named references md4c knows, legacy &amp &lt &gt &quot without ';').
std::string decode_attribute(std::string_view raw);

// "" when a browser would treat the decoded URL as relative or with an allowed scheme:
// http, https, mailto for links; http, https, data:image/(png|gif|jpeg|webp) for images.
std::string check_url(std::string_view decoded, bool image);

}  // namespace foldmark_fuzz

#endif  // FOLDMARK_TESTS_FUZZ_HTML_ORACLE_H
