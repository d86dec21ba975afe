// An append-only output buffer with a hard byte budget, shared by every writer of one render call.
#ifndef FOLDMARK_CORE_OUT_BUFFER_H
#define FOLDMARK_CORE_OUT_BUFFER_H

#include <cstddef>
#include <string>
#include <string_view>

namespace foldmark::detail {

class OutBuffer {
 public:
  explicit OutBuffer(std::size_t budget) : budget_(budget) {}

  // Appends unless that would pass the budget; after the first refusal every append is refused
  // and exhausted() stays true, so callers can check once per md4c callback.
  void append(std::string_view s) {
    if (exhausted_ || s.size() > budget_ - text_.size()) {
      exhausted_ = true;
      return;
    }
    text_.append(s.data(), s.size());
  }
  void push(char c) { append(std::string_view(&c, 1)); }
  void insert(std::size_t pos, std::string_view s) {
    if (exhausted_ || s.size() > budget_ - text_.size()) {
      exhausted_ = true;
      return;
    }
    text_.insert(pos, s.data(), s.size());
  }
  void reserve(std::size_t n) { text_.reserve(n < budget_ ? n : budget_); }

  bool exhausted() const { return exhausted_; }
  std::size_t size() const { return text_.size(); }
  const std::string& str() const { return text_; }
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
  std::size_t budget_;
  bool exhausted_ = false;
};

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_OUT_BUFFER_H
