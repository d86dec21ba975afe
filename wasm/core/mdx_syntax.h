// The small grammars of Docusaurus/MDX lines: component tags with their attributes, import and
// export statements, admonition titles, and the text helpers the line stages share.
#ifndef FOLDMARK_CORE_MDX_SYNTAX_H
#define FOLDMARK_CORE_MDX_SYNTAX_H

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "utf8.h"

namespace foldmark::detail {

// A component tag that opens its line may run over at most this many lines.
constexpr std::size_t kMaxTagLines = 32;

// A <Tabs> tag's attributes (string literals only), apart from Tag: most tags have none.
struct TabsAttributes {
  std::string group_id, query_string, default_value;
  bool query_string_is_group = false;  // a bare queryString (or {true}): the groupId is the key
  struct Choice {
    std::string value, label;
  };
  std::vector<Choice> values;  // values={[{label: '…', value: '…'}, …]}; empty if not literal
};

struct Tag {
  std::string name;  // as written: "Tabs", "TabItem", "React.StrictMode"
  bool closing = false, self_closing = false;
  std::string value, label;  // TabItem's value="…" and label="…" (string literals only)
  bool is_default = false;   // TabItem's bare `default` (or default={true})
  // Tabs' own attributes; null when none. unique_ptr, not shared_ptr: shared_ptr's control block
  // brings the C++ runtime's type_info machinery into the module (2.5 KB), even without RTTI.
  std::unique_ptr<TabsAttributes> tabs;
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

// A JSX string child at s[i] — {' '}, {"text"}, {'text'} — which MDX renders as its text: sets
// text and returns one past the '}'; npos for any other {expression}.
std::size_t jsx_text_literal(std::string_view s, std::size_t i, std::string_view& text);

bool is_blank(std::string_view s);
inline bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
std::string to_lower_ascii(std::string_view s);

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_MDX_SYNTAX_H
