// Strings go through escape_json; JSON bound for a <script> element is written script-safe.
#include "json_writer.h"

#include "escape.h"

namespace foldmark::detail {

void JsonWriter::separate() {
  if (need_comma_) out_.push_back(',');
  need_comma_ = true;
}

JsonWriter& JsonWriter::open(char bracket) {
  separate();
  out_.push_back(bracket);
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  out_.push_back(bracket);
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::begin_object() {
  return open('{');
}
JsonWriter& JsonWriter::end_object() {
  return close('}');
}
JsonWriter& JsonWriter::begin_array() {
  return open('[');
}
JsonWriter& JsonWriter::end_array() {
  return close(']');
}

JsonWriter& JsonWriter::key(std::string_view k) {
  separate();
  out_.push_back('"');
  escape_json(out_, k, script_safe_);
  out_.append("\":");
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view s) {
  separate();
  out_.push_back('"');
  escape_json(out_, s, script_safe_);
  out_.push_back('"');
  return *this;
}

JsonWriter& JsonWriter::number(long long n) {
  separate();
  out_.append(std::to_string(n));
  return *this;
}

JsonWriter& JsonWriter::boolean(bool b) {
  separate();
  out_.append(b ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::null() {
  separate();
  out_.append("null");
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  separate();
  out_.append(json.data(), json.size());
  return *this;
}

}  // namespace foldmark::detail
