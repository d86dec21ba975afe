// The messages of the limit errors (ErrorCode::kLimit): cold code, built for size, so the
// number-to-text and concatenation they need is not copied into the render paths that check.
#ifndef FOLDMARK_CORE_LIMIT_MESSAGES_H
#define FOLDMARK_CORE_LIMIT_MESSAGES_H

#include <cstddef>
#include <string>

#include "out_buffer.h"

namespace foldmark::detail {

FOLDMARK_NOINLINE std::string input_size_message(std::size_t size);
// line: in the whole file.
FOLDMARK_NOINLINE std::string container_work_message(std::size_t line);
FOLDMARK_NOINLINE std::string output_budget_message(std::size_t budget);

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_LIMIT_MESSAGES_H
