// The line stages before md4c: find Docusaurus containers and MDX leftovers outside fenced
// code, pair their opening and closing lines, and rewrite those lines as markers.
#include "line_stages.h"

#include <algorithm>
#include <cstring>

#include "byte_scan.h"
#include "contract.inc"
#include "mdx_syntax.h"
#include "pod_vector.h"

namespace foldmark::detail {
namespace {

constexpr std::size_t kMaxStageWarnings = 100;

struct Line {
  std::size_t begin = 0, content = 0, end = 0, next = 0;  // end excludes the line break
};

enum class Kind : unsigned char { kDrop, kFenceOpen, kFenceClose, kTagOpen, kTagClose, kTagSelf };

// A line (or run of lines) a stage claimed.
struct Candidate {
  std::size_t first = 0, last = 0;  // line indices
  Kind kind = Kind::kDrop;
  std::size_t colons = 0;
  std::string name;  // admonition type or tag name
  std::string title;
  Tag tag;
  bool matched = false;
  std::size_t pair = 0;    // index of the other end, when matched
  std::size_t parent = 0;  // kTagOpen: the open candidate around it (+1; 0 for none)
};

struct Scan {
  std::string_view text;
  int first_line = 1;
  bool mdx = false;
  PodVector<Line> lines;
  std::vector<Candidate> candidates;
  PodVector<bool> in_code;  // per line: inside fenced code (or its fence line)
  std::vector<Warning> warnings;
  bool esm_warned = false;
  // Each line is looked at a bounded number of times (linear time on hostile input): a tag left
  // open or a {/* never closed is not looked for again where an earlier attempt already searched.
  std::size_t no_tag_before = 0;
  bool no_comment_close = false;
};

// The line that starts at text[i]: its content after the container prefix (spaces, tabs, '>'),
// its end before the line break (LF, CR LF or a lone CR) and where the next line starts. A text
// without '\r' (nearly all) needs only its '\n's looked for: has_cr false says there is none.
inline Line line_at(std::string_view text, std::size_t i, bool has_cr) {
  Line l;
  l.begin = i;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '>')) ++i;
  l.content = i;
  i = has_cr ? find_line_break(text, i) : find_byte(text, i, '\n');
  l.end = i;
  if (i < text.size() && text[i] == '\r') ++i;
  if (i < text.size() && text[i] == '\n') ++i;
  l.next = i;
  return l;
}

PodVector<Line> split_lines(std::string_view text, bool has_cr) {
  PodVector<Line> lines;
  lines.reserve(text.size() / 32 + 16);
  for (std::size_t i = 0; i < text.size(); i = lines.back().next) {
    lines.push_back(line_at(text, i, has_cr));
  }
  return lines;
}

// Called for every line: no substr, whose bounds check stays an out-of-line call in the -Oz wasm.
std::string_view content_of(const Scan& s, const Line& l) {
  return {s.text.data() + l.content, l.end - l.content};
}

void warn(Scan& s, std::size_t line, std::size_t at, const char* code, std::string message) {
  if (s.warnings.size() >= kMaxStageWarnings) return;
  Warning w;
  w.line = s.first_line + static_cast<int>(line);
  w.column = 1 + static_cast<int>(count_code_points(
                     s.text.substr(s.lines[line].begin, at - s.lines[line].begin)));
  w.code = code;
  w.message = std::move(message);
  push_back_out_of_line(s.warnings, std::move(w));
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && std::memcmp(s.data(), prefix.data(), prefix.size()) == 0;
}

// ---- stage: mdx-statements ---------------------------------------------------------------------

// Prose such as "importantly, …" at a line's start is no statement: only what claim_esm would
// take fires, so such a line alone does not cost a body the pass.
bool mdx_statement_trigger(std::string_view line) {
  return is_esm_start(line) || starts_with(line, "{/*");
}

// A line alone holding one HTML comment ("<!-- prettier-ignore -->" before an import).
bool is_comment_line(std::string_view line) {
  return line.substr(0, 4) == "<!--" && line.find("-->") == line.find_last_not_of(" \t") - 2;
}

