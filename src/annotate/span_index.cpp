// annotate/span_index.cpp: binary-search look-ups of units, sentences, notes.
#include "annotate/span_index.h"

#include <algorithm>
#include <tuple>

namespace cd::annotate {

const Unit* innermost_unit_linear(const std::vector<Unit>& units, Span span) {
  const Unit* best = nullptr;
  for (const auto& u : units) {
    const Span body = unit_body(u);
    if (!body.contains(span)) continue;
    if (!best || body.size() < unit_body(*best).size() ||
        (body.size() == unit_body(*best).size() && u.level > best->level)) {
      best = &u;
    }
  }
  return best;
}

UnitIndex::UnitIndex(const std::vector<Unit>& units) : units_(&units) {
  order_.resize(units.size());
  for (uint32_t i = 0; i < order_.size(); ++i) order_[i] = i;
  // Outer units before the units they hold: by start, then the longer first,
  // then the shallower first; among identical bodies and levels the later unit
  // first, so that the walk outwards meets the earlier one first, as the
  // linear scan (which keeps the first of equals) does.
  std::sort(order_.begin(), order_.end(), [&](uint32_t x, uint32_t y) {
    const Span a = unit_body(units[x]), b = unit_body(units[y]);
    return std::make_tuple(a.start, -static_cast<int64_t>(a.end), units[x].level,
                           -static_cast<int64_t>(x)) <
           std::make_tuple(b.start, -static_cast<int64_t>(b.end), units[y].level,
                           -static_cast<int64_t>(y));
  });
  starts_.reserve(order_.size());
  parent_.assign(order_.size(), -1);
  std::vector<int32_t> open;  // positions in order_ of the units that hold the current one
  for (uint32_t pos = 0; pos < order_.size(); ++pos) {
    const Span body = unit_body(units[order_[pos]]);
    starts_.push_back(body.start);
    if (body.empty())
      nested_ = false;  // an empty body holds only empty spans: leave it to the scan
    while (!open.empty()) {
      const Span top = unit_body(units[order_[static_cast<uint32_t>(open.back())]]);
      if (top.contains(body)) break;
      if (top.overlaps(body)) nested_ = false;  // overlapping without nesting
      open.pop_back();
    }
    if (!open.empty()) parent_[pos] = open.back();
    open.push_back(static_cast<int32_t>(pos));
  }
}

const Unit* UnitIndex::innermost(Span span) const {
  if (!nested_ || span.empty()) return innermost_unit_linear(*units_, span);
  // The last unit starting at or before the span; every unit that holds the
  // span starts there too, so it is this unit or one that encloses it.
  auto it = std::upper_bound(starts_.begin(), starts_.end(), span.start);
  int32_t pos = static_cast<int32_t>(it - starts_.begin()) - 1;
  while (pos >= 0) {
    const Unit& u = (*units_)[order_[static_cast<uint32_t>(pos)]];
    if (unit_body(u).contains(span)) return &u;
    pos = parent_[static_cast<uint32_t>(pos)];
  }
  return nullptr;
}

DisjointIndex::DisjointIndex(std::vector<Span> spans) : spans_(std::move(spans)) {
  for (std::size_t i = 0; i < spans_.size(); ++i) {
    if (spans_[i].empty() || (i > 0 && spans_[i].start < spans_[i - 1].end)) {
      sorted_disjoint_ = false;
      break;
    }
  }
}

int64_t DisjointIndex::holding(Span span) const {
  if (!sorted_disjoint_ || span.empty()) {
    for (std::size_t i = 0; i < spans_.size(); ++i) {
      if (spans_[i].contains(span)) return static_cast<int64_t>(i);
    }
    return -1;
  }
  auto it = std::upper_bound(spans_.begin(), spans_.end(), span.start,
                             [](uint32_t v, const Span& s) { return v < s.start; });
  if (it == spans_.begin()) return -1;
  --it;
  return it->contains(span) ? static_cast<int64_t>(it - spans_.begin()) : -1;
}

OverlapIndex::OverlapIndex(std::vector<Span> spans) : spans_(std::move(spans)) {
  std::sort(spans_.begin(), spans_.end(),
            [](const Span& a, const Span& b) { return a.start < b.start; });
  max_end_.reserve(spans_.size());
  uint32_t m = 0;
  for (const auto& s : spans_) {
    m = std::max(m, s.end);
    max_end_.push_back(m);
  }
}

bool OverlapIndex::overlaps_any(Span span) const {
  // Spans that start before span.end are a prefix; one of them overlaps
  // exactly when the largest end among them lies after span.start.
  auto it = std::lower_bound(spans_.begin(), spans_.end(), span.end,
                             [](const Span& s, uint32_t v) { return s.start < v; });
  if (it == spans_.begin()) return false;
  return max_end_[static_cast<std::size_t>(it - spans_.begin()) - 1] > span.start;
}

}  // namespace cd::annotate
