// HTML normalisation for spec comparisons, the same rules as md4c's test/normalize.py.
#ifndef FOLDMARK_TESTS_HTML_NORMALIZE_H
#define FOLDMARK_TESTS_HTML_NORMALIZE_H

#include <string>
#include <string_view>

namespace foldmark::test {

// Collapses insignificant whitespace (none inside <pre>), drops it around block tags, decodes
// character references (re-escaping & < > "), sorts attributes and writes void tags as <br>.
std::string normalize_html(std::string_view html);

}  // namespace foldmark::test

#endif  // FOLDMARK_TESTS_HTML_NORMALIZE_H