// MDX starts an import/export block after a blank line and ends it at the next one.
std::size_t claim_esm(Scan& s, std::size_t i) {
  const Line& l = s.lines[i];
  if (l.content != l.begin) return 0;
  if (i > 0 && !is_blank(content_of(s, s.lines[i - 1])) &&
      !is_comment_line(content_of(s, s.lines[i - 1])))
    return 0;
  if (!is_esm_start(content_of(s, l))) return 0;
  std::size_t last = i;
  while (last + 1 < s.lines.size() && !is_blank(content_of(s, s.lines[last + 1]))) ++last;
  push_back_out_of_line(s.candidates, {i, last, Kind::kDrop, 0, "esm", "", {}, false, 0, 0});
  return last - i + 1;
}

std::size_t claim_jsx_comment(Scan& s, std::size_t i) {
  if (s.no_comment_close || content_of(s, s.lines[i]).substr(0, 3) != "{/*") return 0;
  for (std::size_t k = i; k < s.lines.size(); ++k) {
    const std::string_view line = content_of(s, s.lines[k]);
    const std::size_t close = line.find("*/}", k == i ? 3 : 0);
    if (close == std::string_view::npos) continue;
    if (!is_blank(line.substr(close + 3))) return 0;
    push_back_out_of_line(s.candidates, {i, k, Kind::kDrop, 0, "", "", {}, false, 0, 0});
    return k - i + 1;
  }
  s.no_comment_close = true;  // none after line i, so none after any later line either
  return 0;
}

std::size_t claim_mdx_statement(Scan& s, std::size_t i) {
  const std::size_t n = claim_esm(s, i);
  return n != 0 ? n : claim_jsx_comment(s, i);
}

// ---- stage: admonitions ------------------------------------------------------------------------

bool admonition_trigger(std::string_view line) {
  return starts_with(line, ":::");
}

std::size_t claim_admonition_fence(Scan& s, std::size_t i) {
  const std::string_view line = content_of(s, s.lines[i]);
  std::size_t colons = 0;
  while (colons < line.size() && line[colons] == ':') ++colons;
  if (colons < 3) return 0;
  std::string_view rest = line.substr(colons);
  Candidate c{i, i, Kind::kFenceClose, colons, "", "", {}, false, 0, 0};
  if (!is_blank(rest)) {
    std::size_t n = 0;
    while (n < rest.size() && is_ascii_alpha(rest[n])) ++n;
    if (n == 0) return 0;
    c.kind = Kind::kFenceOpen;
    c.name = to_lower_ascii(rest.substr(0, n));
    c.title = admonition_title(rest.substr(n));
  }
  push_back_out_of_line(s.candidates, std::move(c));
  return 1;
}

// ---- stage: components -------------------------------------------------------------------------

bool component_trigger(std::string_view line) {
  const std::size_t name = line.size() > 1 && line[1] == '/' ? 2 : 1;
  return line.size() > name && line[0] == '<' && line[name] >= 'A' && line[name] <= 'Z';
}

std::size_t claim_component_tag(Scan& s, std::size_t i) {
  const std::string_view line = content_of(s, s.lines[i]);
  if (line.size() < 2 || line[0] != '<' || i < s.no_tag_before) return 0;
  // A tag may run over several lines (attributes one per line); it must end its last line.
  std::string joined;
  s.no_tag_before = std::min(s.lines.size(), i + kMaxTagLines);
  for (std::size_t k = i; k < s.lines.size() && k < i + kMaxTagLines; ++k) {
    if (k > i) joined.push_back('\n');
    joined.append(content_of(s, s.lines[k]));
    Tag tag;
    const TagParse r = parse_component_tag(joined, tag);
    if (r == TagParse::kNotATag) {
      s.no_tag_before = k + 1;  // lines up to k were read as this tag's attributes
      return 0;
    }
    if (r == TagParse::kIncomplete) continue;
    Candidate c{i, k, Kind::kTagOpen, 0, tag.name, "", std::move(tag), false, 0, 0};
    c.kind = c.tag.closing ? Kind::kTagClose : c.tag.self_closing ? Kind::kTagSelf : Kind::kTagOpen;
    push_back_out_of_line(s.candidates, std::move(c));
    s.no_tag_before = k + 1;
    return k - i + 1;
  }
  return 0;
}

// ---- the stage list ----------------------------------------------------------------------------

