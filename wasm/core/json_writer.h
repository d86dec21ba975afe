// A minimal streaming JSON writer: commas, quoting and script-safe escaping in one place.
#ifndef FOLDMARK_CORE_JSON_WRITER_H
#define FOLDMARK_CORE_JSON_WRITER_H

#include <string>
#include <string_view>

namespace foldmark::detail {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& string(std::string_view s);
  JsonWriter& number(long long n);
  JsonWriter& boolean(bool b);
  JsonWriter& null();
  // Already-serialised JSON (for example the front matter object).
  JsonWriter& raw(std::string_view json);

 private:
  void separate();
  std::string& out_;
  bool need_comma_ = false;
};

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_JSON_WRITER_H
