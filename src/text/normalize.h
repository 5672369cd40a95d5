// text/normalize.h: Unicode normalization that remembers where each output
// code point came from.
//
// ICU's Normalizer2 works on whole strings and forgets positions. We split the
// input at normalization boundaries (Normalizer2::hasBoundaryBefore, UAX #15),
// leave runs that are already NFC untouched (the common case: one quick check
// per code point), and normalize only the chunks that need it; every output
// code point of a chunk maps to the chunk's first input code point. So an
// annotation on canonical text can always be traced back to source bytes.
// Folding for matching (case, quotes, dashes) is in fold.h and never changes
// what is displayed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cd::text {

struct Normalized {
  std::u32string text;
  std::vector<uint32_t> origin;  // origin[i] = input index of text[i]; size text.size()+1
};

// NFC (Unicode Standard Annex #15). Never fails: ICU errors are bugs.
Normalized nfc(std::u32string_view input);

// True when nfc(input) would return the input unchanged with origin[i] = i,
// by the same test nfc() applies chunk by chunk (runs below U+0300, ICU's
// isInert). Lets a caller keep its text and offsets and skip the copies.
bool is_nfc_identity(std::u32string_view input);

}  // namespace cd::text