struct LineStage {
  const char* name;
  bool mdx;  // runs only with Options::mdx
  // The trigger: a quick test of a line's content (after its container prefix, to the end of the
  // text): can the stage claim a line that starts so? `starts` lists the bytes such a line can
  // begin with, tested inline first. Lines no trigger fires on are never handed to claim, and a
  // body where none fires skips the pass.
  std::string_view starts;
  bool (*trigger)(std::string_view content);
  std::size_t (*claim)(Scan&, std::size_t line);  // lines claimed from `line` on, 0 for none
};

constexpr LineStage kLineStages[] = {
    {"mdx-statements", true, "ie{", mdx_statement_trigger, claim_mdx_statement},
    {"admonitions", false, ":", admonition_trigger, claim_admonition_fence},
    {"components", true, "<", component_trigger, claim_component_tag},
};

bool fires(const LineStage& stage, std::string_view content, bool mdx) {
  if ((stage.mdx && !mdx) || content.empty()) return false;
  for (char first : stage.starts) {
    if (first == content[0]) return stage.trigger(content);
  }
  return false;
}

// Fenced code (``` or ~~~, in any container) is never looked into.
struct CodeFence {
  char ch = 0;
  std::size_t length = 0;
  bool update(std::string_view line) {
    const char f = line.empty() ? '\0' : line[0];
    if (f != '`' && f != '~') return ch != 0;
    const std::size_t n = skip_run(line, 0, f);
    if (n < 3) return ch != 0;
    if (ch == 0) {
      if (f == '`' && find_byte(line, n, '`') != line.size()) return false;
      ch = f;
      length = n;
      return true;
    }
    if (f == ch && n >= length && is_blank(line.substr(n))) {
      ch = 0;
      return true;
    }
    return true;
  }
};

// An HTML comment left open at a line's end hides the lines up to its "-->": a draft commented
// out with its admonitions must stay hidden, not come back to life.
bool opens_comment(std::string_view line) {
  const std::size_t open = line.rfind("<!--");
  if (open == std::string_view::npos || line.find("-->", open + 4) != std::string_view::npos)
    return false;
  // "write `<!--` to start one" is a code span, not a comment.
  return std::count(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(open), '`') % 2 == 0;
}

// Which lines no stage may claim: fenced code, and lines an open HTML comment hides. One rule
// for the gate and for find_candidates, fed every line in order.
class HiddenLines {
 public:
  explicit HiddenLines(std::string_view text)
      : text_(text), next_open_(find_text(text, 0, "<!--", 1)) {}
  // The line's content runs from `content` to `end` (offsets in the text); `code` says whether
  // it is fenced code (a fence line included).
  bool hides(std::size_t content, std::size_t end, bool& code) {
    const std::string_view line(text_.data() + content, end - content);
    // The next "<!--", found once per occurrence rather than looked for on each line.
    if (next_open_ < content) next_open_ = find_text(text_, content, "<!--", 1);
    const bool has_open = next_open_ < end;
    code = false;
    if (in_comment_) {
      in_comment_ = line.find("-->") == std::string_view::npos || (has_open && opens_comment(line));
      return true;
    }
    if (fence_.update(line)) return code = true;
    if (has_open && opens_comment(line)) return in_comment_ = true;
    return false;
  }

 private:
  std::string_view text_;
  std::size_t next_open_;
  CodeFence fence_;
  bool in_comment_ = false;
};

// Per byte: which stages' lines can begin with it (bit k: kLineStages[k]) and whether a code
// fence can (kFenceStart), so a line that is neither costs one load.
constexpr std::size_t kStageCount = sizeof(kLineStages) / sizeof(kLineStages[0]);
constexpr unsigned char kFenceStart = 1u << kStageCount;
static_assert(kStageCount < 8, "a stage bit per stage and kFenceStart in one byte");
struct StartBytes {
  unsigned char stages[256] = {};
  constexpr StartBytes() {
    for (std::size_t k = 0; k < kStageCount; ++k)
      for (char c : kLineStages[k].starts) {
        unsigned char& bits = stages[static_cast<unsigned char>(c)];
        bits = static_cast<unsigned char>(bits | (1u << k));
      }
    stages[static_cast<unsigned char>('`')] |= kFenceStart;
    stages[static_cast<unsigned char>('~')] |= kFenceStart;
  }
};
constexpr StartBytes kStartBytes;

