// Every escaping context and the URL policy, with exact expected strings.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "byte_scan.h"
#include "entities.h"
#include "escape.h"
#include "out_buffer.h"
#include "url_policy.h"
#include "utf8.h"

namespace foldmark::detail {
namespace {

std::string html(std::string_view s) {
  std::string out;
  escape_html(out, s);
  return out;
}

std::string url(std::string_view s) {
  OutBuffer out(1 << 20);
  escape_url(out, s);
  return out.take();
}

std::string json(std::string_view s, bool script_safe = true) {
  std::string out;
  escape_json(out, s, script_safe);
  return out;
}

TEST(Escape, HtmlTextAndAttributes) {
  EXPECT_EQ(html(R"(<a href="x">&amp;</a>)"), "&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;");
  EXPECT_EQ(html("plain é"), "plain é");
  EXPECT_EQ(html(""), "");
}

TEST(Escape, UrlPercentEncodesUnsafeBytesAndAmpersand) {
  EXPECT_EQ(url("/a b\"c<d>"), "/a%20b%22c%3Cd%3E");
  EXPECT_EQ(url("java\tscript:x"), "java%09script:x");
  EXPECT_EQ(url("/ö?a=1&b=2#f"), "/%C3%B6?a=1&amp;b=2#f");
  EXPECT_EQ(url("%6A"), "%6A");  // already-encoded bytes are left alone, never decoded
}

TEST(Escape, JsonIsSafeInsideScript) {
  EXPECT_EQ(json("</script><!--"), "\\u003c/script\\u003e\\u003c!--");
  EXPECT_EQ(json("a\"b\\c\nd\x01"), "a\\\"b\\\\c\\nd\\u0001");
  EXPECT_EQ(json("x\xE2\x80\xA8y\xE2\x80\xA9"), "x\\u2028y\\u2029");
  EXPECT_EQ(json("&"), "\\u0026");
}

TEST(Escape, PlainJsonKeepsMarkupReadable) {
  EXPECT_EQ(json("<p>&amp;</p>", false), "<p>&amp;</p>");
  EXPECT_EQ(json("a\"b\n", false), "a\\\"b\\n");
}

// The JSON-LD budget is checked with json_escaped_size before escape_json writes anything: the two
// must agree on every byte, both modes, line separators cut at the end included.
TEST(Escape, JsonEscapedSizeMatchesEscapeJson) {
  std::vector<std::string> samples = {"",
                                      "plain",
                                      "</script>&\"\\\n\t\x01\x7F",
                                      "\xE2\x80\xA8\xE2\x80\xA9",
                                      "\xE2\x80",
                                      "x\xE2\x80\xA8",
                                      "\xE2\x80\xAA",
                                      "é日本\xF0\x9F\x98\x80"};
  std::uint32_t seed = 12345;
  for (int n = 0; n < 2000; ++n) {
    std::string s;
    for (int k = n % 40; k > 0; --k) {
      seed = seed * 1103515245u + 12345u;
      // Mostly the bytes that matter: escapes and the lead bytes of U+2028/U+2029.
      static constexpr char kBytes[] = "<>&\"\\\n\x01a\xE2\x80\xA8\xA9\xC3";
      s.push_back(kBytes[(seed >> 16) % (sizeof kBytes - 1)]);
    }
    samples.push_back(s);
  }
  for (const std::string& s : samples) {
    for (bool script_safe : {true, false}) {
      EXPECT_EQ(json_escaped_size(s, script_safe), json(s, script_safe).size()) << s;
    }
  }
}

TEST(UrlPolicy, AllowsRelativeHttpHttpsMailto) {
  for (const char* u : {"", "/a", "a/b", "#x", "?q", "http://x", "HTTPS://x", "mailto:a@b", "a?b:c",
                        "./javascript:x", "%6Aavascript:x", "https://e.com/?q=javascript:1"}) {
    EXPECT_TRUE(url_allowed(u, UrlUse::kLink)) << u;
  }
}

TEST(UrlPolicy, BlocksOtherSchemesAfterBrowserPreprocessing) {
  for (const char* u : {"javascript:x", "JaVaScRiPt:x", " javascript:x", "\x01javascript:x",
                        "java\tscript:x", "java\nscript:x", "jav\rascript:x", "vbscript:x",
                        "data:text/html,x", "file:///etc", "ftp://x", "irc://x", "localhost:80"}) {
    EXPECT_FALSE(url_allowed(u, UrlUse::kLink)) << u;
  }
}

TEST(UrlPolicy, ImagesAllowOnlyRasterDataUrls) {
  EXPECT_TRUE(url_allowed("data:image/png;base64,AA", UrlUse::kImage));
  EXPECT_TRUE(url_allowed("DATA:image/webp,AA", UrlUse::kImage));
  EXPECT_TRUE(url_allowed("data:image/jpeg;base64,AA", UrlUse::kImage));
  EXPECT_FALSE(url_allowed("data:image/svg+xml,AA", UrlUse::kImage));
  EXPECT_FALSE(url_allowed("data:image/pngx,AA", UrlUse::kImage));
  EXPECT_FALSE(url_allowed("data:image/png;base64,AA", UrlUse::kLink));
  EXPECT_FALSE(url_allowed("mailto:a@b", UrlUse::kImage));
}

TEST(Utf8, RepairsEveryIllFormedClass) {
  EXPECT_EQ(repair_utf8("a\xC0\xBC"
                        "b"),
            "a\xEF\xBF\xBD\xEF\xBF\xBD"
            "b");                                                                  // overlong '<'
  EXPECT_EQ(repair_utf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(repair_utf8("\xF4\x90\x80\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(repair_utf8("x\xE2\x82"), "x\xEF\xBF\xBD");  // truncated
  EXPECT_EQ(repair_utf8("\xFF"), "\xEF\xBF\xBD");
  EXPECT_EQ(repair_utf8("ok \xE2\x82\xAC"), "ok \xE2\x82\xAC");
  EXPECT_EQ(valid_utf8_prefix("ab\x80"), 2u);
}

std::u16string utf16(std::string_view s) {
  std::u16string out(s.size(), u'\0');
  out.resize(utf8_to_utf16(s, out.data()));
  return out;
}

TEST(Utf8, ToUtf16CoversEveryLengthAndRunsPastTheAsciiFastPath) {
  EXPECT_EQ(utf16(""), u"");
  EXPECT_EQ(utf16("<p>eight+ bytes of ASCII</p>"), u"<p>eight+ bytes of ASCII</p>");
  EXPECT_EQ(utf16("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80!"), u"caf\u00e9 \u20ac \U0001F600!");
  EXPECT_EQ(utf16("12345678\xF4\x8F\xBF\xBF"), u"12345678\U0010FFFF");
  EXPECT_EQ(utf16("x\xE2\x82"), u"x\uFFFD");  // cut short: never read past the end
  EXPECT_EQ(ascii_prefix("0123456789abcdef\xC3\xA9"), 16u);
  EXPECT_EQ(ascii_prefix("only ascii"), 10u);
}

TEST(OutBuffer, KeepsItsBudgetExactlyAndStaysRefusedAfterwards) {
  OutBuffer out(10);
  out.append("12345");
  out.insert(0, "ab");
  out.push('!');
  out.append("xy");
  EXPECT_FALSE(out.exhausted());
  out.push('z');  // the 11th byte
  EXPECT_TRUE(out.exhausted());
  out.append("");
  EXPECT_TRUE(out.exhausted());
  EXPECT_EQ(out.take(), "ab12345!xy");
}

TEST(OutBuffer, AfterOneRefusalEvenAppendsThatWouldFitAreRefused) {
  OutBuffer out(10);
  out.reserve(10);
  out.append("abc");
  out.append("12345678");  // 11 bytes in all: refused
  out.append("x");         // would fit, but the output already has a hole
  out.push('y');
  EXPECT_EQ(out.claim(1), nullptr);
  EXPECT_TRUE(out.exhausted());
  EXPECT_EQ(out.take(), "abc");
}

TEST(OutBuffer, GrowsThroughManyShortAndLongAppends) {
  OutBuffer out(1 << 20);
  std::string expected;
  for (int i = 0; i < 2000; ++i) {
    const std::string piece(static_cast<std::size_t>(i % 300), static_cast<char>('a' + i % 26));
    out.append(piece);
    expected += piece;
  }
  out.insert(3, "<ins>");
  expected.insert(3, "<ins>");
  EXPECT_EQ(out.size(), expected.size());
  EXPECT_EQ(out.take(), expected);
}

TEST(Utf8, RepairedOutputIsAlwaysValid) {
  std::string bytes;
  unsigned state = 12345;
  for (int i = 0; i < 100000; ++i) {
    state = state * 1103515245u + 12345u;
    bytes.push_back(static_cast<char>(state >> 16));
  }
  const std::string fixed = repair_utf8(bytes);
  EXPECT_EQ(valid_utf8_prefix(fixed), fixed.size());
}

// Against the obvious byte loop at every start and length, with the target next to bytes that
// fool a word-at-a-time test (a borrow from b-1, b+1, 0x00, 0x80, 0xFF and the other line break).
TEST(ByteScan, AgreesWithAByteLoopEverywhere) {
  for (const char b : {'\n', '\r', '{', '\x00', '\x80'}) {
    const std::string noise = std::string("ab") + static_cast<char>(b - 1) +
                              static_cast<char>(b + 1) + '\x00' + '\x80' + '\xFF' + '\r' + '\n';
    for (std::size_t len = 0; len <= 40; ++len) {
      for (std::size_t at = 0; at <= len; ++at) {
        std::string text;
        for (std::size_t i = 0; i < len; ++i) text.push_back(noise[(i * 7 + at) % noise.size()]);
        for (char& c : text)
          if (c == b) c = 'x';
        if (at < len) text[at] = b;
        for (std::size_t from = 0; from <= len; ++from) {
          std::size_t byte = from, brk = from;
          while (byte < len && text[byte] != b) ++byte;
          while (brk < len && text[brk] != '\n' && text[brk] != '\r') ++brk;
          EXPECT_EQ(find_byte(text, from, b), byte) << len << " " << at << " " << from;
          EXPECT_EQ(find_byte_far(text, from, b), byte) << len << " " << at << " " << from;
          EXPECT_EQ(find_line_break(text, from), brk) << len << " " << at << " " << from;
        }
      }
    }
  }
}

TEST(ByteScan, FindTextAgreesWithStringViewFind) {
  const std::string_view needle = "<!--";
  const std::string texts[] = {"",
                               "<",
                               "<!-",
                               "<!--",
                               "a<!--b",
                               "<!<!--",
                               "!!<!-<!--",
                               "x<!-- <!--",
                               std::string(40, '!') + "<!--",
                               std::string(9, '<') + "!-- <!--"};
  for (const std::string& text : texts) {
    for (std::size_t anchor = 0; anchor < needle.size(); ++anchor) {
      for (std::size_t from = 0; from <= text.size(); ++from) {
        const std::size_t want = std::string_view(text).find(needle, from);
        EXPECT_EQ(find_text(text, from, needle, anchor),
                  want == std::string_view::npos ? text.size() : want)
            << text << " " << anchor << " " << from;
      }
    }
  }
}

std::string entity(std::string_view ref) {
  std::string out;
  append_entity(out, ref);
  return out;
}

// The table's edges and encodings: its first entry by code point, the last in the BMP, astral ones,
// two with a second code point, and names one character off a real one. A NUL ends the name.
TEST(Escape, NamedCharacterReferences) {
  EXPECT_EQ(entity("&Tab;"), "\t");
  EXPECT_EQ(entity("&ffllig;"), "\xEF\xAC\x84");
  EXPECT_EQ(entity("&Afr;"), "\xF0\x9D\x94\x84");
  EXPECT_EQ(entity("&zopf;"), "\xF0\x9D\x95\xAB");
  EXPECT_EQ(entity("&NotEqualTilde;"), "\xE2\x89\x82\xCC\xB8");
  EXPECT_EQ(entity("&bne;"), "=\xE2\x83\xA5");
  EXPECT_EQ(entity("&amp;"), "&");
  EXPECT_EQ(entity("&AMP;"), "&");
  EXPECT_EQ(entity("&CounterClockwiseContourIntegral;"), "\xE2\x88\xB3");
  for (std::string_view unknown :
       {"&am;", "&ampx;", "&Amp;", "&amp\x01;", "&amp\xC3\xA9;", "&zz;"}) {
    EXPECT_EQ(entity(unknown), unknown);
  }
  EXPECT_EQ(entity(std::string_view("&amp;\0x;", 8)), "&");
  EXPECT_EQ(entity(std::string_view("&am\0p;", 6)), std::string_view("&am\0p;", 6));
}

// The word-at-a-time scan must find each of the four bytes at any position of any length, in
// both the short path and the long one, and let every other byte value through.
TEST(Escape, HtmlEveryByteAtEveryPosition) {
  auto reference = [](std::string_view s) {
    std::string out;
    for (const char c : s) {
      if (c == '&')
        out += "&amp;";
      else if (c == '<')
        out += "&lt;";
      else if (c == '>')
        out += "&gt;";
      else if (c == '"')
        out += "&quot;";
      else
        out += c;
    }
    return out;
  };
  for (const std::size_t size : {1u, 7u, 8u, 9u, 16u, 31u, 32u, 33u, 47u, 100u}) {
    for (std::size_t at = 0; at < size; ++at) {
      for (int byte = 1; byte < 256; ++byte) {
        std::string s(size, 'a');
        s[at] = static_cast<char>(byte);
        OutBuffer out(1 << 20);
        escape_html(out, s);
        ASSERT_EQ(out.take(), reference(s)) << size << " " << at << " " << byte;
        ASSERT_EQ(html(s), reference(s)) << size << " " << at << " " << byte;
      }
    }
  }
}

}  // namespace
}  // namespace foldmark::detail
