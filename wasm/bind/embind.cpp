// The only Emscripten-aware C++ file: exposes the core to JavaScript over one input and one
// output buffer, so strings cross as UTF-8 bytes (TextEncoder/TextDecoder) with no per-char work.
#include <emscripten/bind.h>

#include <cstdint>
#include <string>

#include "foldmark/foldmark.h"

namespace {

// Bits of the flags argument; web/foldmark.js mirrors them.
constexpr unsigned kAllowRawHtml = 1u << 0;
constexpr unsigned kGfm = 1u << 1;
constexpr unsigned kHeadingIds = 1u << 2;
constexpr unsigned kCollapseShift = 3;  // two bits: 0 sections, 1 questions, 2 none

constexpr std::size_t kKeepCapacity = 4u << 20;

std::string g_input;
std::string g_output;

foldmark::Options decode_options(unsigned flags, const std::string& id_prefix) {
  foldmark::Options o;
  o.allow_raw_html = (flags & kAllowRawHtml) != 0;
  o.gfm = (flags & kGfm) != 0;
  o.heading_ids = (flags & kHeadingIds) != 0;
  const unsigned collapse = (flags >> kCollapseShift) & 3u;
  o.collapse = collapse == 1   ? foldmark::Collapse::kQuestions
               : collapse == 2 ? foldmark::Collapse::kNone
                               : foldmark::Collapse::kSections;
  o.id_prefix = id_prefix;
  return o;
}

// A writable buffer of n bytes for the next call's input; JS encodes straight into it.
std::uintptr_t input_buffer(std::size_t n) {
  g_output.clear();
  g_input.resize(n);
  return reinterpret_cast<std::uintptr_t>(g_input.data());
}

int finish(foldmark::ErrorCode error, std::string message, std::string result) {
  g_output = error == foldmark::ErrorCode::kNone ? std::move(result) : std::move(message);
  return static_cast<int>(error);
}

int to_html(std::size_t size, unsigned flags, const std::string& id_prefix) {
  g_input.resize(size);
  foldmark::HtmlResult r = foldmark::to_html(g_input, decode_options(flags, id_prefix));
  return finish(r.error, std::move(r.error_message), std::move(r.html));
}

int render(std::size_t size, unsigned flags, const std::string& id_prefix) {
  g_input.resize(size);
  foldmark::Article a = foldmark::render(g_input, decode_options(flags, id_prefix));
  std::string json = a.error == foldmark::ErrorCode::kNone ? foldmark::article_to_json(a) : "";
  return finish(a.error, std::move(a.error_message), std::move(json));
}

std::uintptr_t output_data() {
  return reinterpret_cast<std::uintptr_t>(g_output.data());
}
std::size_t output_size() {
  return g_output.size();
}

// Called once JS has decoded the output: a large call must not pin its buffers for good.
void release() {
  if (g_input.capacity() > kKeepCapacity) std::string().swap(g_input);
  if (g_output.capacity() > kKeepCapacity) std::string().swap(g_output);
}

std::string version() {
  return std::string(foldmark::kVersion) + " " + foldmark::kMd4cVersion;
}

}  // namespace

EMSCRIPTEN_BINDINGS(foldmark) {
  emscripten::function("inputBuffer", &input_buffer);
  emscripten::function("toHtml", &to_html);
  emscripten::function("render", &render);
  emscripten::function("outputData", &output_data);
  emscripten::function("outputSize", &output_size);
  emscripten::function("release", &release);
  emscripten::function("version", &version);
}
