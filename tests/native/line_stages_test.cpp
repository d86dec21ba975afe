// The line stages as a whole: which syntax needs the mdx option, and the quick look that lets a
// body without any stage's syntax skip the pass (line ends, fenced code) without changing output.
#include <gtest/gtest.h>

#include <string>

#include "foldmark/foldmark.h"

namespace foldmark {
namespace {

Options with_mdx(bool mdx, bool raw_html = false) {
  Options o;
  o.mdx = mdx;
  o.raw_html = raw_html ? RawHtml::kTrusted : RawHtml::kText;
  return o;
}

constexpr const char* kAside =
    "<aside class=\"fm-admonition fm-admonition-note\">\n<p "
    "class=\"fm-admonition-title\">Note</p>\n<p>x</p>\n</aside>\n";

// After an HTML block, with raw HTML allowed, the marker lines keep their line breaks.
const std::string kAsideInHtml =
    "<aside class=\"fm-admonition fm-admonition-note\">\n<p "
    "class=\"fm-admonition-title\">Note</p>\n\n<p>x</p>\n</aside>\n\n";

TEST(LineStages, ComponentTagsAreRawHtmlWithoutMdx) {
  // CommonMark's example: an HTML block with a tag name of any case.
  const std::string spec = "<Warning>\n*bar*\n</Warning>\n";
  EXPECT_EQ(to_html(spec, with_mdx(false, true)).html, spec);
  // With mdx the tag lines are dropped (their line breaks stay, as blank raw HTML).
  EXPECT_EQ(to_html(spec, with_mdx(true, true)).html, "\n<p><em>bar</em></p>\n\n");
  EXPECT_EQ(to_html("a <Foo> b\n", with_mdx(false)).html, "<p>a &lt;Foo&gt; b</p>\n");
  EXPECT_EQ(to_html("a <Foo> b\n", with_mdx(true)).html, "<p>a  b</p>\n");
}

TEST(LineStages, ImportsAndJsxCommentsAreTextWithoutMdx) {
  const std::string doc = "import A from 'a'\n\nx {/* hidden */} y\n";
  EXPECT_EQ(to_html(doc, with_mdx(false)).html,
            "<p>import A from 'a'</p>\n<p>x {/* hidden */} y</p>\n");
  EXPECT_EQ(to_html(doc, with_mdx(true)).html, "<p>x                y</p>\n");
  EXPECT_TRUE(render(doc, with_mdx(false)).warnings.empty());
  EXPECT_EQ(render(doc, with_mdx(true)).warnings.size(), 1u);
}

TEST(LineStages, AdmonitionsNeedNoOption) {
  EXPECT_EQ(to_html(":::note\nx\n:::\n", with_mdx(false)).html, kAside);
  EXPECT_EQ(to_html(":::note\nx\n:::\n", with_mdx(true)).html, kAside);
}

// The quick look skips fenced code and commented-out lines as the pass does, and only those: a
// fence inside a comment opens no code, a comment marker inside code opens no comment.
TEST(LineStages, TheQuickLookHidesWhatThePassHides) {
  const std::string in_code = "```\n:::note\nx\n:::\n```\n";
  EXPECT_EQ(to_html(in_code).html, "<pre><code>:::note\nx\n:::\n</code></pre>\n");
  const std::string jsx_in_code = "````md\n<Tabs>\nimport A from 'a'\n````\n";
  EXPECT_EQ(to_html(jsx_in_code, with_mdx(true)).html, to_html(jsx_in_code).html);
  EXPECT_EQ(to_html("<!--\n```\n-->\n:::note\nx\n:::\n", with_mdx(false, true)).html,
            "<!--\n```\n-->\n" + kAsideInHtml);
  EXPECT_EQ(to_html("```\n<!--\n```\n:::note\nx\n:::\n").html,
            std::string("<pre><code>&lt;!--\n</code></pre>\n") + kAside);
  EXPECT_EQ(to_html("<!-- a -->\n:::note\nx\n:::\n", with_mdx(false, true)).html,
            "<!-- a -->\n" + kAsideInHtml);
}

// Inline {/* … */} become spaces on the lines that hold one, wherever they are; fenced code and
// lines with a code span keep theirs.
TEST(LineStages, InlineJsxCommentsOnLaterLines) {
  const std::string doc =
      "a\n\nb {/* c */} d\n\n```\n{/* kept */}\n```\n\ne `{/* code */}` f {/* g */}\n";
  EXPECT_EQ(to_html(doc, with_mdx(true)).html,
            "<p>a</p>\n<p>b           d</p>\n<pre><code>{/* kept */}\n</code></pre>\n"
            "<p>e <code>{/* code */}</code> f {/* g */}</p>\n");
}

TEST(LineStages, EveryLineEndIsLookedAt) {
  EXPECT_EQ(to_html(":::note\r\nx\r\n:::\r\n").html, kAside);
  EXPECT_EQ(to_html(":::note\rx\r:::\r").html, kAside);
  // A fence that only a lone CR puts at a line start, after a CRLF line and a tab-indented one.
  EXPECT_EQ(to_html("a\r\n\tb\r:::note\rx\r:::").html, std::string("<p>a\nb</p>\n") + kAside);
  // Fenced code whose lines end in lone CRs still hides a container fence from the pass.
  EXPECT_EQ(to_html("```\r:::note\rx\r:::\r```\r").html,
            "<pre><code>:::note\nx\n:::\n</code></pre>\n");
  EXPECT_EQ(to_html("a\n> :::note\n> x\n> :::\n").html,
            std::string("<p>a</p>\n<blockquote>\n") + kAside + "</blockquote>\n");
  // The last line without a line break.
  EXPECT_EQ(to_html("y\n\n:::note\nx\n:::").html, std::string("<p>y</p>\n") + kAside);
}

TEST(LineStages, TriggersInsideFencedCodeChangeNothing) {
  const std::string doc = "```\n:::note\n<Tabs>\nimport A from 'a'\n```\n";
  const std::string code = "<pre><code>:::note\n&lt;Tabs&gt;\nimport A from 'a'\n</code></pre>\n";
  EXPECT_EQ(to_html(doc, with_mdx(false)).html, code);
  EXPECT_EQ(to_html(doc, with_mdx(true)).html, code);
}

}  // namespace
}  // namespace foldmark
