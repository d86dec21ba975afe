// render() and to_html() as a whole: limits, encodings, title rules, the Article value.
#include <gtest/gtest.h>

#include <string>

#include "foldmark/foldmark.h"

namespace foldmark {
namespace {

TEST(Article, InputOverTheLimitIsAnErrorValue) {
  const std::string big(kMaxInputBytes + 1, 'a');
  const HtmlResult r = to_html(big);
  EXPECT_EQ(r.error, ErrorCode::kLimit);
  EXPECT_NE(r.error_message.find("maximum"), std::string::npos);
  EXPECT_TRUE(r.html.empty());
  EXPECT_EQ(render(big).error, ErrorCode::kLimit);
  EXPECT_EQ(to_html("ok").html, "<p>ok</p>\n");
}

TEST(Article, OutputExplosionStopsAtTheBudget) {
  std::string doc = "[r]: /" + std::string(4000, 'u') + "\n\n";
  for (int i = 0; i < 20000; ++i) doc += "[r] ";
  const HtmlResult r = to_html(doc);
  EXPECT_EQ(r.error, ErrorCode::kLimit);
  EXPECT_NE(r.error_message.find("output"), std::string::npos);
}

TEST(Article, BomCrLfAndInvalidUtf8) {
  EXPECT_EQ(to_html("\xEF\xBB\xBF# T\r\n\r\nx\ry").html, "<h1 id=\"t\">T</h1>\n<p>x\ny</p>\n");
  EXPECT_EQ(to_html("a\xC0\xBC"
                    "b")
                .html,
            "<p>a\xEF\xBF\xBD\xEF\xBF\xBD"
            "b</p>\n");
  EXPECT_EQ(to_html(std::string("a\0b", 3)).html,
            "<p>a\xEF\xBF\xBD"
            "b</p>\n");
}

TEST(Article, TitleFromLeadingH1IsNotASection) {
  const Article a = render("# Guide\n\n## How?\n\nLike this.\n");
  EXPECT_EQ(a.title, "Guide");
  ASSERT_EQ(a.toc.size(), 1u);
  EXPECT_EQ(a.toc[0].id, "how");
  ASSERT_EQ(a.questions.size(), 1u);
  EXPECT_EQ(a.questions[0].text, "How?");
  EXPECT_NE(a.html.find("<h1 class=\"fm-title\" id=\"guide\">Guide</h1>"), std::string::npos);
}

TEST(Article, NoHeadingsIsAPlainArticle) {
  const Article a = render("just text\n");
  EXPECT_EQ(a.html, "<article class=\"fm-article\">\n<p>just text</p>\n</article>\n");
  EXPECT_TRUE(a.toc.empty());
  EXPECT_TRUE(a.json_ld.empty());
}

TEST(Article, JsonLdCannotCloseItsScript) {
  const Article a = render("## Why </script><script>alert(1)</script>?\n\n</script>\n");
  EXPECT_FALSE(a.json_ld.empty());
  EXPECT_EQ(a.json_ld.find('<'), std::string::npos);
  EXPECT_EQ(a.json_ld.find('>'), std::string::npos);
}

TEST(Article, JsonHasTheApiKeysInOrder) {
  const std::string json = article_to_json(render("# T\n"));
  EXPECT_EQ(json.rfind("{\"meta\":{},\"title\":\"T\",\"html\":", 0), 0u);
  EXPECT_NE(json.find("\"toc\":[],\"questions\":[],\"warnings\":[],\"jsonLd\":\"\"}"),
            std::string::npos);
}

// Options::input_is_valid_utf8 only skips the check: well-formed input renders the same either way.
TEST(Article, InputKnownValidRendersAsChecked) {
  Options known;
  known.input_is_valid_utf8 = true;
  for (const std::string& md : {std::string("\xEF\xBB\xBF# T\r\n\r\nx\ry"), std::string("a\0b", 3),
                                std::string("# Caf\xC3\xA9 \xF0\x9F\x98\x80\n\n*\xE2\x82\xAC*\n"),
                                std::string("- a\n- b\n\n> q\n\n```\ncode\n```\n")}) {
    EXPECT_EQ(to_html(md, known).html, to_html(md).html) << md;
    EXPECT_EQ(article_to_json(render(md, known)), article_to_json(render(md))) << md;
  }
}

}  // namespace
}  // namespace foldmark
