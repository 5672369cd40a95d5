// annotate/compiled.h: the Boost side of a RuleSet (private to src/annotate).
//
// RuleSet::Compiled owns the parsed rules and, index for index, the compiled
// u32regex of each. It is defined here, not in annotate.h, so that no other
// module sees a Boost type.
#pragma once

#include <boost/regex/icu.hpp>

#include <vector>

#include "annotate/annotate.h"

namespace cd::annotate {

struct RuleSet::Compiled {
  std::vector<Rule> rules;
  std::vector<boost::u32regex> patterns;  // patterns[i] belongs to rules[i]
};

}  // namespace cd::annotate
