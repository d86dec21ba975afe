// The commands of a ```bash npm2yarn block for Yarn and pnpm, converted as Docusaurus's npm2yarn
// plugin does (its documented examples are the tests): every "npm <command>" up to the line's end
// or a "&" is rewritten, a command with no counterpart stays as written with a comment saying so.
#include <algorithm>

#include "render_context.h"

namespace foldmark::detail {
namespace {

using Args = std::vector<std::string>;

constexpr std::string_view kNotConverted = "\n# couldn't auto-convert command";

// Whether s is one of the words of `words` (separated by single spaces): a word list is one string
// in the module's data, where a list of string_views would cost a relocated pointer each.
bool one_of(std::string_view s, std::string_view words) {
  for (std::size_t at = 0; at < words.size();) {
    const std::size_t end = std::min(words.find(' ', at), words.size());
    if (words.substr(at, end - at) == s) return true;
    at = end + 1;
  }
  return false;
}

bool is_flag(const std::string& s) {
  return !s.empty() && s[0] == '-';
}

// Words separated by blanks; a quoted word keeps its quotes and blanks ('a b', "a \" b").
Args split_args(std::string_view s) {
  Args args;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    if (i == s.size()) break;
    std::string word;
    char quote = 0;
    for (; i < s.size() && (quote != 0 || (s[i] != ' ' && s[i] != '\t')); ++i) {
      word.push_back(s[i]);
      if (quote != 0 && s[i] == '\\' && i + 1 < s.size()) {
        word.push_back(s[++i]);
      } else if (quote != 0 && s[i] == quote) {
        quote = 0;
      } else if (quote == 0 && (s[i] == '"' || s[i] == '\'')) {
        quote = s[i];
      }
    }
    args.push_back(std::move(word));
  }
  return args;
}

std::string join(const Args& args) {
  std::string out;
  for (const std::string& a : args) {
    if (a.empty()) continue;
    if (!out.empty()) out.push_back(' ');
    out.append(a);
  }
  return out;
}

// `npm init x` is `npm create x` (both managers have create); --scope has no counterpart.
Args init_args(Args a) {
  if (a.size() > 1 && !is_flag(a[1])) a[0] = "create";
  a.erase(std::remove(a.begin(), a.end(), "--scope"), a.end());
  return a;
}

// ---- Yarn (classic command names, as the plugin writes them) -----------------------------------

bool is_yarn_command(std::string_view s) {
  return one_of(s,
                "add audit autoclean bin cache check config create dedupe generate-lock-entry "
                "global help import info init install licenses link list lockfile login logout "
                "outdated owner pack policies prune publish remove run self-update tag team test "
                "unlink upgrade upgrade-interactive version versions why workspace workspaces");
}

// -g becomes `yarn global …`; the save flags become Yarn's own.
Args yarn_package_args(Args a) {
  const bool global = std::any_of(
      a.begin(), a.end(), [](const std::string& s) { return s == "-g" || s == "--global"; });
  for (std::string& s : a) {
    if (s == "--save-dev" || s == "-D") {
      s = "--dev";
    } else if (s == "--save-prod" || s == "-P") {
      s = "--production";
    } else if (s == "--no-package-lock") {
      s = "--no-lockfile";
    } else if (s == "--save-optional" || s == "-O") {
      s = "--optional";
    } else if (s == "--save-exact" || s == "-E") {
      s = "--exact";
    } else if (one_of(s, "--save -S --global -g")) {
      s.clear();
    }
  }
  if (global) a.insert(a.begin(), "global");
  return a;
}

// False when Yarn has no counterpart.
bool to_yarn(Args& a) {
  const std::string& c = a[0];
  if (one_of(c, "install i add")) {
    if (a.size() == 1) return true;
    a[0] = "add";
    a = yarn_package_args(std::move(a));
  } else if (one_of(c, "uninstall un remove r rm unlink")) {
    a[0] = "remove";
    a = yarn_package_args(std::move(a));
  } else if (c == "run" || c == "exec") {
    // `yarn build` runs the script, unless build is one of Yarn's own commands.
    a[0] = "run";
    if (a.size() > 1 && !is_yarn_command(a[1])) a.erase(a.begin());
  } else if (c == "init") {
    a = init_args(std::move(a));
  } else if (c == "version") {
    for (std::string& s : a)
      if (one_of(s, "major minor patch")) s = "--" + s;
  } else if (c == "rebuild" || c == "rb") {
    a[0] = "add";
    a.push_back("--force");
  } else if (c == "ln") {
    a[0] = "link";
  } else if (c == "t" || c == "tst") {
    a[0] = "test";
  } else if (!one_of(c, "test start stop login logout link publish cache outdated")) {
    return false;
  }
  return true;
}

// ---- pnpm
// ----------------------------------------------------------------------------------------

Args pnpm_package_args(Args a) {
  for (std::string& s : a) {
    if (s == "--save" || s == "-S") {
      s.clear();
    } else if (s == "--no-package-lock") {
      s = "--frozen-lockfile";
    }
  }
  return a;
}

// `pnpm rebuild --filter a b`: the packages named become one filter.
Args pnpm_filter_args(Args a) {
  std::string filter;
  Args kept{a[0]};
  for (std::size_t i = 1; i < a.size(); ++i) {
    if (is_flag(a[i])) {
      kept.push_back(a[i]);
    } else {
      filter.append(filter.empty() ? "" : " ").append(a[i]);
    }
  }
  if (filter.empty()) return a;
  kept.push_back("--filter");
  kept.push_back(filter);
  return kept;
}

bool to_pnpm(Args& a) {
  const std::string& c = a[0];
  if (one_of(c, "install i add")) {
    const auto packages =
        std::count_if(a.begin() + 1, a.end(), [](const std::string& s) { return !is_flag(s); });
    a[0] = packages > 0 ? "add" : "install";
    a = pnpm_package_args(std::move(a));
  } else if (one_of(c, "uninstall un remove r rm")) {
    a[0] = "remove";
    a = pnpm_package_args(std::move(a));
  } else if (c == "rebuild" || c == "rb") {
    a[0] = "rebuild";
    a = pnpm_filter_args(std::move(a));
  } else if (c == "unlink") {
    a = pnpm_filter_args(std::move(a));
  } else if (c == "init") {
    a = init_args(std::move(a));
  } else if (c == "ln") {
    a[0] = "link";
  } else if (c == "t" || c == "tst") {
    a[0] = "test";
  } else if (!one_of(c, "run exec test start link outdated")) {
    return false;
  }
  return true;
}

// One "npm <command>" (command: the text after "npm " up to "&" or the line's end, blanks
// trimmed), or empty when the manager has no counterpart.
std::string convert_one(std::string_view command, PackageManager to) {
  Args a = split_args(command);
  if (a.empty()) return {};
  const auto dashes = std::find(a.begin(), a.end(), "--");
  if (dashes != a.end()) a.erase(dashes);
  if (a.empty() || !(to == PackageManager::kYarn ? to_yarn(a) : to_pnpm(a))) return {};
  return (to == PackageManager::kYarn ? "yarn " : "pnpm ") + join(a);
}

// "pnpm x", "my-npm x" or "./npm x" are not npm commands.
bool word_char(char ch) {
  return is_ascii_alpha(ch) || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' || ch == '.' ||
         ch == '/' || ch == '@';
}

}  // namespace

std::string convert_npm_commands(std::string_view code, PackageManager to) {
  std::string out;
  out.reserve(code.size() + 16);
  bool unconverted = false;  // on this line: the comment goes at its end
  std::size_t i = 0;
  while (i < code.size()) {
    const char ch = code[i];
    if (ch == '\n') {
      if (unconverted) out.append(kNotConverted);
      unconverted = false;
    }
    const bool starts_npm = code.compare(i, 4, "npm ") == 0 && (i == 0 || !word_char(code[i - 1]));
    if (!starts_npm) {
      out.push_back(ch);
      ++i;
      continue;
    }
    std::size_t end = code.find_first_of("&\r\n", i);
    if (end == std::string_view::npos) end = code.size();
    std::size_t last = end;
    while (last > i + 4 && (code[last - 1] == ' ' || code[last - 1] == '\t')) --last;
    const std::string converted = convert_one(code.substr(i + 4, last - i - 4), to);
    if (converted.empty()) {
      out.append(code.substr(i, last - i));
      unconverted = true;
    } else {
      out.append(converted);
    }
    i = last;
  }
  if (unconverted) out.append(kNotConverted);
  return out;
}

}  // namespace foldmark::detail
