// The compile-time packed string lists the allowlist tables are made of.
#include "packed_strings.h"

#include <gtest/gtest.h>

#include <string>

namespace foldmark::detail {
namespace {

struct Row {
  std::string_view name;
  int value;
};
constexpr Row kRows[] = {{"a", 1}, {"abbr", 2}, {"", 3}, {"b", 4}};

constexpr std::string_view row_name(const Row& r) {
  return r.name;
}
constexpr int row_value(const Row& r) {
  return r.value;
}

constexpr std::string_view kWordRows[] = {"br", "h1", "img", "wbr"};

TEST(PackedStrings, HoldEveryRowInOrderWithItsAffixes) {
  constexpr auto tags =
      pack_strings<packed_chars(kRows, row_name, "</", ">")>(kRows, row_name, "</", ">");
  static_assert(sizeof tags.chars == 4 * 3 + 6 + 1, "one char array, no pointers");
  ASSERT_EQ(tags.size(), 4u);
  EXPECT_EQ(tags[0], "</a>");
  EXPECT_EQ(tags[1], "</abbr>");
  EXPECT_EQ(tags[2], "</>");
  EXPECT_EQ(tags[3], "</b>");
  EXPECT_EQ(std::string(tags.chars, tags.bounds[4]), "</a></abbr></></b>");
  constexpr auto values = column(kRows, row_value);
  EXPECT_EQ(values[0] + values[1] + values[2] + values[3], 10);

  constexpr auto names = pack_strings<packed_chars(kRows, row_name)>(kRows, row_name);
  EXPECT_EQ(names[2], "");
  EXPECT_EQ(names.find(""), 2);
  EXPECT_EQ(names.find("abbr"), 1);
  EXPECT_EQ(names.find("ab"), -1);
  EXPECT_FALSE(names.sorted());  // "" after "abbr"
}

TEST(PackedStrings, FindSortedFindsEachRowAndNothingElse) {
  constexpr auto words = pack_strings<packed_chars(kWordRows, itself)>(kWordRows, itself);
  static_assert(words.sorted());
  for (std::size_t i = 0; i < words.size(); ++i)
    EXPECT_EQ(words.find_sorted(kWordRows[i]), static_cast<int>(i)) << kWordRows[i];
  for (std::string_view miss : {"", "a", "b", "br ", "h", "h2", "im", "imgs", "z", "wbrx"})
    EXPECT_EQ(words.find_sorted(miss), -1) << miss;
}

}  // namespace
}  // namespace foldmark::detail
