// annotate/profile.cpp: slot values of a unit or a unit group.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "annotate/annotate.h"
#include "annotate/cues.h"

namespace cd::annotate {

Profile profile(const Document& doc, const std::vector<std::string>& units,
                const std::vector<Annotation>& annotations) {
  return gather(doc, units, annotations).profile;
}

std::vector<Profile> profiles(const Document& doc, const std::vector<Annotation>& annotations) {
  // Sorted by start, each unit only looks at the annotations that begin in
  // its span: linear-ish instead of units x annotations.
  std::vector<const Annotation*> by_start;
  for (const auto& a : annotations) by_start.push_back(&a);
  std::sort(by_start.begin(), by_start.end(),
            [](const Annotation* x, const Annotation* y) { return x->span.start < y->span.start; });
  // Annotations are grouped by the unit they name once, not scanned per unit.
  std::unordered_map<std::string, std::vector<const Annotation*>> by_unit;
  for (const auto& a : annotations) {
    if (!a.unit.empty()) by_unit[a.unit].push_back(&a);
  }
  std::vector<Profile> out;
  for (const auto& u : units_of(doc)) {
    const Span s = u.span.empty() ? u.body : u.span;
    auto it = std::lower_bound(by_start.begin(), by_start.end(), s.start,
                               [](const Annotation* a, uint32_t v) { return a->span.start < v; });
    std::vector<Annotation> mine;
    for (; it != by_start.end() && (*it)->span.start < s.end; ++it) {
      if (s.contains((*it)->span)) mine.push_back(**it);
    }
    // Human annotations may name their unit without lying inside its span.
    if (auto named = by_unit.find(u.id); named != by_unit.end()) {
      for (const Annotation* a : named->second) {
        if (!s.contains(a->span)) mine.push_back(*a);
      }
    }
    out.push_back(gather_selected(doc, u.id, std::move(mine)).profile);
  }
  return out;
}

}  // namespace cd::annotate
