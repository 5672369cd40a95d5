// annotate/span_index.h: position look-ups that stay fast on long documents.
//
// Every rule hit needs its unit, every reading its sentence and every hit a
// check against editorial notes. Scanning all units per hit is linear in the
// number of units (about 2 s for 1.8M code points across 3,000 clauses); these
// indexes answer the same questions in O(log n) (plus the nesting depth for
// units), and give exactly the answers of the linear scans they replace
// (innermost_unit_linear is kept as the reference, and tests compare both).
#pragma once

#include <cstdint>
#include <vector>

#include "model/document.h"

namespace cd::annotate {

// The body a unit is searched and located by: its body, or its span when the
// body is empty.
inline Span unit_body(const Unit& u) { return u.body.empty() ? u.span : u.body; }

// Reference: the innermost unit (smallest body; deeper level on ties; the
// earlier unit when both tie) whose body holds `span`, by a linear scan.
const Unit* innermost_unit_linear(const std::vector<Unit>& units, Span span);

// The innermost unit holding a span. Units nest (clauses) or are disjoint
// (sentences), so the units that hold a point form a chain: the last unit that
// starts at or before the span, then its enclosing units. The index keeps the
// units sorted by start (outer before inner) with each one's enclosing unit,
// so a look-up is one binary search and a short walk outwards. Units that
// overlap without nesting (not produced by structure, but possible in a
// hand-built Document) make the index fall back to the linear scan.
class UnitIndex {
 public:
  explicit UnitIndex(const std::vector<Unit>& units);
  const Unit* innermost(Span span) const;

 private:
  const std::vector<Unit>* units_;
  std::vector<uint32_t> order_;   // unit indices by (start, longer first, level, later first)
  std::vector<uint32_t> starts_;  // unit_body(start) of order_[i]
  std::vector<int32_t> parent_;   // position in order_ of the enclosing unit, -1 for none
  bool nested_ = true;
};

// The first span of a list (in list order) that holds a given span, for lists
// of disjoint spans such as a document's sentences; falls back to a scan when
// the spans overlap or are out of order.
class DisjointIndex {
 public:
  explicit DisjointIndex(std::vector<Span> spans);
  // Index into the list given to the constructor, or -1.
  int64_t holding(Span span) const;

 private:
  std::vector<Span> spans_;
  bool sorted_disjoint_ = true;
};

// Whether a span overlaps any of a set of spans (editorial notes): sorted by
// start with the running maximum of their ends, so one binary search decides.
class OverlapIndex {
 public:
  explicit OverlapIndex(std::vector<Span> spans);
  bool overlaps_any(Span span) const;

 private:
  std::vector<Span> spans_;
  std::vector<uint32_t> max_end_;  // max end of spans_[0..i]
};

}  // namespace cd::annotate