// The stage bits of the stages that run with or without mdx.
constexpr unsigned char stages_run(bool mdx) {
  unsigned char bits = 0;
  for (std::size_t k = 0; k < kStageCount; ++k)
    if (mdx || !kLineStages[k].mdx) bits = static_cast<unsigned char>(bits | (1u << k));
  return bits;
}

// Whether the trigger of a stage in `stages` (bits, as in StartBytes) fires on a line's content.
bool triggers(unsigned char stages, std::string_view content) {
  for (std::size_t k = 0; k < kStageCount; ++k)
    if ((stages >> k & 1u) && kLineStages[k].trigger(content)) return true;
  return false;
}

// Columns each byte of a line's leading run of container syntax (spaces, tabs, '>', list
// markers) adds; 0 ends the run. The run's width bounds the containers the line keeps open.
struct PrefixColumns {
  unsigned char columns[256] = {};
  constexpr PrefixColumns() {
    for (char c : std::string_view(" >-+*.)0123456789")) columns[static_cast<unsigned char>(c)] = 1;
    columns[static_cast<unsigned char>('\t')] = 4;
  }
};
constexpr PrefixColumns kPrefixColumns;

// Whether a line's content (from `content` to `end`) is one a stage's trigger fires on.
bool line_fires(std::string_view text, std::size_t content, std::size_t end, bool mdx) {
  if (content >= end) return false;
  const unsigned char stages =
      kStartBytes.stages[static_cast<unsigned char>(text[content])] & stages_run(mdx);
  return stages != 0 && triggers(stages, text.substr(content, end - content));
}

// Whether some line that `hidden` does not hide fires (hidden sees every line from the first).
bool unhidden_line_fires(std::string_view text, bool mdx, bool has_cr) {
  HiddenLines hidden(text);
  for (std::size_t i = 0; i < text.size();) {
    const Line l = line_at(text, i, has_cr);
    i = l.next;
    bool code = false;
    if (!hidden.hides(l.content, l.end, code) && line_fires(text, l.content, l.end, mdx))
      return true;
  }
  return false;
}

// HiddenLines replayed from the survey's notes instead of line by line: only a fence line (content
// starting with three '`' or '~') opens or closes fenced code, and only a line holding "<!--"
// opens an HTML comment, which hides the lines up to one holding "-->". The replay moves from
// one such line to the next, so it costs what the fence lines and comments cost, not the text.
class HiddenReplay {
 public:
  HiddenReplay(std::string_view text, const PodVector<LineSurvey::FenceLine>& fence_lines)
      : text_(text), fences_(fence_lines) {}

  // Whether HiddenLines would hide the line whose content starts at `line` (later than any
  // line asked before).
  bool hides(std::size_t line) {
    for (;;) {
      if (line < done_) return true;  // in a comment replayed already
      const std::size_t fence = next_ < fences_.size() ? fences_[next_].content : text_.size();
      if (fence_.ch != 0) {
        if (fence >= line) return true;  // in fenced code
        replay_fence();
        continue;
      }
      // Outside code a comment may open on a line before the next fence line or on `line`
      // itself, or on the fence line when it opens no code.
      const std::size_t until = std::min(fence, line);
      const std::size_t opens =
          comment_opens(done_, until == line ? find_line_break(text_, line) : until);
      if (opens != text_.size()) {
        skip_comment(opens);
      } else if (until == line) {
        return false;
      } else if (!replay_fence() && comment_opens(fence, done_) != text_.size()) {
        skip_comment(fence);
      }
    }
  }

 private:
  // Feeds the next fence line to the fence; true when it is code.
  bool replay_fence() {
    const LineSurvey::FenceLine line = fences_[next_++];
    done_ = line.end;
    return fence_.update(text_.substr(line.content, line.end - line.content));
  }

  // The first "<!--" starting in text[from, to) whose line opens a comment (opens_comment, which
  // a line's container prefix does not change), or text.size().
  std::size_t comment_opens(std::size_t from, std::size_t to) const {
    const std::string_view head = text_.substr(0, std::min(text_.size(), to + 3));
    for (std::size_t at = find_text(head, from, "<!--", 1); at < head.size();
         at = find_text(head, at + 1, "<!--", 1)) {
      const std::size_t begin = line_begin(at);
      const std::size_t end = find_line_break(text_, at);
      if (opens_comment(text_.substr(begin, end - begin))) return at;
      at = end;
    }
    return text_.size();
  }

