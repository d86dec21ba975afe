// The line stages' gate against the pass's own walk: the survey answers for most bodies (no line
// fires, or only lines in fenced code do), and its answer must be the walk's on every body.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "foldmark/foldmark.h"
#include "line_stages.h"

namespace foldmark::detail {
namespace {

constexpr std::size_t kNoBudget = static_cast<std::size_t>(-1);

// The pass's decision: some line its walk does not hide fires, or (mdx) an inline {/* anywhere.
bool pass_decides(const std::string& body, bool mdx) {
  return (mdx && body.find("{/*") != std::string::npos) || some_unhidden_line_fires(body, mdx);
}

bool gate_decides(const std::string& body, bool mdx) {
  return line_stages_needed(body, survey_lines(body, mdx, kNoBudget));
}

std::string shown(const std::string& body) {
  std::string s;
  for (char c : body)
    s += c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : std::string(1, c);
  return s;
}

void expect_gate_is_pass(const std::string& body, bool expected_mdx) {
  for (bool mdx : {false, true}) {
    EXPECT_EQ(gate_decides(body, mdx), pass_decides(body, mdx))
        << "mdx " << mdx << ": \"" << shown(body) << "\"";
  }
  EXPECT_EQ(pass_decides(body, true), expected_mdx) << "\"" << shown(body) << "\"";
}

// Each body's last line fires; whether the pass wants it (with mdx) depends on what hides it.
TEST(LineStageGate, FencesAsThePassSeesThem) {
  // Unclosed fence: hidden to the end.
  expect_gate_is_pass("```\n<Tabs>\n", false);
  expect_gate_is_pass("~~~\n\n<Tabs>", false);
  // A longer closing fence closes; a shorter one does not.
  expect_gate_is_pass("````\nx\n``````\n<Tabs>\n", true);
  expect_gate_is_pass("````\nx\n```\n<Tabs>\n", false);
  // A closing fence with text after it is code.
  expect_gate_is_pass("```\nx\n``` y\n<Tabs>\n", false);
  // Tilde and backtick fences do not close each other.
  expect_gate_is_pass("~~~\n```\n<Tabs>\n", false);
  expect_gate_is_pass("```\n~~~\n<Tabs>\n```\n", false);
  expect_gate_is_pass("~~~\n```\n~~~\n<Tabs>\n", true);
  // A backtick fence whose info string holds a backtick opens nothing; a tilde one opens code.
  expect_gate_is_pass("``` a`b\n<Tabs>\n", true);
  expect_gate_is_pass("~~~ a`b\n<Tabs>\n", false);
  // Two backticks are no fence.
  expect_gate_is_pass("``\n<Tabs>\n", true);
  // Container prefixes: '>' and indentation are skipped, a list marker is not.
  expect_gate_is_pass("> ```\n> <Tabs>\n", false);
  expect_gate_is_pass(">```\n<Tabs>\n", false);
  expect_gate_is_pass("  \t```\n<Tabs>\n", false);
  expect_gate_is_pass("- ```\n  <Tabs>\n", true);
  expect_gate_is_pass("1. ```\n<Tabs>\n", true);
  expect_gate_is_pass("- a\n\n  ```\n  import A from 'a'\n", false);
  // Line ends: CR LF and lone CR.
  expect_gate_is_pass("```\r\n<Tabs>\r\n```\r\n<Tabs>\r\n", true);
  expect_gate_is_pass("```\r<Tabs>\r```\r", false);
  expect_gate_is_pass("```\r\n<Tabs>\r```\r\n:::note\r", true);
  // The fence's line itself never fires.
  expect_gate_is_pass("```\n", false);
}

TEST(LineStageGate, CommentsAsThePassSeesThem) {
  // A "<!--" in code opens nothing.
  expect_gate_is_pass("```\n<!--\n```\n<Tabs>\n", true);
  expect_gate_is_pass("```\n<!--\n<Tabs>\n```\n", false);
  // A fence inside a comment opens no code, so what follows the comment fires.
  expect_gate_is_pass("<!--\n```\n-->\n<Tabs>\n", true);
  expect_gate_is_pass("a <!--\n```\n-->\n<Tabs>\n```\n", true);
  expect_gate_is_pass("```\nx\n<!--\n```\n<Tabs>\n", true);
  expect_gate_is_pass("x <!--\n```\n<Tabs>\n-->\n```\n<Tabs>\n```\n", false);
  // "<!--" in a code span, or closed on its line, opens nothing.
  expect_gate_is_pass("write `<!--` here\n```\n<Tabs>\n```\n", false);
  expect_gate_is_pass("<!-- a -->\n```\n<Tabs>\n```\n", false);
  // A comment never closed hides the rest, fences and all.
  expect_gate_is_pass("> <!-- a\n```\n<Tabs>\n```\n", false);
  expect_gate_is_pass("> <!-- a\n```\n```\n<Tabs>\n", false);
  // Only a comment before the last line that fires in code counts.
  expect_gate_is_pass("```\n<Tabs>\n```\n<!--\n```\n", false);
  // A line that looks like a fence but opens no code can open a comment.
  expect_gate_is_pass("```a`b <!--\n<Tabs>\n-->\n", false);
  expect_gate_is_pass("```a`b <!--\n-->\n<Tabs>\n", true);
  // A line that closes a comment and opens another keeps the lines after it hidden.
  expect_gate_is_pass("<!--\n--> <!--\n<Tabs>\n-->\n", false);
  expect_gate_is_pass("<!--\n--> <!--\n-->\n<Tabs>\n", true);
  // The line that opens a comment is hidden itself.
  expect_gate_is_pass("<Tabs> <!--\n", false);
  expect_gate_is_pass("x\n:::note <!--\n-->\n", false);
  // Lone CR line ends around a comment.
  expect_gate_is_pass("<!--\r```\r-->\r<Tabs>\r```\r", true);
  // An inline {/* needs the pass wherever it is, code or not.
  expect_gate_is_pass("```\n{/* x */}\n```\n", true);
}

// Random bodies made of the lines that matter to fences and comments, with every line end.
TEST(LineStageGate, RandomBodies) {
  const std::vector<std::string> kLines = {"```",
                                           "````",
                                           "~~~",
                                           "``` js",
                                           "```a`b",
                                           "~~~ a`b",
                                           "``",
                                           "> ```",
                                           " ```",
                                           "    ```",
                                           "\t~~~",
                                           "- ```",
                                           "``` x",
                                           "",
                                           "<!--",
                                           "-->",
                                           "a <!-- b",
                                           "<!-- c -->",
                                           "`<!--`",
                                           "> <!--",
                                           "x -->",
                                           "--> <!--",
                                           "```a`b <!--",
                                           "``` <!--",
                                           "~~~ -->",
                                           "<!-- a --> <!--",
                                           "<Tabs> <!--",
                                           ":::note <!--",
                                           "<Tabs>",
                                           ":::note",
                                           ":::",
                                           "import A from 'a'",
                                           "> <Tabs>",
                                           "text",
                                           "export {}",
                                           "- :::tip",
                                           "{/* c */}",
                                           "<div>",
                                           "  <TabItem value=\"a\">",
                                           "</Tabs>"};
  const std::vector<std::string> kEnds = {"\n", "\n", "\n", "\r\n", "\r"};
  std::uint32_t seed = 12345;
  auto next = [&seed](std::uint32_t n) {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % n;
  };
  int needed = 0;
  for (int doc = 0; doc < 40000; ++doc) {
    std::string body;
    const std::uint32_t lines = 1 + next(16);
    for (std::uint32_t k = 0; k < lines; ++k) {
      body += kLines[next(static_cast<std::uint32_t>(kLines.size()))];
      if (k + 1 < lines || next(2) == 0)
        body += kEnds[next(static_cast<std::uint32_t>(kEnds.size()))];
    }
    for (bool mdx : {false, true}) {
      const bool pass = pass_decides(body, mdx);
      needed += pass;
      ASSERT_EQ(gate_decides(body, mdx), pass) << "mdx " << mdx << ": \"" << shown(body) << "\"";
    }
  }
  // Both answers occur often enough for the comparison to mean something.
  EXPECT_GT(needed, 16000);
  EXPECT_LT(needed, 64000);
}

}  // namespace
}  // namespace foldmark::detail
