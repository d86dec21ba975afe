// Every documented limit at and just over its value: input size, output budget (factor, slack,
// absolute cap), slug length, heading text cap. Over a limit the result is a typed error with an
// empty html, and the next call works.
#include <gtest/gtest.h>

#include <string>

#include "foldmark/foldmark.h"
#include "renderer.h"

namespace {

using foldmark::ErrorCode;

std::string rep(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80         ? 1
                          : (b >> 5) == 6  ? 2
                          : (b >> 4) == 14 ? 3
                          : (b >> 3) == 30 ? 4
                                           : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

void expect_next_call_works() {
  const foldmark::HtmlResult r = foldmark::to_html("# ok");
  EXPECT_EQ(r.error, ErrorCode::kNone);
  EXPECT_EQ(r.html, "<h1 id=\"ok\">ok</h1>\n");
}

// ---- kMaxInputBytes ---------------------------------------------------------------------------

TEST(Limits, InputAtMaximumRenders) {
  const std::string input(foldmark::kMaxInputBytes, 'x');
  const foldmark::HtmlResult r = foldmark::to_html(input);
  ASSERT_EQ(r.error, ErrorCode::kNone) << r.error_message;
  EXPECT_EQ(r.html.size(), input.size() + 8);  // <p>…</p>\n
}

TEST(Limits, InputOverMaximumIsLimitError) {
  const std::string input(foldmark::kMaxInputBytes + 1, 'x');
  const foldmark::HtmlResult r = foldmark::to_html(input);
  EXPECT_EQ(r.error, ErrorCode::kLimit);
  EXPECT_TRUE(r.html.empty());
  EXPECT_NE(r.error_message.find(std::to_string(foldmark::kMaxInputBytes)), std::string::npos);
  const foldmark::Article a = foldmark::render(input);
  EXPECT_EQ(a.error, ErrorCode::kLimit);
  EXPECT_TRUE(a.html.empty());
  expect_next_call_works();
}

// ---- container work: kContainerWorkFactor * input + kContainerWorkSlack ----------------------

// A line of `tabs` tabs (4 columns each) and then `blanks` blank lines: md4c re-closes those
// columns of containers at every blank line. The k-th blank line (the line 1 + k) brings the work
// to 4 * tabs * k; the error names the first line where that passes the budget.
struct DeepShape {
  std::size_t tabs, blanks;
  std::string body() const { return std::string(tabs, '\t') + "x\n" + std::string(blanks, '\n'); }
  std::size_t over_budget_line() const {
    const std::size_t budget =
        foldmark::kContainerWorkFactor * body().size() + foldmark::kContainerWorkSlack;
    return 1 + budget / (4 * tabs) + 1;
  }
};

TEST(Limits, ContainerWorkOverBudgetNamesTheLine) {
  const DeepShape shape{2000, 2000};
  const foldmark::HtmlResult r = foldmark::to_html(shape.body());
  EXPECT_EQ(r.error, ErrorCode::kLimit);
  EXPECT_TRUE(r.html.empty());
  EXPECT_NE(r.error_message.find("(line " + std::to_string(shape.over_budget_line()) + ")"),
            std::string::npos)
      << r.error_message;
  expect_next_call_works();
}

// The line is the file's: front matter before the body counts (it once named the body's line).
TEST(Limits, ContainerWorkLineCountsFrontMatter) {
  const DeepShape shape{2000, 2000};
  const foldmark::Article a = foldmark::render("---\ntitle: x\n---\n" + shape.body());
  EXPECT_EQ(a.error, ErrorCode::kLimit);
  EXPECT_NE(a.error_message.find("(line " + std::to_string(3 + shape.over_budget_line()) + ")"),
            std::string::npos)
      << a.error_message;
  expect_next_call_works();
}

// Short of the budget, the same shape renders.
TEST(Limits, ContainerWorkWithinBudgetRenders) {
  const DeepShape shape{100, 100};
  EXPECT_EQ(foldmark::to_html(shape.body()).error, ErrorCode::kNone);
}

// ---- output budget: kOutputFactor * input + kOutputSlackBytes ---------------------------------

// "[a]: /x…x\n\n[a] [a] … [a]": each 4-byte use writes <a href="/x…x">a</a> plus a space, so
// output = k * (17 + U) + 7 with U the URL length, input = 7 + U + 4k.
struct RefdefShape {
  std::size_t url_bytes;
  std::size_t uses;
  std::string input() const {
    return "[a]: /" + std::string(url_bytes - 1, 'x') + "\n\n" + rep("[a] ", uses);
  }
  std::size_t output() const { return uses * (17 + url_bytes) + 7; }
  std::size_t budget() const {
    return std::min(
        foldmark::kMaxOutputBytes,
        foldmark::kOutputFactor * (7 + url_bytes + 4 * uses) + foldmark::kOutputSlackBytes);
  }
};

// The largest number of uses whose output still fits the budget.
std::size_t max_uses(std::size_t url_bytes) {
  std::size_t k = 1;
  while (RefdefShape{url_bytes, k * 2}.output() <= RefdefShape{url_bytes, k * 2}.budget()) k *= 2;
  std::size_t lo = k, hi = k * 2;
  while (hi - lo > 1) {
    const std::size_t mid = (lo + hi) / 2;
    (RefdefShape{url_bytes, mid}.output() <= RefdefShape{url_bytes, mid}.budget() ? lo : hi) = mid;
  }
  return lo;
}

TEST(Limits, OutputExactlyAtBudgetRenders) {
  const RefdefShape shape{1000, max_uses(1000)};
  const foldmark::HtmlResult r = foldmark::to_html(shape.input());
  ASSERT_EQ(r.error, ErrorCode::kNone) << r.error_message;
  EXPECT_EQ(r.html.size(), shape.output());
  EXPECT_LE(r.html.size(), shape.budget());
}

TEST(Limits, OutputOneUseOverBudgetIsLimitError) {
  const RefdefShape shape{1000, max_uses(1000) + 1};
  ASSERT_GT(shape.output(), shape.budget());
  const foldmark::HtmlResult r = foldmark::to_html(shape.input());
  EXPECT_EQ(r.error, ErrorCode::kLimit);
  EXPECT_TRUE(r.html.empty());
  EXPECT_NE(r.error_message.find(std::to_string(shape.budget())), std::string::npos)
      << r.error_message;
  const foldmark::Article a = foldmark::render(shape.input());
  EXPECT_EQ(a.error, ErrorCode::kLimit);
  expect_next_call_works();
}

TEST(Limits, OutputNeverPassesMaxOutputBytes) {
  // 20 MiB of input: 16x plus slack would allow 324 MiB; kMaxOutputBytes caps it at 256 MiB.
  const RefdefShape shape{100, (20u << 20) / 4};
  ASSERT_EQ(shape.budget(), foldmark::kMaxOutputBytes);
  ASSERT_GT(shape.output(), foldmark::kMaxOutputBytes);
  const foldmark::HtmlResult r = foldmark::to_html(shape.input());
  EXPECT_EQ(r.error, ErrorCode::kLimit);
  EXPECT_NE(r.error_message.find(std::to_string(foldmark::kMaxOutputBytes)), std::string::npos)
      << r.error_message;
  expect_next_call_works();
}

// ---- the budget covers the whole article: layout and JSON-LD too -----------------------------

std::size_t budget_for(std::size_t input_bytes) {
  return std::min(foldmark::kMaxOutputBytes,
                  foldmark::kOutputFactor * input_bytes + foldmark::kOutputSlackBytes);
}

// '"' is 1 byte in, 6 in the HTML (&quot;) and 11 in the JSON-LD (\u0026quot;): the HTML alone
// fits 16 x input + 4 MiB, the HTML and the JSON-LD together do not.
TEST(Limits, JsonLdCountsAgainstTheOutputBudget) {
  const std::string input = "## Is this fine?\n\n" + std::string(6u << 20, '"') + "\n";
  foldmark::Options no_json_ld;
  no_json_ld.json_ld = false;
  const foldmark::Article html_only = foldmark::render(input, no_json_ld);
  ASSERT_EQ(html_only.error, ErrorCode::kNone) << html_only.error_message;
  EXPECT_LE(html_only.html.size(), budget_for(input.size()));
  const foldmark::Article a = foldmark::render(input);
  EXPECT_EQ(a.error, ErrorCode::kLimit);
  EXPECT_TRUE(a.html.empty());
  EXPECT_TRUE(a.json_ld.empty());
  EXPECT_NE(a.error_message.find(std::to_string(budget_for(input.size()))), std::string::npos)
      << a.error_message;
  expect_next_call_works();
}

TEST(Limits, JsonLdWithinTheBudgetIsComplete) {
  const std::string input = "## Is this fine?\n\n" + std::string(1u << 20, '"') + "\n";
  const foldmark::Article a = foldmark::render(input);
  ASSERT_EQ(a.error, ErrorCode::kNone) << a.error_message;
  EXPECT_LE(a.html.size() + a.json_ld.size(), budget_for(input.size()));
  EXPECT_NE(a.json_ld.find(rep("\\u0026quot;", 1u << 20)), std::string::npos);
}

// Each "## a" item adds about 84 bytes of <details> wrapping to a 19-byte heading: 5 bytes of
// input become over 100 of article, past 16 x input + 4 MiB once there are enough of them.
TEST(Limits, QaLayoutCountsAgainstTheOutputBudget) {
  const std::string input = rep("## a\n", 300000);
  const foldmark::HtmlResult body = foldmark::to_html(input);
  ASSERT_EQ(body.error, ErrorCode::kNone) << body.error_message;
  foldmark::Options options;
  options.json_ld = false;
  const foldmark::Article a = foldmark::render(input, options);
  EXPECT_EQ(a.error, ErrorCode::kLimit);
  EXPECT_TRUE(a.html.empty());
  options.collapse = foldmark::Collapse::kNone;  // no wrapping: the plain article fits
  const foldmark::Article plain = foldmark::render(input, options);
  ASSERT_EQ(plain.error, ErrorCode::kNone) << plain.error_message;
  EXPECT_LE(plain.html.size(), budget_for(input.size()));
  expect_next_call_works();
}

// ---- kMaxSlugBytes ----------------------------------------------------------------------------

std::string first_id(const std::string& markdown) {
  const foldmark::HtmlResult r = foldmark::to_html(markdown);
  const std::size_t at = r.html.find(" id=\"");
  if (at == std::string::npos) return "";
  return r.html.substr(at + 5, r.html.find('"', at + 5) - at - 5);
}

TEST(Limits, SlugAtMaximumIsKept) {
  EXPECT_EQ(first_id("# " + std::string(foldmark::kMaxSlugBytes, 'a')),
            std::string(foldmark::kMaxSlugBytes, 'a'));
}

TEST(Limits, SlugOverMaximumIsCut) {
  EXPECT_EQ(first_id("# " + std::string(foldmark::kMaxSlugBytes + 1, 'a')),
            std::string(foldmark::kMaxSlugBytes, 'a'));
  EXPECT_EQ(first_id("# " + std::string(5000, 'a')), std::string(foldmark::kMaxSlugBytes, 'a'));
}

TEST(Limits, SlugIsCutAtCodePointBoundary) {
  // 99 ASCII bytes + a 2-byte letter = 101 bytes: the letter goes whole.
  const std::string id =
      first_id("# " + std::string(foldmark::kMaxSlugBytes - 1, 'a') + "\xC3\xA9");
  EXPECT_EQ(id, std::string(foldmark::kMaxSlugBytes - 1, 'a'));
  EXPECT_TRUE(valid_utf8(id));
}

TEST(Limits, CutSlugsStillDeduplicate) {
  const foldmark::Article a =
      foldmark::render("## " + std::string(150, 'a') + "\n\n## " + std::string(151, 'a') + "\n");
  ASSERT_EQ(a.toc.size(), 2u);
  EXPECT_EQ(a.toc[0].id, std::string(foldmark::kMaxSlugBytes, 'a'));
  EXPECT_EQ(a.toc[1].id, std::string(foldmark::kMaxSlugBytes, 'a') + "-1");
}

// ---- heading text cap (detail::kMaxHeadingTextBytes) ------------------------------------------

constexpr std::size_t kCap = foldmark::detail::kMaxHeadingTextBytes;

TEST(Limits, HeadingTextAtCapIsKept) {
  const foldmark::Article a = foldmark::render("## " + std::string(kCap, 'a') + "\n");
  ASSERT_EQ(a.toc.size(), 1u);
  EXPECT_EQ(a.toc[0].text.size(), kCap);
}

TEST(Limits, HeadingTextOverCapIsCutButHtmlKeepsAll) {
  const foldmark::Article a = foldmark::render("## " + std::string(kCap + 1000, 'a') + "\n");
  ASSERT_EQ(a.toc.size(), 1u);
  EXPECT_EQ(a.toc[0].text.size(), kCap);
  EXPECT_NE(a.html.find(std::string(kCap + 1000, 'a')), std::string::npos);
}

TEST(Limits, HeadingTextIsCutAtCodePointBoundary) {
  // The cap falls inside "é": the TOC text, title and JSON must stay valid UTF-8.
  const std::string heading = std::string(kCap - 1, 'a') + "\xC3\xA9 more?";
  const foldmark::Article a =
      foldmark::render("# " + heading + "\n\n## " + heading + "\n\nanswer\n");
  ASSERT_EQ(a.toc.size(), 1u);
  EXPECT_TRUE(valid_utf8(a.title));
  EXPECT_TRUE(valid_utf8(a.toc[0].text));
  EXPECT_LE(a.toc[0].text.size(), kCap);
  EXPECT_TRUE(valid_utf8(foldmark::article_to_json(a)));
}

}  // namespace
