// The YAML subset front matter uses (YAML 1.2 core schema): the value tree and the parser entry
// points.
#ifndef FOLDMARK_CORE_YAML_SUBSET_H
#define FOLDMARK_CORE_YAML_SUBSET_H

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "foldmark/foldmark.h"
#include "pod_vector.h"
#include "string_table.h"

namespace foldmark::detail {

// Collections nested deeper than this (block or flow) are replaced by null with a warning, so
// hostile input like 10000 '[' cannot exhaust the stack of the parser or of the JSON writer.
constexpr int kMaxFrontMatterDepth = 64;

enum class YamlKind { kNull, kBool, kNumber, kString, kList, kMap };

struct YamlNode {
  YamlKind kind = YamlKind::kNull;
  std::string text;  // kString: the value; kNumber: its JSON text; kBool: "true"/"false"
  std::vector<std::string> keys;  // kMap: keys in document order, parallel to items
  std::vector<YamlNode> items;    // kList items or kMap values
};

// One line of the front matter: its text without the line ending and its 1-based document line.
struct YamlLine {
  std::string_view text;
  int number = 0;
};

// Parses the lines as a top-level mapping. Never fails: a line that cannot be parsed gets a
// warning and is skipped; anything but a mapping at the top level gives a warning and {}.
YamlNode parse_yaml_subset(const PodVector<YamlLine>& lines, std::vector<Warning>& warnings);

// Appends a warning at byte offset col of line; the column counts code points, 1-based.
void add_yaml_warning(std::vector<Warning>& warnings, const YamlLine& line, std::size_t col,
                      const char* code, std::string message);

// A mapping under construction: a repeated key keeps its first position and takes the last value.
class MapBuilder {
 public:
  MapBuilder() { node_.kind = YamlKind::kMap; }
  // False when key was already present (the caller warns).
  bool add(std::string key, YamlNode value);
  YamlNode take() { return std::move(node_); }

 private:
  YamlNode node_;
  StringTable index_;  // key → its position in node_
};

// A plain (unquoted) scalar typed by the core schema: null, bool, int, float, else string.
// .inf/.nan become the strings "Infinity", "-Infinity", "NaN" because JSON has no such numbers.
YamlNode resolve_plain(std::string text);

// The nearest double (ties to even, infinity past the largest), as JavaScript's Number() reads
// the text: a core schema decimal (is_decimal's grammar), or unsigned digits in base 16 or 8
// given as 4 or 3 bits per digit.
double yaml_decimal_value(std::string_view text);
double yaml_integer_value(std::string_view digits, int bits_per_digit);

// JavaScript's Number.prototype.toString for a finite double (shortest round-trip digits),
// except that negative zero is written "-0" so JSON.parse gives back -0 as js-yaml does.
std::string format_js_number(double value);

// The property name JavaScript gives a scalar used as a mapping key (1.50 → "1.5", ~ → "null").
std::string yaml_key_text(const YamlNode& key);

// Result of parsing a flow collection or a quoted scalar that starts at (line, col).
struct FlowResult {
  YamlNode node;
  bool ok = false;       // false: a warning was given and node is null
  std::size_t line = 0;  // when ok, the position just after the value
  std::size_t col = 0;
  std::size_t next_line = 0;  // where block parsing resumes
};

// Continuation lines must be indented more than parent_indent (YAML's rule for flow content in
// a block); depth is the nesting depth of the value itself.
FlowResult parse_flow(const PodVector<YamlLine>& lines, std::size_t line, std::size_t col,
                      int parent_indent, int depth, std::vector<Warning>& warnings);

// Leading spaces of a line (tabs are not indentation).
std::size_t yaml_indent(std::string_view text);
// True when the line holds only spaces and tabs.
bool yaml_blank(std::string_view text);

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_YAML_SUBSET_H