  std::size_t line_begin(std::size_t at) const {
    while (at > 0 && text_[at - 1] != '\n' && text_[at - 1] != '\r') --at;
    return at;
  }

  // Skips the lines a comment opened on the line holding text[at] hides: up to the first later
  // line with "-->" that opens no comment again, or to the end.
  void skip_comment(std::size_t at) {
    std::size_t end = find_line_break(text_, at);
    std::size_t close = 0;
    do {
      close = find_text(text_, end, "-->", 2);
      if (close == text_.size()) {
        done_ = text_.size();
        return;
      }
      end = find_line_break(text_, close);
    } while (comment_opens(line_begin(close), end) != text_.size());
    done_ = end;
    while (next_ < fences_.size() && fences_[next_].content < done_) ++next_;
  }

  std::string_view text_;
  const PodVector<LineSurvey::FenceLine>& fences_;
  std::size_t next_ = 0;  // the next fence line
  std::size_t done_ = 0;  // the text before it is replayed
  CodeFence fence_;
};

}  // namespace

// Whether the pass has anything to do: a line outside code and comments that some stage's
// trigger fires on, or (mdx) an inline {/* … */}. Most bodies have no line that fires at all;
// in the others (Docusaurus docs, but also Markdown that shows the syntax in fenced code: a guide
// to it, the CommonMark spec's <Warning>, a README's import lines) the replay tells whether
// HiddenLines hides each line that fires, as the pass's walk would, without walking every line.
bool line_stages_needed(std::string_view text, const LineSurvey& survey,
                        PodVector<std::size_t>* braces) {
  for (std::size_t at = survey.first_brace; at < text.size();
       at = find_byte_far(text, at + 1, '{')) {
    if (text.compare(at, 3, "{/*") == 0) return true;
    if (braces != nullptr) braces->push_back(at);
  }
  if (survey.firing_lines.empty()) return false;
  HiddenReplay hidden(text, survey.fence_lines);
  for (const std::size_t line : survey.firing_lines)
    if (!hidden.hides(line)) return true;
  return false;
}

bool some_unhidden_line_fires(std::string_view text, bool mdx) {
  return unhidden_line_fires(text, mdx, text.find('\r') != std::string_view::npos);
}

