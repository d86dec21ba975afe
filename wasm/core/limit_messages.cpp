// The messages of the limit errors, in one place for every caller.
#include "limit_messages.h"

#include "foldmark/foldmark.h"

namespace foldmark::detail {

std::string input_size_message(std::size_t size) {
  return "input is " + std::to_string(size) + " bytes; the maximum is " +
         std::to_string(kMaxInputBytes);
}

std::string container_work_message(std::size_t line) {
  return "containers nested too deeply for the input's length (line " + std::to_string(line) + ")";
}

std::string output_budget_message(std::size_t budget) {
  return "output would exceed " + std::to_string(budget) +
         " bytes (the output budget for this input)";
}

}  // namespace foldmark::detail
