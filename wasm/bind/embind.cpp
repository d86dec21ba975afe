// The only Emscripten-aware C++ file: exposes the core to JavaScript over one input buffer and
// numbered output slots, so strings cross as bytes (TextEncoder in, a decoder out) with no
// per-character work in the glue.
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "contract.inc"
#include "foldmark/foldmark.h"
#include "out_buffer.h"
#include "utf8.h"

namespace {

// Flag bits, output slots and the capacity kept between calls: wasm/contract.json, generated.
namespace contract = foldmark::contract;
constexpr int kMain = contract::kSlotMain;  // toHtml's HTML, render's other fields, or an error
constexpr int kSlots = contract::kSlots;
constexpr std::size_t kKeepCapacity = contract::kKeepCapacityBytes;

std::string g_input;
std::string g_output[kSlots];

// The UTF-16 copy of an output slot. A plain array, not a u16string: growing a string zero-fills
// the new units (2-3 % of a large toHtml), and every unit is written before JS reads it.
struct Utf16Buffer {
  std::unique_ptr<char16_t[]> units;
  std::size_t capacity = 0;
  char16_t* room(std::size_t n) {
    if (n > capacity) {
      units.reset(new char16_t[n]);
      capacity = n;
    }
    return units.get();
  }
  void shrink(std::size_t keep) {
    if (capacity <= keep) return;
    units.reset();
    capacity = 0;
  }
};
Utf16Buffer g_utf16;

// Set only when it changes (JS caches it): a string argument on every call would cost a malloc,
// a copy and a free each time.
std::string g_id_prefix;

void set_id_prefix(const std::string& prefix) {
  g_id_prefix = prefix;
}

foldmark::Options decode_options(unsigned flags) {
  foldmark::Options o;
  o.raw_html = (flags & contract::kFlagAllowRawHtml) != 0  ? foldmark::RawHtml::kTrusted
               : (flags & contract::kFlagRawHtmlSafe) != 0 ? foldmark::RawHtml::kSafe
                                                           : foldmark::RawHtml::kText;
  o.gfm = (flags & contract::kFlagGfm) != 0;
  o.heading_ids = (flags & contract::kFlagHeadingIds) != 0;
  o.mdx = (flags & contract::kFlagMdx) != 0;
  o.math = (flags & contract::kFlagMath) != 0;
  const unsigned collapse = (flags >> contract::kFlagCollapseShift) & 3u;
  o.collapse = collapse == 1   ? foldmark::Collapse::kQuestions
               : collapse == 2 ? foldmark::Collapse::kNone
                               : foldmark::Collapse::kSections;
  o.id_prefix = g_id_prefix;
  o.json_ld = (flags & contract::kFlagJsonLd) != 0;
  o.code_slots = (flags & contract::kFlagCodeSlots) != 0;
  o.input_is_valid_utf8 = (flags & contract::kFlagValidUtf8) != 0;
  return o;
}

// Where JS reads the last call's outputs without one call per field (each Embind call costs a
// few hundred nanoseconds, a tenth of a small article's time): every slot's size and address,
// then the UTF-16 buffer's address. Written after every entry point below.
std::uint32_t g_record[2 * kSlots + 1];

std::uint32_t address(const void* p) {
  return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(p));
}

void publish() {
  for (int n = 0; n < kSlots; ++n) {
    g_record[2 * n] = static_cast<std::uint32_t>(g_output[n].size());
    g_record[2 * n + 1] = address(g_output[n].data());
  }
  g_record[2 * kSlots] = address(g_utf16.units.get());
}

std::uintptr_t record_address() {
  return reinterpret_cast<std::uintptr_t>(g_record);
}

// A writable buffer of at least n bytes for the next call's input; JS encodes straight into it
// and asks again only for a larger one (or after release()). Growing it leaves the new bytes
// unfilled: JS writes them all.
std::uintptr_t input_buffer(std::size_t n) {
  if (g_input.size() < n) foldmark::detail::grow_uninitialized(g_input, n, 0);
  return reinterpret_cast<std::uintptr_t>(g_input.data());
}

std::string_view input(std::size_t size) {
  return std::string_view(g_input.data(), size < g_input.size() ? size : g_input.size());
}

int fail(foldmark::ErrorCode error, std::string message) {
  g_output[kMain] = std::move(message);
  publish();
  return static_cast<int>(error);
}

