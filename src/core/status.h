// core/status.h: expected failures as values.
//
// A Status says whether an operation worked and, if not, what went wrong and
// where (file, line, column, all optional). Result<T> carries either a value or
// a failing Status. Code that can fail on bad *input* returns one of these;
// exceptions are reserved for bugs (broken invariants). The CLI turns a failing
// Status into the one-line message `clausediff: PATH:LINE:COL: error: WHAT` and
// exit status 2 (see docs/CLI.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace cd {

enum class ErrorCode {
  ok = 0,
  usage,          // bad command line
  io,             // cannot read or write a file
  invalid_input,  // the input is not what the format promises
  limit,          // a documented size or time bound was hit
  internal,       // a bug: should never reach the user
};

struct Status {
  ErrorCode code = ErrorCode::ok;
  std::string message;  // what was wrong, one sentence, no trailing period needed
  std::string path;     // file the problem is in, if any
  uint32_t line = 0;    // 1-based; 0 = not applicable
  uint32_t column = 0;  // 1-based, in code points; 0 = not applicable
  std::string hint;     // what the user can do about it (optional)

  bool ok() const { return code == ErrorCode::ok; }
  static Status success() { return {}; }
  static Status error(ErrorCode code, std::string message, std::string path = {}, uint32_t line = 0,
                      uint32_t column = 0) {
    Status s;
    s.code = code;
    s.message = std::move(message);
    s.path = std::move(path);
    s.line = line;
    s.column = column;
    return s;
  }
  Status& with_hint(std::string h) {
    hint = std::move(h);
    return *this;
  }
  // "PATH:LINE:COL: error: MESSAGE" with the parts that apply.
  std::string to_string() const;
};

// Either a T or a failing Status. Deliberately tiny: value() on an error is a bug.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT: implicit by design
  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T* operator->() const { return &std::get<T>(v_); }
  T* operator->() { return &std::get<T>(v_); }
  const T& operator*() const { return value(); }
  T& operator*() { return value(); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }

 private:
  std::variant<T, Status> v_;
};

}  // namespace cd
