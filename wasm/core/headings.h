// Heading ids compatible with github-slugger, their per-document de-duplication, and the test
// for "this heading (or quote) is a question".
#ifndef FOLDMARK_CORE_HEADINGS_H
#define FOLDMARK_CORE_HEADINGS_H

#include <string>
#include <string_view>

#include "string_table.h"

namespace foldmark::detail {

// github-slugger's slug() of one text, without de-duplication: lower-cased as JavaScript's
// toLowerCase does, every character that is not a letter, mark, decimal/letter number,
// connector punctuation, space or '-' removed, spaces turned into '-'. Cut to kMaxSlugBytes.
std::string slugify(std::string_view text);

// One document's slugs: repeats get -1, -2, … exactly as github-slugger's class does. Linear in
// total: each generated "<base>-<n>" can only collide for its own base.
class Slugger {
 public:
  std::string slug(std::string_view text);
  // An id the author chose ({#id}, or one foldmark derives): taken as is, and counted so a
  // later generated slug equal to it gets -1.
  std::string claim(std::string_view id);

 private:
  StringTable occurrences_;  // every slug handed out → the last n given to it as "-n"
};

// True for text ending in a question mark (ASCII, full-width, Arabic), ignoring trailing spaces,
// closing quotes, brackets and emphasis markers.
bool ends_with_question_mark(std::string_view text);

// A question heading: ends_with_question_mark, or starts with "Q:" (FAQ shorthand).
bool is_question(std::string_view text);

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_HEADINGS_H
