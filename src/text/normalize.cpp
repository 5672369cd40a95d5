#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <stdexcept>

namespace cd::text {
namespace {

const icu::Normalizer2& nfc_instance() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || n == nullptr) throw std::logic_error("ICU NFC data missing");
  return *n;
}

}  // namespace

bool is_nfc_identity(std::u32string_view in) {
  const icu::Normalizer2& norm = nfc_instance();
  std::size_t i = 0;
  while (i < in.size()) {
    if (in[i] < 0x300 && (i + 1 == in.size() || in[i + 1] < 0x300)) {  // see nfc()
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < in.size() && !norm.hasBoundaryBefore(static_cast<UChar32>(in[j]))) ++j;
    for (std::size_t k = i; k < j; ++k) {
      if (!norm.isInert(static_cast<UChar32>(in[k]))) return false;
    }
    i = j;
  }
  return true;
}

Normalized nfc(std::u32string_view in) {
  const icu::Normalizer2& norm = nfc_instance();
  Normalized out;
  out.text.reserve(in.size());
  out.origin.reserve(in.size() + 1);
  std::size_t i = 0;
  while (i < in.size()) {
    // Fast path: below U+0300 nothing composes or reorders (the first
    // combining mark is U+0300, and every composition's second character
    // is at or above it), so a run of such code points followed by another
    // one is already NFC. Most treaty text is entirely in this range.
    if (in[i] < 0x300 && (i + 1 == in.size() || in[i + 1] < 0x300)) {
      out.text.push_back(in[i]);
      out.origin.push_back(static_cast<uint32_t>(i));
      ++i;
      continue;
    }
    // Chunk [i, j): from one boundary to the next.
    std::size_t j = i + 1;
    while (j < in.size() && !norm.hasBoundaryBefore(static_cast<UChar32>(in[j]))) ++j;
    bool needs = false;
    for (std::size_t k = i; k < j && !needs; ++k) {
      // isInert is cheap and true for nearly all Latin text.
      if (!norm.isInert(static_cast<UChar32>(in[k]))) needs = true;
    }
    if (!needs) {
      for (std::size_t k = i; k < j; ++k) {
        out.text.push_back(in[k]);
        out.origin.push_back(static_cast<uint32_t>(k));
      }
    } else {
      icu::UnicodeString chunk;
      for (std::size_t k = i; k < j; ++k) chunk.append(static_cast<UChar32>(in[k]));
      UErrorCode status = U_ZERO_ERROR;
      icu::UnicodeString done = norm.normalize(chunk, status);
      if (U_FAILURE(status)) throw std::logic_error("ICU normalize failed");
      for (int32_t k = 0; k < done.length();) {
        const UChar32 c = done.char32At(k);
        out.text.push_back(static_cast<char32_t>(c));
        out.origin.push_back(static_cast<uint32_t>(i));
        k += U16_LENGTH(c);
      }
    }
    i = j;
  }
  out.origin.push_back(static_cast<uint32_t>(in.size()));
  return out;
}

}  // namespace cd::text
