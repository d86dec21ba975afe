// Splits the --- block from the body, parses it with the YAML subset and writes meta as JSON.
#include "front_matter.h"
#include "contract.inc"

#include "json_writer.h"
#include "yaml_subset.h"

namespace foldmark::detail {
namespace {

// One physical line: [begin, end) without its line ending, next = the first byte after it.
struct RawLine {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t next = 0;
};

// LF, CRLF and CR all end a line (CommonMark's rule, which the body follows too).
RawLine line_at(std::string_view doc, std::size_t begin) {
  RawLine line;
  line.begin = begin;
  std::size_t i = begin;
  while (i < doc.size() && doc[i] != '\n' && doc[i] != '\r') ++i;
  line.end = i;
  if (i < doc.size() && doc[i] == '\r' && i + 1 < doc.size() && doc[i + 1] == '\n') ++i;
  line.next = i < doc.size() ? i + 1 : i;
  return line;
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_closer(std::string_view line) {
  const std::string_view t = trim_right(line);
  return t == "---" || t == "...";
}

void add_warning(FrontMatter& fm, int line, int column, const char* code, std::string message) {
  Warning w;
  w.line = line;
  w.column = column;
  w.code = code;
  w.message = std::move(message);
  push_back_out_of_line(fm.warnings, std::move(w));
}

// Depth is bounded by kMaxFrontMatterDepth, so plain recursion is safe here.
void write_node(JsonWriter& json, const YamlNode& node) {
  switch (node.kind) {
    case YamlKind::kNull: json.null(); break;
    case YamlKind::kBool: json.boolean(node.text == "true"); break;
    case YamlKind::kNumber: json.raw(node.text); break;
    case YamlKind::kString: json.string(node.text); break;
    case YamlKind::kList:
      json.begin_array();
      for (const YamlNode& item : node.items) write_node(json, item);
      json.end_array();
      break;
    case YamlKind::kMap:
      json.begin_object();
      for (std::size_t i = 0; i < node.items.size(); ++i) {
        json.key(node.keys[i]);
        write_node(json, node.items[i]);
      }
      json.end_object();
      break;
  }
}

void take_title(FrontMatter& fm, const YamlNode& root) {
  for (std::size_t i = 0; i < root.keys.size(); ++i) {
    const YamlNode& value = root.items[i];
    const bool scalar = value.kind == YamlKind::kString || value.kind == YamlKind::kNumber ||
                        value.kind == YamlKind::kBool;
    if (root.keys[i] == "title" && scalar) fm.title = value.text;
    if (root.keys[i] == "hide_title")
      fm.hide_title = value.kind == YamlKind::kBool && value.text == "true";
  }
}

}  // namespace

FrontMatter parse_front_matter(std::string_view document) {
  FrontMatter fm;
  const RawLine opener = line_at(document, 0);
  const std::string_view first = document.substr(0, opener.end);
  if (first.substr(0, 3) != "---") return fm;
  const std::string_view info = first.substr(3);
  if (!trim_right(info).empty()) {
    // "---js" would be evaluated by gray-matter; we never evaluate, and "----" is a thematic break.
    if (info.find_first_not_of('-') != std::string_view::npos) {
      add_warning(fm, 1, 4, contract::kWarnFrontMatter,
                  "only '---' alone on the first line starts front matter; this block is rendered "
                  "as Markdown");
    }
    return fm;
  }
  PodVector<YamlLine> lines;
  int number = 2;
  for (std::size_t at = opener.next; at < document.size(); ++number) {
    const RawLine line = line_at(document, at);
    const std::string_view text = document.substr(line.begin, line.end - line.begin);
    if (is_closer(text)) {
      fm.present = true;
      fm.body_offset = line.next;
      fm.body_line = number + 1;
      break;
    }
    lines.push_back({text, number});
    at = line.next;
  }
  if (!fm.present) {
    add_warning(
        fm, 1, 1, contract::kWarnFrontMatterUnclosed,
        "front matter opened with '---' is never closed with '---'; it is rendered as Markdown");
    return fm;
  }
  const YamlNode root = parse_yaml_subset(lines, fm.warnings);
  fm.meta_json.clear();
  JsonWriter json(fm.meta_json, true);
  write_node(json, root);
  take_title(fm, root);
  return fm;
}

}  // namespace foldmark::detail