namespace {

void find_candidates(Scan& s) {
  HiddenLines hidden(s.text);
  s.in_code.assign(s.lines.size(), false);
  for (std::size_t i = 0; i < s.lines.size();) {
    const Line& l = s.lines[i];
    bool code = false;
    if (hidden.hides(l.content, l.end, code)) {
      s.in_code[i++] = code;
      continue;
    }
    const std::string_view line = content_of(s, l);
    std::size_t claimed = 0;
    for (const LineStage& stage : kLineStages) {
      if (!fires(stage, line, s.mdx)) continue;
      claimed = stage.claim(s, i);
      if (claimed != 0) break;
    }
    i += claimed != 0 ? claimed : 1;
  }
}

// ---- pairing ----------------------------------------------------------------------------------

bool closes(const Candidate& open, const Candidate& close) {
  if (close.kind == Kind::kFenceClose)
    return open.kind == Kind::kFenceOpen && open.colons <= close.colons;
  return open.kind == Kind::kTagOpen && open.name == close.name;
}

// One stack for fences and tags: a closing line pairs with the nearest open that it closes, and
// whatever was opened inside that one and never closed stays unpaired.
void pair_candidates(Scan& s) {
  PodVector<std::size_t> open;
  for (std::size_t k = 0; k < s.candidates.size(); ++k) {
    Candidate& c = s.candidates[k];
    if (c.kind == Kind::kFenceOpen || c.kind == Kind::kTagOpen) {
      if (open.size() >= contract::kMaxContainerDepth) continue;
      c.parent = open.empty() ? 0 : open.back() + 1;
      open.push_back(k);
    } else if (c.kind == Kind::kFenceClose || c.kind == Kind::kTagClose) {
      const auto it = std::find_if(open.rbegin(), open.rend(),
                                   [&](std::size_t o) { return closes(s.candidates[o], c); });
      if (it == open.rend()) continue;
      const std::size_t o = *it;
      open.erase_to_end(it.base() - 1);
      c.matched = s.candidates[o].matched = true;
      c.pair = o;
      s.candidates[o].pair = k;
    }
  }
}

// ---- what each candidate becomes ---------------------------------------------------------------

struct Plan {
  bool marker = false;
  DirectiveKind kind = DirectiveKind::kDrop;
};

Plan plan_fence(Scan& s, const Candidate& c) {
  const bool known = !admonition_default_title(c.name).empty();
  if (c.kind == Kind::kFenceOpen) {
    const Line& l = s.lines[c.first];
    if (!known) {
      warn(s, c.first, l.content, contract::kWarnAdmonition,
           "unknown admonition type \"" + c.name + "\": left as text");
    } else if (!c.matched) {
      warn(s, c.first, l.content, contract::kWarnAdmonition,
           "admonition \"" + c.name + "\" is never closed (:::): left as text");
    }
    return {known && c.matched, DirectiveKind::kAdmonition};
  }
  if (!c.matched) return {};
  const Candidate& open = s.candidates[c.pair];
  return {!admonition_default_title(open.name).empty(), DirectiveKind::kClose};
}

bool is_tabs(const Candidate& c) {
  return c.kind == Kind::kTagOpen && c.name == "Tabs" && c.matched;
}

Plan plan_tag(Scan& s, const Candidate& c) {
  const Line& l = s.lines[c.first];
  if (c.kind == Kind::kTagOpen || c.kind == Kind::kTagSelf) {
    if (is_tabs(c)) return {true, DirectiveKind::kTabs};
    if (c.name == "TabItem" && c.matched && c.parent != 0 && is_tabs(s.candidates[c.parent - 1]))
      return {true, DirectiveKind::kTab};
    warn(s, c.first, l.content, contract::kWarnMdxComponent,
         "MDX component <" + c.name + "> is not supported: its tags are dropped");
    return {true, DirectiveKind::kDrop};
  }
  if (c.kind == Kind::kTagClose && c.matched) {
    const Candidate& open = s.candidates[c.pair];
    const bool tab = is_tabs(open) || (open.name == "TabItem" && open.parent != 0 &&
                                       is_tabs(s.candidates[open.parent - 1]));
    return {true, tab ? DirectiveKind::kClose : DirectiveKind::kDrop};
  }
  return {true, DirectiveKind::kDrop};
}

Plan plan(Scan& s, const Candidate& c) {
  switch (c.kind) {
    case Kind::kDrop:
      if (c.name == "esm" && !s.esm_warned) {  // one warning per article
        warn(s, c.first, s.lines[c.first].begin, contract::kWarnMdxImport,
             "MDX import/export lines are not rendered (dropped)");
        s.esm_warned = true;
      }
      return {true, DirectiveKind::kDrop};
    case Kind::kFenceOpen:
    case Kind::kFenceClose: return plan_fence(s, c);
    default: return plan_tag(s, c);
  }
}

// ---- rewriting ---------------------------------------------------------------------------------

// Inline {/* … */} spans become spaces: same bytes, same columns for everything after them.
void append_line(std::string& out, std::string_view line) {
  const std::size_t at = out.size();
  out.append(line);
  if (line.find('`') != std::string_view::npos) return;  // could be inside a code span
  for (std::size_t p = out.find("{/*", at); p != std::string::npos; p = out.find("{/*", p)) {
    const std::size_t close = out.find("*/}", p + 3);
    if (close == std::string::npos) break;
    std::fill(out.begin() + static_cast<std::ptrdiff_t>(p),
              out.begin() + static_cast<std::ptrdiff_t>(close + 3), ' ');
    p = close + 3;
  }
}

// A tab's label: from its group's values={[…]} (as Docusaurus does), else its label, else its
// value.
void fill_directive(Directive& d, const Candidate& c, std::size_t tab_index,
                    const TabsAttributes* group) {
  d.type = c.name;
  if (d.kind == DirectiveKind::kAdmonition) {
    d.title = c.title.empty() ? std::string(admonition_default_title(c.name)) : c.title;
  } else if (d.kind == DirectiveKind::kTab) {
    d.type = c.tag.value;
    d.title = !c.tag.label.empty() ? c.tag.label : c.tag.value;
    if (group)
      for (const TabsAttributes::Choice& v : group->values)
        if (v.value == d.type && !v.label.empty()) d.title = v.label;
    if (d.title.empty()) d.title = "Tab " + std::to_string(tab_index + 1);
    d.selected = c.tag.is_default;
  }
}

Prepared rewrite(Scan& s) {
  Prepared p;
  PodVector<std::size_t> line_candidate(s.lines.size(), 0);  // candidate + 1 per marked line
  PodVector<Plan> plans;
  for (std::size_t k = 0; k < s.candidates.size(); ++k) {
    plans.push_back(plan(s, s.candidates[k]));
    if (!plans.back().marker) continue;
    for (std::size_t i = s.candidates[k].first; i <= s.candidates[k].last; ++i)
      line_candidate[i] = k + 1;
  }
  // The next inline {/* at or after the current line (mdx only): found once per occurrence.
  std::size_t next_inline = s.mdx ? find_text(s.text, 0, "{/*", 0) : s.text.size();
  if (std::none_of(plans.begin(), plans.end(), [](const Plan& x) { return x.marker; }) &&
      next_inline == s.text.size())
    return p;
  PodVector<std::size_t> directive_of(s.candidates.size(), 0);
  p.text.reserve(s.text.size() + 64);
  // Lines no stage touches are copied a run at a time, but for those holding an inline {/*.
  std::size_t run = 0;  // where the run of untouched text not yet copied starts
  for (std::size_t i = 0; i < s.lines.size(); ++i) {
    const Line& l = s.lines[i];
    if (line_candidate[i] == 0) {
      if (next_inline < l.begin) next_inline = find_text(s.text, l.begin, "{/*", 0);
      if (next_inline >= l.end || s.in_code[i]) continue;
      p.text.append(s.text.substr(run, l.begin - run));
      append_line(p.text, s.text.substr(l.begin, l.end - l.begin));
      p.text.append(s.text.substr(l.end, l.next - l.end));
      run = l.next;
      continue;
    }
    p.text.append(s.text.substr(run, l.begin - run));
    run = l.next;
    const std::size_t k = line_candidate[i] - 1;
    const Candidate& c = s.candidates[k];
    Directive d;
    d.kind = i == c.first ? plans[k].kind : DirectiveKind::kDrop;
    d.original = std::string(content_of(s, l));
    // Every line of a claim takes its first line's prefix: a tag's attribute lines indented
    // four spaces must not become indented code.
    const Line& first = s.lines[c.first];
    p.text.append(s.text.substr(first.begin, first.content - first.begin));
    d.offset = p.text.size();
    p.text.append(kMarker);
    p.text.append(s.text.substr(l.end, l.next - l.end));
    if (i == c.first) directive_of[k] = p.directives.size();
    p.directives.push_back(std::move(d));
  }
  p.text.append(s.text.substr(run));
  // Links between directives, now that every one has its index.
  for (std::size_t k = 0; k < s.candidates.size(); ++k) {
    if (!plans[k].marker) continue;
    Candidate& c = s.candidates[k];
    Directive& d = p.directives[directive_of[k]];
    if (d.kind == DirectiveKind::kClose) d.pair = directive_of[c.pair];
    if (d.kind != DirectiveKind::kTab) {
      fill_directive(d, c, 0, nullptr);
      if (d.kind == DirectiveKind::kTabs && c.tag.tabs)
        p.tab_groups.emplace_back(directive_of[k], std::move(c.tag.tabs));
      continue;
    }
    Directive& tabs = p.directives[directive_of[c.parent - 1]];
    d.pair = directive_of[c.parent - 1];
    // The parent came first, so its attributes are in tab_groups already.
    fill_directive(d, c, tabs.items.size(), tab_group(p, d.pair));
    tabs.items.push_back(directive_of[k]);
  }
  return p;
}

}  // namespace

