// A minimal streaming JSON writer: commas, quoting and script-safe escaping in one place.
#ifndef FOLDMARK_CORE_JSON_WRITER_H
#define FOLDMARK_CORE_JSON_WRITER_H

#include <string>
#include <string_view>

namespace foldmark::detail {

class JsonWriter {
 public:
  // script_safe: strings are also safe inside <script> (see escape_json).
  JsonWriter(std::string& out, bool script_safe) : out_(out), script_safe_(script_safe) {}

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
  JsonWriter& open(char bracket);  // an object or array begins after a comma if one is due
  JsonWriter& close(char bracket);
  std::string& out_;
  bool script_safe_;
  bool need_comma_ = false;
};

}  // namespace foldmark::detail

#endif  // FOLDMARK_CORE_JSON_WRITER_H
