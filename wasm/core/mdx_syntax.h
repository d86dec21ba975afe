// The small grammars of Docusaurus/MDX lines: component tags with their attributes, import and
// export statements, admonition titles, and the text helpers the line stages share.
#ifndef FOLDMARK_CORE_MDX_SYNTAX_H
#define FOLDMARK_CORE_MDX_SYNTAX_H

#include <cstddef>
#include <string>
#include <string_view>

#include "utf8.h"

namespace foldmark::detail {

// A component tag that opens its line may run over at most this many lines.
constexpr std::size_t kMaxTagLines = 32;

struct Tag {
  std::string name;  // as written: "Tabs", "TabItem", "React.StrictMode"
  bool closing = false, self_closing = false;
  std::string value, label;  // TabItem's value="…" and label="…" (string literals only)
  bool is_default = false;   // TabItem's bare `default` (or default={true})
};

enum class TagParse { kNotATag, kIncomplete, kTag };

// text is one or more lines joined by '\n'. A component tag starts text (an upper-case first
// letter and a lower-case one somewhere in its name, so <DIV> stays HTML) and its closing '>'
// ends it, only blanks after. kIncomplete: it may still end on a later line.
TagParse parse_component_tag(std::string_view text, Tag& tag);

// `import x from 'y'`, `import {a} from …`, `import 'side-effect'`, `export const|default|…`.
bool is_esm_start(std::string_view line);

// The title after an admonition's type: "[Title]" (v3) or " Title" (v2), else "".
std::string admonition_title(std::string_view rest);

bool is_blank(std::string_view s);
inline bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
std::string to_lower_ascii(std::string_view s);

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_MDX_SYNTAX_H