// tab_groups is in directive order (filled in one pass over the lines).
const TabsAttributes* tab_group(const Prepared& p, std::size_t index) {
  const auto it =
      std::lower_bound(p.tab_groups.begin(), p.tab_groups.end(), index,
                       [](const auto& entry, std::size_t i) { return entry.first < i; });
  return it != p.tab_groups.end() && it->first == index ? it->second.get() : nullptr;
}

std::string_view admonition_default_title(std::string_view type) {
  static constexpr std::string_view kTypes[][2] = {
      {"note", "Note"},           {"tip", "Tip"},         {"info", "Info"},
      {"caution", "Caution"},     {"danger", "Danger"},   {"warning", "Warning"},
      {"important", "Important"}, {"success", "Success"}, {"secondary", "Secondary"},
  };
  for (const auto& t : kTypes) {
    if (t[0] == type) return t[1];
  }
  return "";
}

LineSurvey survey_lines(std::string_view text, bool mdx, std::size_t container_budget) {
  LineSurvey survey;
  survey.first_brace = mdx ? find_byte_far(text, 0, '{') : text.size();
  const unsigned char wanted = stages_run(mdx) | kFenceStart;
  std::size_t work = 0, open_bound = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t begin = i;
    // The container run: first the spaces, tabs and '>'s the line stages skip, then any list
    // markers and their digits.
    std::size_t width = 0, spaces = 0;
    for (; i < text.size(); ++i) {
      const char c = text[i];
      if (c == ' ') {
        ++spaces;
        ++width;
      } else if (c == '\t') {
        ++spaces;
        width += 4;
      } else if (c == '>') {
        ++width;
      } else {
        break;
      }
    }
    const std::size_t content = i;
    for (unsigned columns;
         i < text.size() && (columns = kPrefixColumns.columns[static_cast<unsigned char>(text[i])]);
         ++i) {
      width += columns;
      spaces += text[i] == ' ' || text[i] == '\t';
    }
    const std::size_t end = find_line_break(text, i);
    if (end == i && spaces == i - begin) {
      work += open_bound;
      if (work > container_budget) {
        survey.over_budget_at = begin;
        return survey;
      }
    } else {
      open_bound = width;
    }
    // No stage's line starts with a fence's byte: a line is one or the other. A fence takes three.
    const unsigned char starts =
        content < end ? kStartBytes.stages[static_cast<unsigned char>(text[content])] & wanted : 0;
    if (starts != 0) {
      const std::string_view line(text.data() + content, end - content);
      if (starts & kFenceStart) {
        if (line.size() >= 3 && line[1] == line[0] && line[2] == line[0])
          survey.fence_lines.push_back({content, end});
      } else if (triggers(starts, line)) {
        survey.firing_lines.push_back(content);
      }
    }
    i = end;
    survey.has_cr = survey.has_cr || (i < text.size() && text[i] == '\r');
    if (i < text.size() && text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    if (i < text.size()) ++i;
  }
  return survey;
}

