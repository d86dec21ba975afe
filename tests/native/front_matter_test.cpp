// The front matter grammar: block splitting, every YAML subset rule, warnings with exact positions.
#include <gtest/gtest.h>

#include <string>

#include "front_matter.h"
#include "yaml_subset.h"

namespace foldmark::detail {
namespace {

// The document "---\n<yaml>\n---\nbody".
FrontMatter parse_yaml(const std::string& yaml) {
  return parse_front_matter("---\n" + yaml + "\n---\nbody");
}

std::string meta(const std::string& yaml) {
  return parse_yaml(yaml).meta_json;
}

// "line:column code" for each warning, for one-line comparisons.
std::string warnings_of(const FrontMatter& fm) {
  std::string out;
  for (const Warning& w : fm.warnings) {
    if (!out.empty()) out += ", ";
    out += std::to_string(w.line) + ":" + std::to_string(w.column) + " " + w.code;
  }
  return out;
}

// No front matter: the body is the whole document and meta is empty.
void expect_whole_document_is_body(const FrontMatter& fm) {
  EXPECT_FALSE(fm.present);
  EXPECT_EQ(fm.body_offset, 0u);
  EXPECT_EQ(fm.body_line, 1);
  EXPECT_EQ(fm.meta_json, "{}");
}

// ---- splitting the block from the body ----

TEST(FrontMatter, AbsentWhenTheDocumentDoesNotStartWithDashes) {
  const FrontMatter fm = parse_front_matter("# Title\n\n---\na: 1\n---\n");
  expect_whole_document_is_body(fm);
  EXPECT_TRUE(fm.warnings.empty());
}

TEST(FrontMatter, EmptyBlockIsPresentWithEmptyObject) {
  const FrontMatter fm = parse_front_matter("---\n---\nbody");
  EXPECT_TRUE(fm.present);
  EXPECT_EQ(fm.meta_json, "{}");
  EXPECT_EQ(fm.body_offset, 8u);
  EXPECT_EQ(fm.body_line, 3);
  EXPECT_TRUE(fm.warnings.empty());
}

// The body starts after the closer whichever line ending the document uses (LF, CRLF, lone CR).
TEST(FrontMatter, BodyOffsetAndLineWithEachLineEnding) {
  struct Case {
    const char* doc;
    std::size_t offset;
    const char* body;
    int line;
    const char* meta;
  };
  const Case cases[] = {
      {"---\ntitle: A\nslug: /a\n---\n# Body\n", 26, "# Body\n", 5, R"({"title":"A","slug":"/a"})"},
      {"---\r\ntitle: A\r\n---\r\nBody", 20, "Body", 4, R"({"title":"A"})"},
      {"---\rtitle: A\rtags:\r  - x\r---\rBody", 29, "Body", 6, R"({"title":"A","tags":["x"]})"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.doc);
    const std::string doc = c.doc;
    const FrontMatter fm = parse_front_matter(doc);
    EXPECT_TRUE(fm.present);
    EXPECT_EQ(fm.body_offset, c.offset);
    EXPECT_EQ(doc.substr(fm.body_offset), c.body);
    EXPECT_EQ(fm.body_line, c.line);
    EXPECT_EQ(fm.meta_json, c.meta);
  }
}

TEST(FrontMatter, CloserAtEndOfDocumentWithoutLineEnding) {
  const FrontMatter fm = parse_front_matter("---\na: 1\n---");
  EXPECT_TRUE(fm.present);
  EXPECT_EQ(fm.body_offset, 12u);
  EXPECT_EQ(fm.body_line, 4);
}

TEST(FrontMatter, DotsCloseAndTrailingSpacesAreAllowed) {
  EXPECT_TRUE(parse_front_matter("---\na: 1\n...\nbody").present);
  const FrontMatter fm = parse_front_matter("---  \na: 1\n---   \nbody");
  EXPECT_TRUE(fm.present);
  EXPECT_EQ(fm.body_offset, 18u);
  EXPECT_EQ(fm.meta_json, R"({"a":1})");
}

TEST(FrontMatter, UnclosedBlockIsNotFrontMatterAndKeepsTheBody) {
  const FrontMatter fm = parse_front_matter("---\ntitle: A\n\n# Heading\n");
  expect_whole_document_is_body(fm);
  EXPECT_EQ(fm.title, "");
  EXPECT_EQ(warnings_of(fm), "1:1 W_FRONT_MATTER_UNCLOSED");
  EXPECT_EQ(warnings_of(parse_front_matter("---")), "1:1 W_FRONT_MATTER_UNCLOSED");
}

TEST(FrontMatter, LanguageAfterOpenerIsNeverFrontMatter) {
  for (const char* doc : {"---js\nmodule.exports = {}\n---\nbody", "--- yaml\na: 1\n---\nbody"}) {
    const FrontMatter fm = parse_front_matter(doc);
    EXPECT_FALSE(fm.present) << doc;
    EXPECT_EQ(fm.body_offset, 0u);
    EXPECT_EQ(fm.meta_json, "{}");
    EXPECT_EQ(warnings_of(fm), "1:4 W_FRONT_MATTER") << doc;
  }
  const FrontMatter rule = parse_front_matter("-----\ntext\n");
  EXPECT_FALSE(rule.present);
  EXPECT_TRUE(rule.warnings.empty());  // a longer thematic break is ordinary Markdown
}

// ---- title and hide_title ----

TEST(FrontMatter, TitleAndHideTitle) {
  FrontMatter fm = parse_yaml("title: Hello world\nhide_title: true");
  EXPECT_EQ(fm.title, "Hello world");
  EXPECT_TRUE(fm.hide_title);
  fm = parse_yaml("title: 42\nhide_title: 'true'");
  EXPECT_EQ(fm.title, "42");
  EXPECT_FALSE(fm.hide_title);
  fm = parse_yaml("title: [a, b]\nhide_title: yes");
  EXPECT_EQ(fm.title, "");
  EXPECT_FALSE(fm.hide_title);
  EXPECT_EQ(parse_yaml("title: \"Quoted: title\"").title, "Quoted: title");
  EXPECT_EQ(parse_yaml("title: ~").title, "");
}

// ---- scalars ----

TEST(FrontMatter, PlainStringsKeepInnerPunctuation) {
  EXPECT_EQ(
      meta("a: http://x.y/z#top\nb: 12:30\nc: -x\nd: a#b\ne: 2024-01-15\nf: 1.2.3"),
      R"({"a":"http://x.y/z#top","b":"12:30","c":"-x","d":"a#b","e":"2024-01-15","f":"1.2.3"})");
}

TEST(FrontMatter, BooleansFollowTheCoreSchema) {
  EXPECT_EQ(meta("a: true\nb: True\nc: TRUE\nd: false\ne: False\nf: FALSE"),
            R"({"a":true,"b":true,"c":true,"d":false,"e":false,"f":false})");
  EXPECT_EQ(meta("a: yes\nb: no\nc: on\nd: off\ne: tRUE"),
            R"({"a":"yes","b":"no","c":"on","d":"off","e":"tRUE"})");
}

TEST(FrontMatter, NullsFollowTheCoreSchema) {
  EXPECT_EQ(meta("a: null\nb: Null\nc: NULL\nd: ~\ne:\nf: nULL"),
            R"({"a":null,"b":null,"c":null,"d":null,"e":null,"f":"nULL"})");
}

TEST(FrontMatter, IntegersDecimalHexOctal) {
  EXPECT_EQ(meta("a: 42\nb: -17\nc: +8\nd: 012\ne: 0x1F\nf: 0xAbC\ng: 0o17\nh: 0"),
            R"({"a":42,"b":-17,"c":8,"d":12,"e":31,"f":2748,"g":15,"h":0})");
  // Outside the core schema: strings, as js-yaml gives them.
  EXPECT_EQ(meta("a: -0x1F\nb: 0X1F\nc: 0o8\nd: 1_000\ne: 0b101\nf: 0x"),
            R"({"a":"-0x1F","b":"0X1F","c":"0o8","d":"1_000","e":"0b101","f":"0x"})");
}

TEST(FrontMatter, FloatsPrintAsJavaScriptDoes) {
  EXPECT_EQ(
      meta("a: 1.50\nb: 1e3\nc: .5\nd: 1.\ne: -.5e-3\nf: 1E3\ng: 0.000001\nh: 5e-7\ni: 1.e3"),
      R"({"a":1.5,"b":1000,"c":0.5,"d":1,"e":-0.0005,"f":1000,"g":0.000001,"h":5e-7,"i":1000})");
  EXPECT_EQ(meta("a: 1e21\nb: 100000000000000000000\nc: 6.02e23\nd: 3.141592653589793238"),
            R"({"a":1e+21,"b":100000000000000000000,"c":6.02e+23,"d":3.141592653589793})");
  EXPECT_EQ(meta("a: .e3\nb: 1e\nc: ."), R"({"a":".e3","b":"1e","c":"."})");
}

TEST(FrontMatter, LargeIntegersRoundAsDoubles) {
  EXPECT_EQ(
      meta("a: 9007199254740993\nb: 123456789012345678901234567890\nc: 0xFFFFFFFFFFFFFFFFFFFFFFFF"),
      R"({"a":9007199254740992,"b":1.2345678901234568e+29,"c":7.922816251426434e+28})");
  EXPECT_EQ(meta("a: 0o777777777777777777777"), R"({"a":9223372036854776000})");
}

TEST(FrontMatter, NegativeZeroAndNonFiniteValues) {
  EXPECT_EQ(meta("a: -0\nb: -0.0\nc: +0.0"), R"({"a":-0,"b":-0,"c":0})");
  // JSON has no Infinity or NaN: they become strings; an overflowing literal stays as written.
  EXPECT_EQ(meta("a: .inf\nb: -.Inf\nc: +.INF\nd: .NaN\ne: 1e400\nf: -.nan"),
            R"({"a":"Infinity","b":"-Infinity","c":"Infinity","d":"NaN","e":"1e400","f":"-.nan"})");
}

TEST(FrontMatter, JsNumberFormatting) {
  EXPECT_EQ(format_js_number(0.1), "0.1");
  EXPECT_EQ(format_js_number(1e21), "1e+21");
  EXPECT_EQ(format_js_number(1e-7), "1e-7");
  EXPECT_EQ(format_js_number(123e-20), "1.23e-18");
  EXPECT_EQ(format_js_number(-1.5), "-1.5");
  EXPECT_EQ(format_js_number(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(format_js_number(123456789012345680000.0), "123456789012345680000");
  EXPECT_EQ(format_js_number(5e-324), "5e-324");
  EXPECT_EQ(format_js_number(1.7976931348623157e308), "1.7976931348623157e+308");
}

TEST(FrontMatter, DoubleQuotedEscapes) {
  EXPECT_EQ(meta(R"(a: "tab\there \"q\" \\ \/ \x41 \u00e9 \U0001F600 \uD83D\uDE00 end\n")"),
            "{\"a\":\"tab\\u0009here \\\"q\\\" \\\\ / A \xC3\xA9 \xF0\x9F\x98\x80 \xF0\x9F\x98\x80 "
            "end\\n\"}");
  EXPECT_EQ(meta(R"(a: "\0\a\e\N\_\L\P\ ")"),
            "{\"a\":\"\\u0000\\u0007\\u001b\xC2\x85\xC2\xA0\\u2028\\u2029 \"}");
}

TEST(FrontMatter, InvalidEscapeWarnsAndKeepsTheText) {
  const FrontMatter fm = parse_yaml("path: \"C:\\windows\\x4\"\nok: 1");
  EXPECT_EQ(fm.meta_json, R"({"path":"C:\\windows\\x4","ok":1})");
  EXPECT_EQ(warnings_of(fm), "2:10 W_FRONT_MATTER, 2:18 W_FRONT_MATTER");
  EXPECT_EQ(meta(R"(a: "\uD800 lone")"), R"({"a":"\\uD800 lone"})");
}

TEST(FrontMatter, SingleQuotedStrings) {
  EXPECT_EQ(meta("a: 'it''s'\nb: 'no \\n escape'\nc: ''\nd: '# not a comment'\ne: '1'"),
            R"({"a":"it's","b":"no \\n escape","c":"","d":"# not a comment","e":"1"})");
}

TEST(FrontMatter, QuotedKeysAndTypedKeys) {
  EXPECT_EQ(meta("\"quoted key\": 1\n'it''s': 2\n\"with: colon\" : 3"),
            R"({"quoted key":1,"it's":2,"with: colon":3})");
  // Keys become the property names JavaScript would use.
  EXPECT_EQ(meta("1.50: a\n0x1F: b\ntrue: c\n~: d\nkey with spaces: e"),
            R"({"1.5":"a","31":"b","true":"c","null":"d","key with spaces":"e"})");
}

TEST(FrontMatter, ScriptSafeJson) {
  EXPECT_EQ(meta("title: \"</script> & <!--\""),
            R"({"title":"\u003c/script\u003e \u0026 \u003c!--"})");
}

TEST(FrontMatter, Comments) {
  EXPECT_EQ(meta("# first\ntitle: T # trailing\n  # indented comment\nq: \"x # in quotes\" # "
                 "c\nempty: # c\nurl: a#b"),
            R"({"title":"T","q":"x # in quotes","empty":null,"url":"a#b"})");
}

// ---- collections ----

TEST(FrontMatter, BlockLists) {
  EXPECT_EQ(meta("tags:\n  - a\n  - 2\n  -\n  - - x\n    - y\nnext: 1"),
            R"({"tags":["a",2,null,["x","y"]],"next":1})");
  EXPECT_EQ(meta("tags:\n- a\n- b\nnext: 1"), R"({"tags":["a","b"],"next":1})");
}

TEST(FrontMatter, ListsOfMappings) {
  EXPECT_EQ(
      meta("authors:\n  - name: Ada\n    url: https://a.example\n  - name: Alan\n    tags: [x]\n"),
      R"({"authors":[{"name":"Ada","url":"https://a.example"},{"name":"Alan","tags":["x"]}]})");
}

TEST(FrontMatter, NestedBlockMappings) {
  EXPECT_EQ(meta("a:\n  b:\n    c: 1\n  d: 2\ne: 3"), R"({"a":{"b":{"c":1},"d":2},"e":3})");
  EXPECT_EQ(meta("  indented: top\n  second: 2"), R"({"indented":"top","second":2})");
}

TEST(FrontMatter, FlowCollections) {
  EXPECT_EQ(meta("tags: [a, \"b c\", 'd', 1, true, null]\nempty: []\nmap: {}"),
            R"({"tags":["a","b c","d",1,true,null],"empty":[],"map":{}})");
  EXPECT_EQ(meta("m: {a: [1, [2, [3]]], \"b\": 'c', d, e: }\np: [a: 1, b]\nt: [x, y,]"),
            R"({"m":{"a":[1,[2,[3]]],"b":"c","d":null,"e":null},"p":[{"a":1},"b"],"t":["x","y"]})");
  EXPECT_EQ(meta(R"(j: {"a":1, b:2})"), R"({"j":{"a":1,"b:2":null}})");
}

TEST(FrontMatter, FlowCollectionsSpanLines) {
  EXPECT_EQ(meta("tags: [\n    one,\n    two words\n      folded,\n  ]\nnext: 1"),
            R"({"tags":["one","two words folded"],"next":1})");
  EXPECT_EQ(meta("{\"title\": \"JSON\", \"n\": [true]}"), R"({"title":"JSON","n":[true]})");
}

// ---- multi-line scalars ----

TEST(FrontMatter, LiteralBlockScalars) {
  EXPECT_EQ(meta("a: |\n  one\n    two\n\n  three\nb: 1"),
            R"({"a":"one\n  two\n\nthree\n","b":1})");
  EXPECT_EQ(meta("a: |-\n  x\n\nb: |+\n  y\n\n\nc: 1"), R"({"a":"x","b":"y\n\n\n","c":1})");
  EXPECT_EQ(meta("a: |  # comment\n  x\nb: |2\n    y\nc: |\n\n  z"),
            R"({"a":"x\n","b":"  y\n","c":"\nz\n"})");
  EXPECT_EQ(meta("a: |\nb: |+\n\nc: 1"), R"({"a":"","b":"\n","c":1})");
}

TEST(FrontMatter, FoldedBlockScalars) {
  EXPECT_EQ(meta("a: >\n  one\n  two\n\n  three\n    indented\n  back\nb: 1"),
            R"({"a":"one two\nthree\n  indented\nback\n","b":1})");
  EXPECT_EQ(meta("a: >-\n  x\n  y\n"), R"({"a":"x y"})");
}

TEST(FrontMatter, PlainAndQuotedScalarsFoldOverLines) {
  EXPECT_EQ(meta("d: A plain value\n  that continues   \n\n  after a blank line\nt: x"),
            R"({"d":"A plain value that continues\nafter a blank line","t":"x"})");
  EXPECT_EQ(meta("d: \"quoted   \n  over\n\n  lines  \"\ns: 'single\n  too'"),
            R"({"d":"quoted over\nlines  ","s":"single too"})");
  EXPECT_EQ(meta("d: \"joined\\\n   here\""), R"({"d":"joinedhere"})");
}

// ---- malformed input: warnings, the line is skipped, parsing goes on ----

TEST(FrontMatter, UnparseableLineIsSkippedWithPosition) {
  const FrontMatter fm = parse_yaml("title: T\njust some words\nslug: /s");
  EXPECT_EQ(fm.meta_json, R"({"title":"T","slug":"/s"})");
  ASSERT_EQ(fm.warnings.size(), 1u);
  EXPECT_EQ(fm.warnings[0].line, 3);
  EXPECT_EQ(fm.warnings[0].column, 1);
  EXPECT_EQ(fm.warnings[0].code, "W_FRONT_MATTER");
  EXPECT_EQ(fm.warnings[0].message, "expected 'key: value'");
}

TEST(FrontMatter, ColonInPlainValueIsKeptAsTextWithAWarning) {
  const FrontMatter fm = parse_yaml("title: Foo: Bar\nok: 1");
  EXPECT_EQ(fm.meta_json, R"({"title":"Foo: Bar","ok":1})");
  EXPECT_EQ(warnings_of(fm), "2:11 W_FRONT_MATTER");
}

TEST(FrontMatter, ColumnsCountCodePoints) {
  const FrontMatter fm = parse_yaml("a: \xC3\xA9\xF0\x9F\x98\x80 x: y");
  EXPECT_EQ(warnings_of(fm), "2:8 W_FRONT_MATTER");
}

TEST(FrontMatter, TabIndentationWarns) {
  const FrontMatter fm = parse_yaml("meta:\n\tkey: tabbed\nok: 1\nsep:\t2");
  EXPECT_EQ(fm.meta_json, R"({"meta":null,"ok":1,"sep":2})");
  EXPECT_EQ(warnings_of(fm), "3:1 W_FRONT_MATTER");
  EXPECT_EQ(warnings_of(parse_yaml("a: 1\n  \tb: 2")), "3:3 W_FRONT_MATTER");
}

TEST(FrontMatter, DuplicateKeysKeepFirstPositionAndLastValue) {
  const FrontMatter fm = parse_yaml("title: First\nslug: a\ntitle: Second");
  EXPECT_EQ(fm.meta_json, R"({"title":"Second","slug":"a"})");
  EXPECT_EQ(fm.title, "Second");
  ASSERT_EQ(fm.warnings.size(), 1u);
  EXPECT_EQ(warnings_of(fm), "4:1 W_FRONT_MATTER_DUPLICATE_KEY");
  EXPECT_EQ(fm.warnings[0].message, "duplicate key 'title': the last value is used");
  const FrontMatter flow = parse_yaml("m: {a: 1, b: 2, a: 3}");
  EXPECT_EQ(flow.meta_json, R"({"m":{"a":3,"b":2}})");
  EXPECT_EQ(warnings_of(flow), "2:17 W_FRONT_MATTER_DUPLICATE_KEY");
}

TEST(FrontMatter, UnterminatedFlowAndQuotesDoNotSwallowLaterKeys) {
  FrontMatter fm = parse_yaml("tags: [a, b\ntitle: Still here");
  EXPECT_EQ(fm.meta_json, R"({"title":"Still here"})");
  EXPECT_EQ(warnings_of(fm), "2:7 W_FRONT_MATTER");
  fm = parse_yaml("title: \"never closed\nslug: /x");
  EXPECT_EQ(fm.meta_json, R"({"slug":"/x"})");
  EXPECT_EQ(warnings_of(fm), "2:8 W_FRONT_MATTER");
  fm = parse_yaml("a: [1, , 2]\nb: {x: 1} junk\nc: ok");
  EXPECT_EQ(fm.meta_json, R"({"c":"ok"})");
  EXPECT_EQ(warnings_of(fm), "2:8 W_FRONT_MATTER, 3:11 W_FRONT_MATTER");
}

TEST(FrontMatter, BadIndentationIsSkipped) {
  const FrontMatter fm = parse_yaml("a: b\n  c: d\ne: f");
  EXPECT_EQ(fm.meta_json, R"({"a":"b","e":"f"})");
  EXPECT_EQ(warnings_of(fm), "3:3 W_FRONT_MATTER");
}

TEST(FrontMatter, UnsupportedFeaturesWarn) {
  const FrontMatter fm = parse_yaml("base: &x value\ncopy: *x\ntag: !!str 1\nlist: - a\nok: 1");
  EXPECT_EQ(fm.meta_json, R"({"ok":1})");
  EXPECT_EQ(warnings_of(fm),
            "2:7 W_FRONT_MATTER, 3:7 W_FRONT_MATTER, 4:6 W_FRONT_MATTER, 5:7 W_FRONT_MATTER");
}

TEST(FrontMatter, NonMappingTopLevelGivesEmptyObject) {
  for (const char* yaml : {"- a\n- b", "just a sentence", "[1, 2]", "\"quoted\""}) {
    const FrontMatter fm = parse_yaml(yaml);
    EXPECT_TRUE(fm.present);
    EXPECT_EQ(fm.meta_json, "{}") << yaml;
    EXPECT_EQ(warnings_of(fm), "2:1 W_FRONT_MATTER") << yaml;
  }
}

// ---- limits ----

TEST(FrontMatter, DeepFlowNestingIsCutAtTheLimit) {
  const FrontMatter open_only = parse_yaml("a: " + std::string(10000, '[') + "\nb: 1");
  EXPECT_EQ(open_only.meta_json, R"({"b":1})");
  EXPECT_EQ(warnings_of(open_only),
            "2:" + std::to_string(4 + kMaxFrontMatterDepth - 1) + " W_FRONT_MATTER");

  const std::string balanced = std::string(10000, '[') + std::string(10000, ']');
  const FrontMatter fm = parse_yaml("a: " + balanced + "\nb: 1");
  // The root mapping is level 1, so 63 lists fit and the 64th nested one becomes null.
  const int lists = kMaxFrontMatterDepth - 1;
  EXPECT_EQ(fm.meta_json, "{\"a\":" + std::string(static_cast<std::size_t>(lists), '[') + "null" +
                              std::string(static_cast<std::size_t>(lists), ']') + ",\"b\":1}");
  EXPECT_EQ(fm.warnings.size(), 1u);

  std::string maps;
  for (int i = 0; i < 5000; ++i) maps += "{a: ";
  maps += std::string(5000, '}');
  EXPECT_EQ(parse_yaml("m: " + maps).warnings.size(), 1u);
}

TEST(FrontMatter, DeepBlockNestingIsCutAtTheLimit) {
  std::string yaml;
  for (int i = 0; i < 3000; ++i) yaml += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  yaml += "z: 1";
  const FrontMatter fm = parse_yaml(yaml);
  EXPECT_EQ(fm.warnings.size(), 1u);
  EXPECT_EQ(fm.meta_json.substr(fm.meta_json.size() - 9), "}},\"z\":1}");
  EXPECT_EQ(parse_yaml("a:\n  " +
                       [] {
                         std::string dashes;
                         for (int i = 0; i < 10000; ++i) dashes += "- ";
                         return dashes;
                       }() +
                       "x\nb: 1")
                .warnings.size(),
            1u);
}

TEST(FrontMatter, HugeInputStaysLinear) {
  std::string yaml = "big: \"" + std::string(1 << 20, 'x') + "\"\nlist:\n";
  for (int i = 0; i < 50000; ++i) yaml += "  - item\n";
  const FrontMatter fm = parse_yaml(yaml + "last: 1");
  EXPECT_TRUE(fm.warnings.empty());
  EXPECT_EQ(fm.meta_json.substr(fm.meta_json.size() - 11), "],\"last\":1}");
}

}  // namespace
}  // namespace foldmark::detail
