// core/utf8.h: UTF-8 <-> UTF-32 without any third-party library.
//
// Decoding is strict (RFC 3629): overlong forms, surrogates, code points above
// U+10FFFF and truncated sequences are invalid. Invalid bytes are never fatal:
// each maximal invalid subpart becomes U+FFFD (the "substitution of maximal
// subparts" practice of Unicode ch. 3) and is reported with its byte offset, so
// the caller can warn with a line and column. ICU-level work (normalization,
// segmentation) lives in src/text; this file is deliberately std-only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cd {

struct Utf8Decoded {
  std::u32string text;
  std::vector<uint32_t> byte_offset;  // byte_offset[i] = source byte of text[i]; size text.size()+1
  std::vector<uint32_t> invalid_at;   // byte offsets of repaired sequences
};

// Decodes `bytes`, repairing invalid sequences with U+FFFD. `base` is added to
// every recorded byte offset (for decoding a slice of a larger buffer).
Utf8Decoded decode_utf8(std::string_view bytes, uint32_t base = 0);

// Encodes code points; lone surrogates or values above U+10FFFF become U+FFFD.
std::string encode_utf8(std::u32string_view text);
void append_utf8(std::string& out, char32_t cp);

// Convenience: strict decode without offsets (invalid bytes become U+FFFD).
std::u32string to_u32(std::string_view bytes);
inline std::string to_u8(std::u32string_view text) { return encode_utf8(text); }

// True when the whole buffer is valid UTF-8.
bool is_valid_utf8(std::string_view bytes);

}  // namespace cd
