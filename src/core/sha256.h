// core/sha256.h: SHA-256 (FIPS 180-4), used to identify document versions.
// Std-only so that annotation files can name the exact text they were made on.
#pragma once

#include <string>
#include <string_view>

namespace cd {

// Lower-case hex digest of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace cd
