// Named character references against md4c's own table: every name of src/entity.c decodes to the
// code points listed there, and names one edit away decode exactly when md4c knows them.
#include <gtest/gtest.h>

#include <cctype>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "entities.h"
extern "C" {
#include "entity.h"  // md4c's lookup (native builds compile its entity.c): the oracle for misses
}

namespace foldmark::detail {
namespace {

struct Listed {
  std::string name;
  unsigned first = 0, second = 0;
};

// md4c 0.5.2 writes one entry a line: `    { "&AElig;", { 198, 0 } },`
std::vector<Listed> read_md4c_table() {
  const std::string path = std::string(FOLDMARK_MD4C_DIR) + "/src/entity.c";
  std::ifstream in(path);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::vector<Listed> table;
  for (std::string line; std::getline(in, line);) {
    if (line.find("{ \"&") == std::string::npos) continue;
    char name[64];
    Listed e;
    if (std::sscanf(line.c_str(), " { \"&%63[A-Za-z0-9];\" , { %u , %u }", name, &e.first,
                    &e.second) != 3) {
      ADD_FAILURE() << "unexpected line in entity.c: " << line;
      continue;
    }
    e.name = name;
    table.push_back(e);
  }
  return table;
}

void put_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | cp >> 6);
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | cp >> 12);
    out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | cp >> 18);
    out += static_cast<char>(0x80 | (cp >> 12 & 0x3F));
    out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string decoded(std::string_view ref) {
  std::string out;
  append_entity(out, ref);
  return out;
}

// What md4c's table says ref ("&name;") is: its text, or ref itself when the name is unknown.
std::string expected(const std::string& ref) {
  const ENTITY* e = entity_lookup(ref.data(), ref.size());
  if (e == nullptr) return ref;
  std::string out;
  put_utf8(out, e->codepoints[0]);
  if (e->codepoints[1] != 0) put_utf8(out, e->codepoints[1]);
  return out;
}

TEST(Entities, EveryNameDecodesToTheCodePointsMd4cLists) {
  const std::vector<Listed> table = read_md4c_table();
  ASSERT_EQ(table.size(), 2125u);  // HTML5's named references, as md4c 0.5.2 has them
  for (const Listed& e : table) {
    std::string want;
    put_utf8(want, e.first);
    if (e.second != 0) put_utf8(want, e.second);
    EXPECT_EQ(decoded("&" + e.name + ";"), want) << e.name;
  }
}

TEST(Entities, NamesOneEditAwayDecodeOnlyWhenMd4cKnowsThem) {
  const std::vector<Listed> table = read_md4c_table();
  ASSERT_FALSE(table.empty());
  std::size_t known = 0, checked = 0;
  auto check = [&](const std::string& name) {
    const std::string ref = "&" + name + ";";
    const std::string want = expected(ref);
    known += want != ref;
    ++checked;
    EXPECT_EQ(decoded(ref), want) << ref;
  };
  for (const Listed& e : table) {
    const std::string& name = e.name;
    // Without the ';' a name stays text (CommonMark needs it).
    EXPECT_EQ(decoded("&" + name), "&" + name);
    for (std::size_t i = 0; i < name.size(); ++i) {
      for (const char other : {'a', 'Z', 'q', '1'}) {
        std::string changed = name;
        changed[i] = changed[i] == other ? 'x' : other;
        check(changed);
      }
      std::string cased = name;
      cased[i] = static_cast<char>(cased[i] ^ 0x20);
      if (std::isalpha(static_cast<unsigned char>(cased[i]))) check(cased);
      if (i > 0) check(name.substr(0, i));            // a prefix
      check(name.substr(0, i) + name.substr(i + 1));  // one letter less
    }
    check(name + "s");
    check(name + name.back());
  }
  // The edits reach other real names (&lt; → &gt;, &ang; → &and;): both outcomes are covered.
  EXPECT_GT(known, 1000u);
  EXPECT_GT(checked - known, 50000u);
}

}  // namespace
}  // namespace foldmark::detail
