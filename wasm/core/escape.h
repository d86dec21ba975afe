// Escaping for each output context: HTML text, attribute values, URLs in attributes, JSON strings.
#ifndef FOLDMARK_CORE_ESCAPE_H
#define FOLDMARK_CORE_ESCAPE_H

#include <cstddef>
#include <string>
#include <string_view>

#include "out_buffer.h"

namespace foldmark::detail {

// Text content: & < > " become entities. Also safe inside a double-quoted attribute value.
void escape_html(OutBuffer& out, std::string_view text);
void escape_html(std::string& out, std::string_view text);

// A URL inside a double-quoted href/src: bytes outside the URL-safe set are percent-encoded
// (so TAB, LF, space, quotes, non-ASCII never reach the browser raw) and & becomes &amp;.
void escape_url(OutBuffer& out, std::string_view url);

// A JSON string body (no quotes). With script_safe, < > & and U+2028/U+2029 are also written as
// \u escapes, so no content can close a <script> element or start a comment inside it.
void escape_json(std::string& out, std::string_view text, bool script_safe);
// The number of bytes escape_json would append, without writing them: callers with a budget
// check it before allocating (script-safe escaping can make a string six times as long).
std::size_t json_escaped_size(std::string_view text, bool script_safe);

// Appends the UTF-8 encoding of code point cp; cp must be a valid scalar value.
void append_utf8(std::string& out, unsigned cp);

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_ESCAPE_H
