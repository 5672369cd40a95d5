// core/sha256.h: SHA-256 (FIPS 180-4), used to identify document versions,
// so that annotation files can name the exact text they were made on.
// Computed by OpenSSL's libcrypto (hardware SHA where the CPU has it).
#pragma once

#include <string>
#include <string_view>

namespace cd {

// Lower-case hex digest of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace cd
