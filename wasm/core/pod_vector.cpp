// PodVector's growth, shared by every element type.
#include "pod_vector.h"

#include <cstdlib>
#include <cstring>

#include "out_buffer.h"

namespace foldmark::detail {

// Out of line even under LTO: one copy serves every push_back site.
FOLDMARK_NOINLINE void* pod_grow(void* data, std::size_t elem_size, std::size_t need,
                                 std::size_t& capacity) {
  std::size_t grown = capacity * 2;
  if (grown < need) grown = need;
  if (grown < 4) grown = 4;
  if (grown > static_cast<std::size_t>(-1) / elem_size) std::abort();
  void* const more = std::realloc(data, grown * elem_size);
  if (more == nullptr) std::abort();
  capacity = grown;
  return more;
}

FOLDMARK_NOINLINE void* pod_copy(const void* data, std::size_t bytes) {
  if (bytes == 0) return nullptr;
  void* const copy = std::malloc(bytes);
  if (copy == nullptr) std::abort();
  std::memcpy(copy, data, bytes);
  return copy;
}

void pod_free(void* data) {
  std::free(data);
}

}  // namespace foldmark::detail
