#include "text/fold.h"

#include <unicode/uchar.h>

namespace cd::text {

char32_t fold_char(char32_t c, const FoldOptions& opt) {
  // ASCII: no quote, dash or space folds apply, and ICU's default case fold
  // is A-Z -> a-z; answered here because this runs once per character of
  // every text compared.
  if (c < 0x80) {
    if (opt.compat && (c == 0x0B || c == 0x0C || c == U'\r')) return U' ';
    return opt.case_fold && c >= U'A' && c <= U'Z' ? c + 32 : c;
  }
  if (opt.quotes_dashes) {
    switch (c) {
      case U'\u2018':
      case U'\u2019':
      case U'\u201A':
      case U'\u201B':
      case U'\u2032':
        return U'\'';
      case U'\u201C':
      case U'\u201D':
      case U'\u201E':
      case U'\u201F':
      case U'\u00AB':
      case U'\u00BB':
      case U'\u2033':
        return U'"';
      case U'\u2010':
      case U'\u2011':
      case U'\u2012':
      case U'\u2013':
      case U'\u2014':
      case U'\u2015':
      case U'\u2212':
        return U'-';
      default:
        break;
    }
  }
  if (opt.compat && c != U' ' && c != U'\n' && c != U'\t' &&
      u_isUWhiteSpace(static_cast<UChar32>(c))) {
    return U' ';
  }
  if (opt.case_fold)
    return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
  return c;
}

std::u32string fold(std::u32string_view text, const FoldOptions& opt) {
  std::u32string out(text.size(), U'\0');
  for (std::size_t i = 0; i < text.size(); ++i) out[i] = fold_char(text[i], opt);
  return out;
}

bool is_letter_or_digit(char32_t c) {
  if (c < 0x80)
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9');
  return u_isalnum(static_cast<UChar32>(c)) != 0;
}
bool is_whitespace_beyond_ascii(char32_t c) {
  return u_isUWhiteSpace(static_cast<UChar32>(c)) != 0;
}
bool is_punct(char32_t c) { return u_ispunct(static_cast<UChar32>(c)) != 0; }

}  // namespace cd::text
