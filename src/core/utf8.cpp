#include "core/utf8.h"

namespace cd {
namespace {

// Length of the valid sequence at p (1..4), or 0 with `consumed` set to the
// length of the maximal invalid subpart (at least 1).
int decode_one(const unsigned char* p, const unsigned char* end, char32_t& cp, int& consumed) {
  const unsigned char b0 = p[0];
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  int need = 0;
  char32_t min = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte (Unicode Table 3-7)
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    cp = b0 & 0x1F;
    min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    cp = b0 & 0x0F;
    min = 0x800;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    cp = b0 & 0x07;
    min = 0x10000;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    consumed = 1;
    return 0;
  }
  const unsigned char* q = p + 1;
  for (int i = 0; i < need; ++i, ++q) {
    const unsigned char lo_i = i == 0 ? lo : 0x80;
    const unsigned char hi_i = i == 0 ? hi : 0xBF;
    if (q >= end || *q < lo_i || *q > hi_i) {
      consumed = static_cast<int>(q - p);
      return 0;
    }
    cp = (cp << 6) | (*q & 0x3F);
  }
  (void)min;
  return need + 1;
}

}  // namespace

Utf8Decoded decode_utf8(std::string_view bytes, uint32_t base) {
  Utf8Decoded out;
  out.text.reserve(bytes.size());
  out.byte_offset.reserve(bytes.size() + 1);
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = p + bytes.size();
  const auto* start = p;
  while (p < end) {
    char32_t cp = 0;
    int consumed = 0;
    const int n = decode_one(p, end, cp, consumed);
    const auto off = static_cast<uint32_t>(p - start) + base;
    out.byte_offset.push_back(off);
    if (n > 0) {
      out.text.push_back(cp);
      p += n;
    } else {
      out.text.push_back(U'\uFFFD');
      out.invalid_at.push_back(off);
      p += consumed;
    }
  }
  out.byte_offset.push_back(static_cast<uint32_t>(bytes.size()) + base);
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string encode_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t cp : text) append_utf8(out, cp);
  return out;
}

std::u32string to_u32(std::string_view bytes) { return decode_utf8(bytes).text; }

bool is_valid_utf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = p + bytes.size();
  while (p < end) {
    char32_t cp = 0;
    int consumed = 0;
    const int n = decode_one(p, end, cp, consumed);
    if (n == 0) return false;
    p += n;
  }
  return true;
}

}  // namespace cd