Prepared run_line_stages(std::string_view body, int first_line, bool mdx,
                         const LineSurvey& survey) {
  Prepared untouched;
  if (!line_stages_needed(body, survey, &untouched.braces)) {
    untouched.all_braces = true;
    return untouched;
  }
  Scan s;
  s.text = body;
  s.first_line = first_line;
  s.mdx = mdx;
  s.lines = split_lines(body, survey.has_cr);
  find_candidates(s);
  pair_candidates(s);
  Prepared p = rewrite(s);
  p.warnings = std::move(s.warnings);
  // One selected tab per group: the group's defaultValue when a tab has it, else the first marked
  // default, else the first.
  for (std::size_t index = 0; index < p.directives.size(); ++index) {
    Directive& d = p.directives[index];
    if (d.kind != DirectiveKind::kTabs || d.items.empty()) continue;
    const TabsAttributes* group = tab_group(p, index);
    const auto named = std::find_if(d.items.begin(), d.items.end(), [&](std::size_t item) {
      return group && !group->default_value.empty() &&
             p.directives[item].type == group->default_value;
    });
    if (named != d.items.end())
      for (std::size_t item : d.items) p.directives[item].selected = item == *named;
    bool any = false;
    for (std::size_t item : d.items) {
      p.directives[item].selected = p.directives[item].selected && !any;
      any = any || p.directives[item].selected;
    }
    if (!any) p.directives[d.items[0]].selected = true;
  }
  return p;
}

}  // namespace foldmark::detail
