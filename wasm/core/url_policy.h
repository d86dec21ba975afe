// The URL scheme allowlist for links and images, applied to the entity-decoded URL.
#ifndef FOLDMARK_CORE_URL_POLICY_H
#define FOLDMARK_CORE_URL_POLICY_H

#include <string_view>

namespace foldmark::detail {

enum class UrlUse { kLink, kImage, kMedia };

// True when a browser would read `url` (already entity-decoded) as a relative URL or one with an
// allowed scheme: http, https, mailto for links; http, https and data:image/{png,gif,jpeg,webp}
// for images; http and https for audio, video and their tracks. The check follows the WHATWG URL
// parser: leading/trailing C0 controls and spaces are stripped, TAB/LF/CR removed anywhere, and the
// scheme compared case-insensitively.
bool url_allowed(std::string_view url, UrlUse use);

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_URL_POLICY_H
