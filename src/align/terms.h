// align/terms.h: the bag of terms a unit is compared by.
//
// Words are folded (case, quotes, dashes), stop words dropped, then stemmed
// with the Snowball English stemmer (libstemmer), and mapped through a small
// table of equivalences (deliberate ~ intentional, armistice ~ ceasefire) so
// that paraphrases meet. libstemmer types stay in terms.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cd::align {

struct Term {
  std::string stem;     // canonical stem after equivalences
  std::string surface;  // the word as written (first occurrence), for evidence
};

std::vector<Term> terms_of(std::u32string_view text);

// One word as terms_of() sees it: its Snowball stem before and after the
// equivalences (both empty for a stop word). src/compare/variance.h tells an
// equivalent term (armistice ~ ceasefire: the stems differ, the canonical
// stems agree) from an inflection (attack ~ attacks: the stems agree).
struct WordStem {
  std::string stem;
  std::string canonical;
};
WordStem stem_word(std::u32string_view word);

}  // namespace cd::align
