// report/json_writer.cpp: see json_writer.h.
#include "report/json_writer.h"

#include <charconv>
#include <cmath>

#include "core/utf8.h"

namespace cd::report {
namespace {

// JSON string escapes as nlohmann writes them with ensure_ascii off (RFC 8259
// section 7: quote, backslash and C0 controls must be escaped; nothing else).
void append_escaped_ascii(std::string& out, char c) {
  switch (c) {
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default:
      break;
  }
  if (static_cast<unsigned char>(c) < 0x20) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += "\\u00";
    out += kHex[(c >> 4) & 0xF];
    out += kHex[c & 0xF];
    return;
  }
  out += c;
}

}  // namespace

void JsonWriter::newline_indent() {
  out_ += '\n';
  out_.append(2 * stack_.size(), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  if (stack_.back().count++ > 0) out_ += ',';
  newline_indent();
}

void JsonWriter::open(char c) {
  before_value();
  out_ += c;
  stack_.push_back({c == '{', 0});
}

void JsonWriter::close(char c) {
  const bool empty = stack_.back().count == 0;
  stack_.pop_back();
  if (!empty) newline_indent();
  out_ += c;
}

void JsonWriter::begin_object() { open('{'); }
void JsonWriter::end_object() { close('}'); }
void JsonWriter::begin_array() { open('['); }
void JsonWriter::end_array() { close(']'); }

void JsonWriter::key(std::string_view k) {
  before_value();
  append_string(k);
  out_ += ": ";
  after_key_ = true;
}

void JsonWriter::string(std::string_view utf8) {
  before_value();
  append_string(utf8);
}

void JsonWriter::append_string(std::string_view utf8) {
  if (!is_valid_utf8(utf8)) {
    // Metadata from an odd header: repaired as ingest repairs text.
    append_string(encode_utf8(to_u32(utf8)));
    return;
  }
  out_ += '"';
  for (char c : utf8) {
    if (static_cast<unsigned char>(c) < 0x80) {
      append_escaped_ascii(out_, c);
    } else {
      out_ += c;
    }
  }
  out_ += '"';
}

void JsonWriter::text(std::u32string_view text) {
  before_value();
  out_ += '"';
  std::size_t i = 0;
  while (i < text.size()) {
    // A run of printable ASCII that needs no escape is copied in one go
    // (most of a treaty); anything else goes one code point at a time.
    std::size_t j = i;
    while (j < text.size() && text[j] >= 0x20 && text[j] < 0x80 && text[j] != U'"' &&
           text[j] != U'\\')
      ++j;
    if (j > i) {
      const std::size_t at = out_.size();
      out_.resize(at + (j - i));
      char* dst = out_.data() + at;
      for (std::size_t k = i; k < j; ++k) *dst++ = static_cast<char>(text[k]);
      i = j;
      continue;
    }
    const char32_t c = text[i++];
    if (c < 0x80) {
      append_escaped_ascii(out_, static_cast<char>(c));
    } else {
      append_utf8(out_, c);
    }
  }
  out_ += '"';
}

void JsonWriter::number(uint64_t v) {
  before_value();
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
}

void JsonWriter::number(int64_t v) {
  before_value();
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
}

void JsonWriter::number(double v) {
  if (!std::isfinite(v)) {
    null();
    return;
  }
  before_value();
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  const std::string_view s(buf, static_cast<std::size_t>(r.ptr - buf));
  out_ += s;
  // nlohmann marks a whole double as a float ("1.0", not "1").
  if (s.find_first_of(".e") == std::string_view::npos) out_ += ".0";
}

void JsonWriter::boolean(bool v) {
  before_value();
  out_ += v ? "true" : "false";
}

void JsonWriter::null() {
  before_value();
  out_ += "null";
}

void JsonWriter::string_or_null(std::string_view utf8) {
  if (utf8.empty()) {
    null();
  } else {
    string(utf8);
  }
}

}  // namespace cd::report
