// annotate/internal.h: the steps annotate() chains, private to src/annotate.
//
// match_rules -> apply_readings -> resolve_overlaps. Each step takes and
// returns plain model values, so each can be tested and reasoned about alone.
#pragma once

#include <string>
#include <vector>

#include "annotate/annotate.h"
#include "annotate/span_index.h"

namespace cd::annotate {

// Every raw hit of every rule that applies to the document's genre, inside the
// document's units (notes skipped), with unit, id, rule fields set. Unsorted.
std::vector<Annotation> match_rules(const Document& doc, const RuleSet& rules,
                                    std::vector<Diagnostic>* diagnostics);

// Genre-aware readings: may re-categorise ("will" in a report becomes a
// prediction), set Annotation::reading, or drop hits that only look like cues
// (a conditional "should"). See readings.cpp for the decisions.
void apply_readings(const Document& doc, std::vector<Annotation>& annotations);

// Overlap resolution by the taxonomy's priority order; returns the survivors
// sorted by position (start, end, priority, rule).
std::vector<Annotation> resolve_overlaps(std::vector<Annotation> annotations);

// 0 = most specific (exception) ... larger = less specific; unknown = last.
int category_priority(const std::string& category);

// The sentence (or, without sentences, the unit body) around a span: the
// context readings look at. Built once per document; each look-up is a binary
// search.
class ContextIndex {
 public:
  ContextIndex(const Document& doc, const std::vector<Unit>& units);
  Span context_of(Span span) const;

 private:
  const Document* doc_;
  DisjointIndex sentence_index_;
  UnitIndex unit_index_;
};

}  // namespace cd::annotate
