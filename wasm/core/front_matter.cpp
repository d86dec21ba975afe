// TEMPORARY scaffold until the real parser lands (being written in parallel).
#include "front_matter.h"
namespace foldmark::detail {
FrontMatter parse_front_matter(std::string_view) { return FrontMatter{}; }
}