int to_html(std::size_t size, unsigned flags) {
  for (std::string& s : g_output) s.clear();
  foldmark::HtmlResult r = foldmark::to_html(input(size), decode_options(flags));
  if (r.error != foldmark::ErrorCode::kNone) return fail(r.error, std::move(r.error_message));
  g_output[kMain] = std::move(r.html);
  g_output[contract::kSlotCode] = std::move(r.code_json);
  publish();
  return 0;
}

int render(std::size_t size, unsigned flags) {
  for (std::string& s : g_output) s.clear();
  foldmark::Article a = foldmark::render(input(size), decode_options(flags));
  if (a.error != foldmark::ErrorCode::kNone) return fail(a.error, std::move(a.error_message));
  g_output[kMain] = foldmark::article_fields_json(a);
  g_output[contract::kSlotHtml] = std::move(a.html);
  g_output[contract::kSlotJsonLd] = std::move(a.json_ld);
  g_output[contract::kSlotCode] = std::move(a.code_json);
  publish();
  return 0;
}

const std::string& slot(int n) {
  return g_output[n >= 0 && n < kSlots ? n : kMain];
}

// The slot as UTF-16 for hosts whose UTF-8 decoder is slow (Node): its length in code units, or
// -1 when the slot is ASCII and can be read as Latin-1 directly. The UTF-16 buffer only grows
// (release() trims it).
long output_to_utf16(int n) {
  const std::string& s = slot(n);
  if (foldmark::detail::ascii_prefix(s) == s.size()) return -1;
  const std::size_t units = foldmark::detail::utf8_to_utf16(s, g_utf16.room(s.size()));
  publish();
  return static_cast<long>(units);
}

// Called once JS has decoded the outputs of a call with large buffers (JS checks the sizes): a
// large call must not pin them for good.
void release() {
  auto shrink = [](auto& s) {
    if (s.capacity() > kKeepCapacity) std::decay_t<decltype(s)>().swap(s);
  };
  shrink(g_input);
  g_utf16.shrink(kKeepCapacity / 2);
  for (std::string& s : g_output) shrink(s);
  publish();
}

std::string version() {
  return std::string(foldmark::kVersion) + " " + foldmark::kMd4cVersion;
}

}  // namespace

// Embind's own registration (bind.cpp in its native library) declares every builtin type and
// memory view, which brings their JS marshalling, RTTI and printf into the module. wasm.cmake
// links Embind's JS libraries without that file, and these two take its place for the types the
// functions below use (the JS side tells signed from unsigned by the name, as Embind names them).
extern "C" {

EMSCRIPTEN_KEEPALIVE __attribute__((constructor)) void
__embind_register_native_and_builtin_types() {
  using emscripten::internal::_embind_register_integer;
  using emscripten::internal::TypeID;
  emscripten::internal::_embind_register_void(TypeID<void>::get(), "void");
  _embind_register_integer(TypeID<int>::get(), "int", sizeof(int), INT32_MIN, INT32_MAX);
  _embind_register_integer(TypeID<unsigned>::get(), "unsigned int", sizeof(unsigned), 0,
                           UINT32_MAX);
  _embind_register_integer(TypeID<long>::get(), "long", sizeof(long), INT32_MIN, INT32_MAX);
  _embind_register_integer(TypeID<unsigned long>::get(), "unsigned long", sizeof(unsigned long), 0,
                           UINT32_MAX);
  emscripten::internal::_embind_register_std_string(TypeID<std::string>::get(), "std::string");
}

// What Embind's errors call a type nobody registered (it frees the string): its id in hex.
EMSCRIPTEN_KEEPALIVE const char* __getTypeName(const void* type) {
  const auto id = static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(type));
  char* const name = static_cast<char*>(std::malloc(11));
  if (name == nullptr) return nullptr;
  name[0] = '0';
  name[1] = 'x';
  for (int i = 0; i < 8; ++i) name[2 + i] = "0123456789abcdef"[(id >> (28 - 4 * i)) & 15u];
  name[10] = '\0';
  return name;
}

}  // extern "C"

EMSCRIPTEN_BINDINGS(foldmark) {
  emscripten::function("inputBuffer", &input_buffer);
  emscripten::function("setIdPrefix", &set_id_prefix);
  emscripten::function("toHtml", &to_html);
  emscripten::function("render", &render);
  emscripten::function("recordAddress", &record_address);
  emscripten::function("outputToUtf16", &output_to_utf16);
  emscripten::function("release", &release);
  emscripten::function("version", &version);
}
