// Scheme extraction mirrors the WHATWG "scheme start" and "scheme" states, so what we check is
// what the browser will act on.
#include "url_policy.h"

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

// Reads the URL as the browser's parser does: C0 controls and spaces trimmed from both ends,
// TAB/LF/CR skipped anywhere, letters lower-cased. No copy: this runs for every link.
class UrlReader {
 public:
  explicit UrlReader(std::string_view url) {
    std::size_t begin = 0;
    std::size_t end = url.size();
    while (begin < end && is_c0_or_space(static_cast<unsigned char>(url[begin]))) ++begin;
    while (end > begin && is_c0_or_space(static_cast<unsigned char>(url[end - 1]))) --end;
    rest_ = url.substr(begin, end - begin);
  }

  // The next character, lower-cased if a letter; '\0' at the end.
  char next() {
    while (!rest_.empty() && is_tab_or_newline(rest_[0])) rest_.remove_prefix(1);
    if (rest_.empty()) return '\0';
    const char c = rest_[0];
    rest_.remove_prefix(1);
    return is_alpha(c) ? static_cast<char>(c | 0x20) : c;
  }

 private:
  std::string_view rest_;
};

// Whether what follows "data:" starts with an allowed image type and then ';' or ','.
bool allowed_data_image(UrlReader& r) {
  constexpr std::size_t kLongest = 10;  // "image/jpeg"
  char type[kLongest + 1];
  std::size_t n = 0;
  char c = r.next();
  for (; n < sizeof type && c != ';' && c != ',' && c != '\0'; c = r.next()) type[n++] = c;
  if (c != ';' && c != ',') return false;
  const std::string_view t(type, n);
  return t == "image/png" || t == "image/gif" || t == "image/jpeg" || t == "image/webp";
}

}  // namespace

bool url_allowed(std::string_view url, UrlUse use) {
  UrlReader r(url);
  // Long enough for every scheme we allow; a longer one is never allowed.
  constexpr std::size_t kSchemeMax = 8;
  char scheme[kSchemeMax];
  std::size_t n = 0;
  char c = r.next();
  if (!is_alpha(c)) return true;  // relative: no scheme possible
  for (; is_scheme_char(c); c = r.next()) {
    if (n < kSchemeMax) scheme[n] = c;
    ++n;
  }
  if (c != ':') return true;  // no ':' ends the scheme: relative
  const std::string_view name(scheme, n <= kSchemeMax ? n : 0);
  if (name == "http" || name == "https") return true;
  if (use == UrlUse::kLink) return name == "mailto";
  if (use == UrlUse::kMedia) return false;
  return name == "data" && allowed_data_image(r);
}

}  // namespace foldmark::detail
