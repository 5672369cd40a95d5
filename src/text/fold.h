// text/fold.h: folding for matching only.
//
// Folding never changes what is displayed or the offsets we report: each
// function maps one code point to one code point, so a match found in folded
// text has the same span in the canonical text. Used by alignment, diff
// options (--ignore-case) and quotation search.
#pragma once

#include <string>
#include <string_view>

namespace cd::text {

struct FoldOptions {
  bool case_fold = true;      // Unicode simple case folding (u_foldCase)
  bool quotes_dashes = true;  // curly quotes to ' and ", dashes to -
  bool compat = true;         // NBSP and other spaces to ' '
};

char32_t fold_char(char32_t c, const FoldOptions& opt = {});
std::u32string fold(std::u32string_view text, const FoldOptions& opt = {});

bool is_letter_or_digit(char32_t c);
bool is_whitespace_beyond_ascii(char32_t c);  // ICU White_Space for c >= 0x80
// Unicode White_Space. Inline for ASCII (TAB, LF, VT, FF, CR and SPACE are
// all of it below 0x80): it runs once per character of every text compared.
inline bool is_whitespace(char32_t c) {
  return c < 0x80 ? (c == U' ' || (c >= 0x09 && c <= 0x0D)) : is_whitespace_beyond_ascii(c);
}
bool is_punct(char32_t c);

}  // namespace cd::text
