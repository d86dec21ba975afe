// A growable array of trivially copyable elements whose growth is one shared out-of-line routine.
#ifndef FOLDMARK_CORE_POD_VECTOR_H
#define FOLDMARK_CORE_POD_VECTOR_H

#include <cstddef>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <type_traits>
#include <utility>
#include <vector>

#include "out_buffer.h"

namespace foldmark::detail {

// The storage at data (capacity elements of elem_size bytes, size of them in use) grown to hold
// at least need elements; capacity is updated. Aborts when memory runs out, as std::vector does
// without exceptions. One function for every element type: std::vector's growth path is a
// template that -O3 copies into each push_back site, about 300 bytes of wasm each.
void* pod_grow(void* data, std::size_t elem_size, std::size_t need, std::size_t& capacity);
void* pod_copy(const void* data, std::size_t bytes);
void pod_free(void* data);

// The subset of std::vector the core uses, for element types that memcpy may move.
template <typename T>
class PodVector {
  static_assert(std::is_trivially_copyable_v<T>, "PodVector moves its elements with memcpy");

 public:
  PodVector() = default;
  PodVector(std::size_t n, const T& value) { assign(n, value); }
  PodVector(std::initializer_list<T> values) {
    reserve(values.size());
    for (const T& v : values) data_[size_++] = v;
  }
  PodVector(const PodVector& o)
      : data_(static_cast<T*>(pod_copy(o.data_, o.size_ * sizeof(T)))),
        size_(o.size_),
        capacity_(o.size_) {}
  PodVector(PodVector&& o) noexcept : data_(o.data_), size_(o.size_), capacity_(o.capacity_) {
    o.data_ = nullptr;
    o.size_ = o.capacity_ = 0;
  }
  PodVector& operator=(PodVector o) noexcept {
    std::swap(data_, o.data_);
    std::swap(size_, o.size_);
    std::swap(capacity_, o.capacity_);
    return *this;
  }
  ~PodVector() { pod_free(data_); }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T* data() { return data_; }
  const T* data() const { return data_; }
  T* begin() { return data_; }
  T* end() { return data_ + size_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  std::reverse_iterator<T*> rbegin() { return std::reverse_iterator<T*>(end()); }
  std::reverse_iterator<T*> rend() { return std::reverse_iterator<T*>(begin()); }
  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }
  T& front() { return data_[0]; }
  const T& front() const { return data_[0]; }
  T& back() { return data_[size_ - 1]; }
  const T& back() const { return data_[size_ - 1]; }

  // The value is copied first: it may be one of this vector's own elements.
  void push_back(const T& value) {
    const T copy = value;
    if (size_ == capacity_) grow(size_ + 1);
    data_[size_++] = copy;
  }
  template <typename... Args>
  T& emplace_back(Args&&... args) {
    const T value{std::forward<Args>(args)...};
    if (size_ == capacity_) grow(size_ + 1);
    data_[size_] = value;
    return data_[size_++];
  }
  void pop_back() { --size_; }
  void clear() { size_ = 0; }
  void reserve(std::size_t n) {
    if (n > capacity_) grow(n);
  }
  void resize(std::size_t n, const T& value = T()) {
    reserve(n);
    for (std::size_t i = size_; i < n; ++i) data_[i] = value;
    size_ = n;
  }
  void assign(std::size_t n, const T& value) {
    size_ = 0;
    resize(n, value);
  }
  // n copies of value before pos.
  void insert(const T* pos, std::size_t n, const T& value) {
    const std::size_t at = static_cast<std::size_t>(pos - data_);
    const T copy = value;
    reserve(size_ + n);
    std::memmove(data_ + at + n, data_ + at, (size_ - at) * sizeof(T));
    for (std::size_t i = at; i < at + n; ++i) data_[i] = copy;
    size_ += n;
  }
  // Only the tail: [first, end()).
  void erase_to_end(T* first) { size_ = static_cast<std::size_t>(first - data_); }

 private:
  void grow(std::size_t need) {
    data_ = static_cast<T*>(pod_grow(data_, sizeof(T), need, capacity_));
  }

  T* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

// v.push_back(value) as one out-of-line function per element type, for std::vectors of types
// PodVector cannot hold (strings inside) that are appended to from several places: -O3 would
// copy push_back's growth path into each of them.
template <typename T>
FOLDMARK_NOINLINE void push_back_out_of_line(std::vector<T>& v,
                                             typename std::vector<T>::value_type&& value) {
  v.push_back(std::move(value));
}

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_POD_VECTOR_H
