// tests/test_util.h: small helpers shared by the doctest programs.
#pragma once

#include <string>

#include "core/fs.h"

namespace cd::testing {

// Path of a file in the repository (tests run with the repository as cwd,
// but CLAUSEDIFF_SOURCE_DIR makes them work from anywhere).
inline std::string repo_path(const std::string& rel) {
  return std::string(CLAUSEDIFF_SOURCE_DIR) + "/" + rel;
}

inline std::string read_repo_file(const std::string& rel) {
  auto r = read_file(repo_path(rel));
  return r.ok() ? r.value() : std::string();
}

}  // namespace cd::testing
