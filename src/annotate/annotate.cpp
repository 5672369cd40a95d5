// annotate/annotate.cpp: the pipeline match -> readings -> overlaps.
#include "annotate/annotate.h"

#include "annotate/internal.h"

namespace cd::annotate {

const std::vector<std::string>& categories() {
  // Priority order of taxonomy.md (most specific first); prohibition ranks
  // with obligation.
  static const std::vector<std::string> cats = {
      "exception", "procedure",  "discretion",       "trigger_frame", "trigger",     "means",
      "geo_scope", "temporal",   "domestic_process", "obligation",    "prohibition", "obligor",
      "hedge",     "permission", "bindingness",      "vagueness"};
  return cats;
}

std::vector<Annotation> annotate(const Document& doc, const RuleSet& rules,
                                 std::vector<Diagnostic>* diagnostics) {
  auto hits = match_rules(doc, rules, diagnostics);
  apply_readings(doc, hits);
  return resolve_overlaps(std::move(hits));
}

}  // namespace cd::annotate
