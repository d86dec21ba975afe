// A small tokenizer driving the normalize.py state machine; tests/node/normalize.mjs is its twin.
#include "html_normalize.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>
#include <vector>

#include "entities.h"

namespace foldmark::test {
namespace {

const std::set<std::string> kBlockTags = {
    "article", "header",     "aside",    "hgroup", "blockquote", "hr",       "iframe",   "body",
    "li",      "map",        "button",   "object", "canvas",     "ol",       "caption",  "output",
    "col",     "p",          "colgroup", "pre",    "dd",         "progress", "div",      "section",
    "dl",      "table",      "td",       "dt",     "tbody",      "embed",    "textarea", "fieldset",
    "tfoot",   "figcaption", "th",       "figure", "thead",      "footer",   "tr",       "form",
    "ul",      "h1",         "h2",       "h3",     "h4",         "h5",       "h6",       "video",
    "script",  "style"};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string trim_left(std::string s) {
  s.erase(0, std::find_if(s.begin(), s.end(), [](char c) { return !is_space(c); }) - s.begin());
  return s;
}

void trim_right(std::string& s) {
  while (!s.empty() && is_space(s.back())) s.pop_back();
}

std::string escape_all(std::string_view s, bool quote_apos) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += quote_apos ? "&#x27;" : "'"; break;
      default: out += c;
    }
  }
  return out;
}

// The length of a character reference at s[0] ('&'), or 0.
std::size_t reference_length(std::string_view s) {
  std::size_t i = 1;
  if (i < s.size() && s[i] == '#') {
    ++i;
    if (i < s.size() && (s[i] | 0x20) == 'x') ++i;
  }
  const std::size_t start = i;
  while (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
  return i > start && i < s.size() && s[i] == ';' ? i + 1 : 0;
}

std::string decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = s[i] == '&' ? reference_length(s.substr(i)) : 0;
    if (n > 0) {
      detail::append_entity(out, s.substr(i, n));
      i += n;
    } else {
      out += s[i++];
    }
  }
  return out;
}

class Normalizer {
 public:
  std::string run(std::string_view html) {
    std::size_t i = 0;
    while (i < html.size()) i = html[i] == '<' ? markup(html, i) : text(html, i);
    return out_;
  }

 private:
  std::size_t text(std::string_view html, std::size_t i) {
    std::size_t end = html.find('<', i + 1);
    if (end == std::string_view::npos) end = html.size();
    std::size_t run = i;
    for (std::size_t k = i; k < end; ++k) {
      const std::size_t n = html[k] == '&' ? reference_length(html.substr(k, end - k)) : 0;
      if (n == 0) continue;
      data(std::string(html.substr(run, k - run)));
      std::string c;
      detail::append_entity(c, html.substr(k, n));
      out_ += escape_all(c, false);
      last_ = "ref";
      k += n - 1;
      run = k + 1;
    }
    data(std::string(html.substr(run, end - run)));
    return end;
  }

  void data(std::string d) {
    if (d.empty()) return;
    const bool after_tag = last_ == "endtag" || last_ == "starttag";
    const bool after_block = after_tag && kBlockTags.count(last_tag_) != 0;
    if (after_tag && last_tag_ == "br")
      d.erase(
          0, d.find_first_not_of('\n') == std::string::npos ? d.size() : d.find_first_not_of('\n'));
    if (!in_pre_) {
      std::string c;
      for (char ch : d) {
        if (is_space(ch)) {
          if (c.empty() || c.back() != ' ') c += ' ';
        } else {
          c += ch;
        }
      }
      d = c;
    }
    if (after_block && !in_pre_) {
      d = trim_left(d);
      if (last_ == "endtag") trim_right(d);
    }
    out_ += d;
    last_ = "data";
  }

  std::size_t markup(std::string_view html, std::size_t i) {
    auto rest = html.substr(i);
    if (rest.substr(0, 4) == "<!--") {
      std::size_t end = html.find("-->", i + 4);
      end = end == std::string_view::npos ? html.size() : end + 3;
      out_ += html.substr(i, end - i);
      last_ = "comment";
      return end;
    }
    const bool closing = rest.size() > 1 && rest[1] == '/';
    const std::size_t name_at = closing ? 2 : 1;
    if (rest.size() <= name_at || !std::isalpha(static_cast<unsigned char>(rest[name_at]))) {
      if (rest.size() > 1 && (rest[1] == '!' || rest[1] == '?')) {
        std::size_t end = html.find('>', i);
        end = end == std::string_view::npos ? html.size() : end + 1;
        out_ += html.substr(i, end - i);
        last_ = "decl";
        return end;
      }
      data("<");
      return i + 1;
    }
    return closing ? end_tag(html, i + 2) : start_tag(html, i + 1);
  }

  std::string tag_name(std::string_view html, std::size_t& i) {
    std::string name;
    while (i < html.size() && !is_space(html[i]) && html[i] != '>' && html[i] != '/') {
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[i++])));
    }
    return name;
  }

  std::size_t end_tag(std::string_view html, std::size_t i) {
    const std::string name = tag_name(html, i);
    std::size_t end = html.find('>', i);
    end = end == std::string_view::npos ? html.size() : end + 1;
    if (name == "pre") {
      in_pre_ = false;
    } else if (kBlockTags.count(name) != 0) {
      trim_right(out_);
    }
    out_ += "</" + name + ">";
    last_tag_ = name;
    last_ = "endtag";
    return end;
  }

  std::size_t start_tag(std::string_view html, std::size_t i) {
    const std::string name = tag_name(html, i);
    std::vector<std::pair<std::string, std::string>> attrs;
    std::vector<bool> has_value;
    bool self_closing = false;
    while (i < html.size() && html[i] != '>') {
      if (is_space(html[i])) {
        ++i;
        continue;
      }
      if (html[i] == '/') {
        self_closing = true;
        ++i;
        continue;
      }
      self_closing = false;
      std::string key;
      while (i < html.size() && !is_space(html[i]) && html[i] != '=' && html[i] != '>' &&
             html[i] != '/') {
        key += static_cast<char>(std::tolower(static_cast<unsigned char>(html[i++])));
      }
      std::string value;
      bool valued = false;
      if (i < html.size() && html[i] == '=') {
        valued = true;
        ++i;
        if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
          const char q = html[i++];
          const std::size_t end = std::min(html.find(q, i), html.size());
          value = std::string(html.substr(i, end - i));
          i = end + 1;
        } else {
          while (i < html.size() && !is_space(html[i]) && html[i] != '>') value += html[i++];
        }
      }
      attrs.emplace_back(key, valued ? "=" + decode(value) : std::string());
    }
    const std::size_t end = std::min(i + 1, html.size());
    if (name == "pre") in_pre_ = true;
    if (kBlockTags.count(name) != 0) trim_right(out_);
    std::sort(attrs.begin(), attrs.end());
    out_ += "<" + name;
    for (const auto& [k, v] : attrs) {
      out_ += " " + k;
      if (!v.empty()) out_ += "=\"" + escape_all(std::string_view(v).substr(1), true) + "\"";
    }
    out_ += ">";
    last_tag_ = name;
    last_ = self_closing ? "endtag" : "starttag";
    return end;
  }

  std::string out_;
  std::string last_ = "starttag";
  std::string last_tag_;
  bool in_pre_ = false;
};

}  // namespace

std::string normalize_html(std::string_view html) {
  return Normalizer().run(html);
}

}  // namespace foldmark::test
