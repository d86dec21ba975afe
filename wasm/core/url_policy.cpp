// Scheme extraction mirrors the WHATWG "scheme start" and "scheme" states, so what we check is
// what the browser will act on.
#include "url_policy.h"

#include <string>

namespace foldmark::detail {
namespace {

bool is_c0_or_space(unsigned char c) {
  return c <= 0x20;
}
bool is_tab_or_newline(char c) {
  return c == '\t' || c == '\n' || c == '\r';
}
bool is_alpha(char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
bool is_scheme_char(char c) {
  return is_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

// The URL as the browser's parser sees it, lower-cased up to the first ':' or '/'.
std::string preprocess(std::string_view url) {
  std::size_t begin = 0;
  std::size_t end = url.size();
  while (begin < end && is_c0_or_space(static_cast<unsigned char>(url[begin]))) ++begin;
  while (end > begin && is_c0_or_space(static_cast<unsigned char>(url[end - 1]))) --end;
  std::string clean;
  bool in_scheme = true;
  for (std::size_t i = begin; i < end; ++i) {
    char c = url[i];
    if (is_tab_or_newline(c)) continue;
    if (c == ':' || c == '/' || c == '?' || c == '#') in_scheme = false;
    clean.push_back(in_scheme && is_alpha(c) ? static_cast<char>(c | 0x20) : c);
    // Only the scheme and the first bytes after it matter; the rest cannot change the verdict.
    if (!in_scheme && clean.size() > 64) break;
  }
  return clean;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool allowed_data_image(std::string_view rest) {
  for (std::string_view type : {"image/png", "image/gif", "image/jpeg", "image/webp"}) {
    if (starts_with(rest, type) && rest.size() > type.size() &&
        (rest[type.size()] == ';' || rest[type.size()] == ',')) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool url_allowed(std::string_view url, UrlUse use) {
  const std::string clean = preprocess(url);
  if (clean.empty() || !is_alpha(clean[0])) return true;  // relative: no scheme possible
  std::size_t i = 1;
  while (i < clean.size() && is_scheme_char(clean[i])) ++i;
  if (i == clean.size() || clean[i] != ':') return true;  // no ':' ends the scheme: relative
  const std::string_view scheme(clean.data(), i);
  if (scheme == "http" || scheme == "https") return true;
  if (use == UrlUse::kLink) return scheme == "mailto";
  if (scheme != "data") return false;
  std::string rest = clean.substr(i + 1);
  for (char& c : rest) c = is_alpha(c) ? static_cast<char>(c | 0x20) : c;
  return allowed_data_image(rest);
}

}  // namespace foldmark::detail
