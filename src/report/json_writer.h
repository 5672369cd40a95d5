// report/json_writer.h: a streaming JSON writer for the large outputs.
//
// Building a DOM (nlohmann::json) for `diff --format json` of a 10 MB draft
// costs a node per op and a string copy per text, about as much time as the
// diff itself. This writer appends straight to a std::string, takes text as
// canonical UTF-32 spans (encoded and escaped in one pass), and produces
// byte for byte what nlohmann's dump(2) produces (two-space indent, "key":
// value, empty containers as [] and {}, lowercase \u00xx escapes, doubles in
// shortest round-trip form with ".0" on whole numbers), so that renderers
// can move to it one at a time without changing the contract.
// What it does not do: check that keys and values alternate (a misuse is a
// bug, caught by the golden and JSON Schema tests), or write NaN (as null).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cd::report {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view k);

  void string(std::string_view utf8);   // invalid UTF-8 becomes U+FFFD
  void text(std::u32string_view text);  // code points, encoded as UTF-8
  void number(uint64_t v);
  void number(int64_t v);
  void number(double v);
  void boolean(bool v);
  void null();
  // A string or null when empty, as the contract writes absent metadata.
  void string_or_null(std::string_view utf8);

 private:
  void before_value();
  void append_string(std::string_view utf8);
  void open(char c);
  void close(char c);
  void newline_indent();

  struct Level {
    bool object = false;
    std::size_t count = 0;
  };
  std::string& out_;
  std::vector<Level> stack_;
  bool after_key_ = false;
};

}  // namespace cd::report
