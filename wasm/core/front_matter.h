// The front matter block: split it from the body and parse the YAML subset Docusaurus articles
// use, with 1-based line/column diagnostics. Nothing in it is ever evaluated.
#ifndef FOLDMARK_CORE_FRONT_MATTER_H
#define FOLDMARK_CORE_FRONT_MATTER_H

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "foldmark/foldmark.h"

namespace foldmark::detail {

struct FrontMatter {
  bool present = false;           // a closed --- block was found at the very start
  std::size_t body_offset = 0;    // byte offset of the body in the document
  int body_line = 1;              // 1-based line of the body's first line in the document
  std::string meta_json = "{}";   // the mapping as a JSON object, keys in document order
  std::string title;              // meta.title when it is a scalar, else ""
  bool hide_title = false;        // meta.hide_title == true
  std::vector<Warning> warnings;  // W_FRONT_MATTER…, lines/columns in the whole document
};

// document is well-formed UTF-8 with any BOM already removed; LF, CRLF or CR line ends.
FrontMatter parse_front_matter(std::string_view document);

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_FRONT_MATTER_H
