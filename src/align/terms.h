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

}  // namespace cd::align
