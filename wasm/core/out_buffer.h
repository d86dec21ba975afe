// An append-only output buffer with a hard byte budget, shared by every writer of one render call.
#ifndef FOLDMARK_CORE_OUT_BUFFER_H
#define FOLDMARK_CORE_OUT_BUFFER_H

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

// Out of line even where the optimizer would copy it into every caller (cold or rarely hot
// code reached from many call sites); and whether a value is known at compile time (after
// inlining), to choose a call site's code by it.
#if defined(__GNUC__)
#define FOLDMARK_NOINLINE __attribute__((noinline))
#define FOLDMARK_KNOWN_CONSTANT(x) __builtin_constant_p(x)
#else
#define FOLDMARK_NOINLINE
#define FOLDMARK_KNOWN_CONSTANT(x) true
#endif

namespace foldmark::detail {

// Grows s to n bytes without zero-filling the new ones where the library allows it (libc++'s
// __resize_default_init, the wasm build's), else with resize: OutBuffer writes every byte before
// it counts it as output, and the fill cost 4-6 % of a render.
template <typename S>
auto grow_uninitialized(S& s, std::size_t n, int) -> decltype(s.__resize_default_init(n)) {
  return s.__resize_default_init(n);
}
template <typename S>
void grow_uninitialized(S& s, std::size_t n, long) {
  s.resize(n);
}

// memcpy for the short runs between escapes (to and from never overlap): Emscripten's memcpy
// copies unaligned data a byte at a time below 512 bytes, while unaligned 8-, 4- and 2-byte loads
// and stores are cheap in wasm. A length that is no multiple of the piece ends with one more
// piece that overlaps the one before, instead of a byte loop.
template <std::size_t kBytes>
void copy_piece(char* to, const char* from) {
  char piece[kBytes];
  std::memcpy(piece, from, kBytes);
  std::memcpy(to, piece, kBytes);
}
inline void copy_bytes(char* to, const char* from, std::size_t n) {
  if (n >= 256) {
    std::memcpy(to, from, n);
  } else if (n >= 8) {
    for (; n > 8; n -= 8, to += 8, from += 8) copy_piece<8>(to, from);
    copy_piece<8>(to + n - 8, from + n - 8);
  } else if (n >= 4) {
    copy_piece<4>(to, from);
    copy_piece<4>(to + n - 4, from + n - 4);
  } else if (n >= 2) {
    copy_piece<2>(to, from);
    copy_piece<2>(to + n - 2, from + n - 2);
  } else if (n == 1) {
    *to = *from;
  }
}

// Most appends are short tag literals. std::string::append is an out-of-line call that ends in
// another call to memmove (in wasm a byte loop); here the fast path is inline, so a literal's
// copy compiles to a few stores. The string's whole length is writable storage: size_ says how
// much of it is output, and the capacity never passes the budget, so one comparison checks both.
// The storage's address and length are kept beside it: reading them from the string itself
// costs a short-string branch at every inlined append.
class OutBuffer {
 public:
  explicit OutBuffer(std::size_t budget) : budget_(budget) {}
  // data_ may point into storage_ itself (a short string): never copied or moved.
  OutBuffer(const OutBuffer&) = delete;
  OutBuffer& operator=(const OutBuffer&) = delete;

  // Appends unless that would pass the budget; after the first refusal every append is refused
  // and exhausted() stays true, so callers can check once per md4c callback. A literal's copy
  // is inlined (a few stores); text of any other length takes one out-of-line copy instead of a
  // copy loop at every call site.
  void append(std::string_view s) {
    if (FOLDMARK_KNOWN_CONSTANT(s.size())) {
      append_inline(s);
    } else {
      append_any(s.data(), s.size());
    }
  }
  void push(char c) {
    if (size_ == capacity_ && !make_room(1)) return;
    data_[size_++] = c;
  }
  void insert(std::size_t pos, std::string_view s) {
    if (s.size() > capacity_ - size_ && !make_room(s.size())) return;
    std::memmove(data_ + pos + s.size(), data_ + pos, size_ - pos);
    std::memcpy(data_ + pos, s.data(), s.size());
    size_ += s.size();
  }
  // Room to write up to n bytes directly, or nullptr when that could pass the budget (the
  // caller then takes the checked path); commit() says where the writing ended.
  char* claim(std::size_t n) {
    if (n > capacity_ - size_) {
      if (exhausted_ || n > budget_ - size_) return nullptr;
      make_room(n);
    }
    return data_ + size_;
  }
  void commit(const char* end) { size_ = static_cast<std::size_t>(end - data_); }

  void reserve(std::size_t n) {
    if (n > capacity_) {
      grow_uninitialized(storage_, n < budget_ ? n : budget_, 0);
      sync();
    }
  }

  // Drops the bytes from n on (n <= size()).
  void truncate(std::size_t n) { size_ = n < size_ ? n : size_; }
  const char* data() const { return data_; }

  bool exhausted() const { return exhausted_; }
  std::size_t size() const { return size_; }
  // What the budget still allows: 0 once exhausted.
  std::size_t room() const { return exhausted_ ? 0 : budget_ - size_; }
  std::string take() {
    storage_.resize(size_);
    size_ = 0;
    std::string out = std::move(storage_);
    storage_.clear();
    sync();
    return out;
  }

 private:
  void append_inline(std::string_view s) {
    if (s.size() > capacity_ - size_ && !make_room(s.size())) return;
    copy_bytes(data_ + size_, s.data(), s.size());
    size_ += s.size();
  }
  // Two scalars, not a string_view: wasm's C ABI passes a struct argument through memory.
  FOLDMARK_NOINLINE void append_any(const char* data, std::size_t size) {
    append_inline(std::string_view(data, size));
  }

  void sync() {
    data_ = storage_.data();
    capacity_ = storage_.size();
  }

  // Grows the storage (at least doubling) for n more bytes; false once the budget is passed.
  // Out of line: every append site would otherwise carry its own copy of the growth code.
  FOLDMARK_NOINLINE bool make_room(std::size_t n) {
    if (exhausted_ || n > budget_ - size_) {
      exhausted_ = true;
      storage_.resize(size_);  // no room left: every later append comes here and is refused
      sync();
      return false;
    }
    std::size_t grown = storage_.size() * 2;
    if (grown < size_ + n) grown = size_ + n;
    storage_.resize(size_);  // only the output moves to the new storage
    grow_uninitialized(storage_, grown < budget_ ? grown : budget_, 0);
    sync();
    return true;
  }

  std::string storage_;
  char* data_ = storage_.data();
  std::size_t capacity_ = 0;
  std::size_t size_ = 0;
  std::size_t budget_;
  bool exhausted_ = false;
};

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_OUT_BUFFER_H
