// The line-level stages that run on the body before md4c (Docusaurus containers and MDX
// leftovers), and the directives they hand to the renderer.
//
// md4c's grammar is closed, so each stage finds its lines itself (outside fenced code) and the
// pass rewrites only those lines: a container fence or a dropped line becomes the one-line HTML
// comment kMarker, keeping its container prefix ("> ", list indentation) and the line count, so
// md4c nests the marker where the fence stood and every other byte keeps its line and column.
// The renderer accepts a marker only at an offset listed in Prepared::directives: a marker
// typed by an author is an ordinary comment (dropped).
#ifndef FOLDMARK_CORE_LINE_STAGES_H
#define FOLDMARK_CORE_LINE_STAGES_H

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "foldmark/foldmark.h"
#include "mdx_syntax.h"
#include "pod_vector.h"

namespace foldmark::detail {

constexpr std::string_view kMarker = "<!--fm-->";

enum class DirectiveKind : unsigned char {
  kDrop,   // write nothing (import/export, {/* */}, component tags)
  kClose,  // closes the open directive `pair`
  // The containers: each one's opening and closing HTML is a row of raw_html.cpp's directive
  // table, in this order (the table does not compile without a row for every kind).
  kAdmonition,  // <aside class="fm-admonition …">
  kTabs,        // <div class="fm-tabs"> and its tablist
  kTab,         // one <div role="tabpanel">
  kEnd,         // one past the last container
};

struct Directive {
  std::size_t offset = 0;  // where its marker starts in the text md4c parses
  DirectiveKind kind = DirectiveKind::kDrop;
  std::size_t pair = 0;          // kClose: its opening directive; kTab: its kTabs
  std::string type;              // admonition type (lower case); kTab: the tab's value
  std::string title;             // admonition title, or the tab's label
  std::string original;          // the line as written, shown when md4c puts the marker in code
  bool selected = false;         // kTab: the default tab
  PodVector<std::size_t> items;  // kTabs: its kTab directives
};

struct Prepared {
  std::string text;  // the body as md4c sees it; empty when no stage changed a line
  std::vector<Directive> directives;  // in offset order
  std::vector<Warning> warnings;      // line/column in the whole file
  // When the gate found nothing to do (all_braces): the offset of every '{' in the body, in
  // order (it met them all looking for "{/*"), so MDX text need not be searched for one again.
  PodVector<std::size_t> braces;
  bool all_braces = false;
  // kTabs directives (by index) that have groupId, queryString, defaultValue or values: few,
  // so Directive, of which a document may have 100 000s, stays small.
  std::vector<std::pair<std::size_t, std::unique_ptr<const TabsAttributes>>> tab_groups;
};

// The attributes of the kTabs directive at `index`, null when it has none.
const TabsAttributes* tab_group(const Prepared& p, std::size_t index);

// What one walk over the body's lines finds before md4c sees it, for two readers:
// - the input guard: md4c re-closes the containers an earlier line opened at every blank line,
//   work the walk adds up (kContainerWorkFactor bounds it);
// - the line stages' gate: the lines a stage's trigger fires on, with fenced code and comments
//   not yet told apart (most bodies have none, and the walk does only what all need), the lines
//   that may open or close fenced code for the gate to tell them apart, and with mdx where the
//   first '{' is.
struct LineSurvey {
  std::size_t over_budget_at = std::string_view::npos;  // the line where the work passed the budget
  // Where each such line's content starts (after its container prefix), in order.
  PodVector<std::size_t> firing_lines;
  // Lines whose content starts with three '`' or three '~': where the content starts and where
  // the line ends (before its line break), so the gate's replay need not look for the end again.
  struct FenceLine {
    std::size_t content;
    std::size_t end;
  };
  PodVector<FenceLine> fence_lines;
  bool has_cr = false;          // some line ends in '\r' (CR LF or a lone CR): most texts have none
  std::size_t first_brace = 0;  // the body's size when there is none, or without mdx
};
LineSurvey survey_lines(std::string_view body, bool mdx, std::size_t container_budget);

// The stages, in the order they claim a line (a line goes to the first that claims it):
//   mdx-statements  top-level import/export blocks and {/* … */} (lines or inline spans)  [mdx]
//   admonitions     :::type / :::type Title / :::type[Title] … ::: (more colons nest)
//   components      <Tabs>, <TabItem value label default>, any other <Capitalised> tag line  [mdx]
// The [mdx] stages run only with Options::mdx: without it, a capitalised tag is raw HTML and an
// import line a paragraph, as CommonMark says. first_line is the body's first line number in the
// whole file (after front matter). survey is survey_lines' answer for the same body.
Prepared run_line_stages(std::string_view body, int first_line, bool mdx, const LineSurvey& survey);

// The gate run_line_stages asks first: whether the pass can change the body, answered from the
// survey. It must answer as the pass's own walk over every line would: some line that walk does
// not hide (fenced code, HTML comments) fires, some_unhidden_line_fires, or with mdx an inline
// {/* is anywhere.
// With braces, the offset of every '{' in the body is appended to it when the answer is no.
bool line_stages_needed(std::string_view body, const LineSurvey& survey,
                        PodVector<std::size_t>* braces = nullptr);
bool some_unhidden_line_fires(std::string_view body, bool mdx);

// The admonition types and the title each shows by default ("" for an unknown type).
std::string_view admonition_default_title(std::string_view type);

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_LINE_STAGES_H
