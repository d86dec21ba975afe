// Decoding of HTML character references as md4c reports them (MD_TEXT_ENTITY).
#ifndef FOLDMARK_CORE_ENTITIES_H
#define FOLDMARK_CORE_ENTITIES_H

#include <string>
#include <string_view>

namespace foldmark::detail {

// ref is the whole reference, "&amp;", "&#123;" or "&#x7B;". Appends its UTF-8 text to out.
// Numeric references to 0, surrogates or past U+10FFFF become U+FFFD (CommonMark §2.5); an
// unknown name is appended unchanged (md4c reports any name of the right shape).
void append_entity(std::string& out, std::string_view ref);

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_ENTITIES_H
