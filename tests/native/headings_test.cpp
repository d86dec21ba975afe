// Slugs (github-slugger rules), de-duplication and question detection.
#include <gtest/gtest.h>

#include <chrono>

#include "foldmark/foldmark.h"
#include "headings.h"
#include "string_table.h"

namespace foldmark::detail {
namespace {

TEST(Slugify, GithubSluggerTable) {
  const std::pair<const char*, const char*> cases[] = {
      {"What is \"serverless\"?", "what-is-serverless"},
      {"Webiny uses MongoDB, that is not \"serverless\"",
       "webiny-uses-mongodb-that-is-not-serverless"},
      {"foo bar baz", "foo-bar-baz"},
      {"  leading and trailing  ", "--leading-and-trailing--"},
      {"Привет non-latin 你好", "привет-non-latin-你好"},
      {"\xF0\x9F\x98\x84 emoji", "-emoji"},
      {"snake_case and kebab-case", "snake_case-and-kebab-case"},
      {"C++ & C#", "c--c"},
      {"Ünïcödé ÀÉÎ", "ünïcödé-àéî"},
      {"İstanbul", "i\xCC\x87stanbul"},
      {"ΟΔΟΣ", "οδος"},
      {"1.2.3 release", "123-release"},
      {"a\xC2\xA0"
       "b",
       "ab"},  // NBSP is removed, not turned into '-'
  };
  for (const auto& [text, slug] : cases) EXPECT_EQ(slugify(text), slug) << text;
}

TEST(Slugify, CapsLengthAtUtf8Boundary) {
  EXPECT_EQ(slugify(std::string(5000, 'x')).size(), kMaxSlugBytes);
  const std::string cyr = slugify([] {
    std::string t;
    for (int i = 0; i < 200; ++i) t += "\xD0\x96";  // Ж → ж, two bytes each
    return t;
  }());
  EXPECT_EQ(cyr.size(), kMaxSlugBytes);
  EXPECT_EQ(cyr.substr(0, 2), "\xD0\xB6");
}

TEST(Slugger, DeduplicatesLikeGithubSlugger) {
  Slugger s;
  EXPECT_EQ(s.slug("a"), "a");
  EXPECT_EQ(s.slug("a"), "a-1");
  EXPECT_EQ(s.slug("a-1"), "a-1-1");
  EXPECT_EQ(s.slug("a"), "a-2");
  EXPECT_EQ(s.slug("!!!"), "section");
  EXPECT_EQ(s.slug("???"), "section-1");
}

TEST(Slugger, StaysLinearWhenHeadingsMimicSuffixes) {
  Slugger s;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 1; i <= 20000; ++i) s.slug("a-" + std::to_string(i));
  for (int i = 0; i < 20000; ++i) s.slug("a");
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  EXPECT_LT(ms, 1000);
  EXPECT_EQ(s.slug("a"), "a-40000");
}

TEST(StringTable, KeepsEveryKeyThroughGrowth) {
  StringTable table;
  EXPECT_EQ(table.find("a"), nullptr);
  for (std::uint32_t i = 0; i < 5000; ++i) EXPECT_TRUE(table.add("k" + std::to_string(i), i));
  EXPECT_TRUE(table.add("", 7));
  EXPECT_FALSE(table.add("k42", 0));  // present: left as it was
  for (std::uint32_t i = 0; i < 5000; ++i) {
    const std::uint32_t* v = table.find("k" + std::to_string(i));
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(*v, i);
  }
  EXPECT_EQ(*table.find(""), 7u);
  EXPECT_EQ(table.find("k5000"), nullptr);
}

TEST(Questions, RecognisesQuestionMarksAndQPrefix) {
  for (const char* q : {"What is \"FaaS\"?", "Why? ", "Really?\"", "(is it?)", "Vraiment ?",
                        "なぜ？", "لماذا؟", "Q: setup", "*emphasised?*", "“Quoted?”"}) {
    EXPECT_TRUE(is_question(q)) << q;
  }
  for (const char* q : {"Webiny uses MongoDB, that is not \"serverless\"", "Intro", "?!",
                        "Question mark ? inside", ""}) {
    EXPECT_FALSE(is_question(q)) << q;
  }
}

}  // namespace
}  // namespace foldmark::detail
