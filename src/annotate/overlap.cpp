// annotate/overlap.cpp: one cue per stretch of text, the most specific wins.
//
// taxonomy.md: exception > procedure = discretion = trigger_frame > trigger =
// means = geo_scope = temporal = domestic_process > obligation = obligor =
// hedge > permission > bindingness > vagueness. Prohibition is a deontic force
// like obligation and shares its rank. Greedy selection in the order (rank,
// longer first, earlier first, rule id) gives exactly "keep the higher
// priority; on a tie the longer; same category: the longest", and is
// deterministic because the order is total.
#include <algorithm>
#include <map>
#include <tuple>

#include "annotate/internal.h"

namespace cd::annotate {

int category_priority(const std::string& category) {
  static const std::map<std::string, int> rank = {
      {"exception", 0},     {"procedure", 1},   {"discretion", 1},
      {"trigger_frame", 1}, {"trigger", 2},     {"means", 2},
      {"geo_scope", 2},     {"temporal", 2},    {"domestic_process", 2},
      {"obligation", 3},    {"prohibition", 3}, {"obligor", 3},
      {"hedge", 3},         {"permission", 4},  {"bindingness", 5},
      {"vagueness", 6},
  };
  auto it = rank.find(category);
  return it == rank.end() ? 7 : it->second;
}

std::vector<Annotation> resolve_overlaps(std::vector<Annotation> annotations) {
  std::vector<std::size_t> order(annotations.size());
  std::vector<int> rank(annotations.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
    rank[i] = category_priority(annotations[i].category);
  }
  // Compared by reference: a key that copied the rule id and category would
  // allocate in every comparison of the sort.
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const auto& a = annotations[x];
    const auto& b = annotations[y];
    const int64_t sa = -static_cast<int64_t>(a.span.size()),
                  sb = -static_cast<int64_t>(b.span.size());
    return std::tie(rank[x], sa, a.span.start, a.rule, a.category) <
           std::tie(rank[y], sb, b.span.start, b.rule, b.category);
  });
  // The kept spans never overlap one another, so, ordered by start, their ends
  // rise too: the only kept span that can overlap a candidate is the last one
  // starting before the candidate ends. One map look-up per candidate instead
  // of a scan of everything kept so far. Empty spans (which a rule never
  // yields, but a caller might pass) break that order and are checked apart.
  std::map<uint32_t, uint32_t> kept_spans;  // start -> end, non-empty only
  std::vector<Span> kept_empty;
  const auto clashes = [&](Span s) {
    if (std::any_of(kept_empty.begin(), kept_empty.end(),
                    [&](const Span& k) { return k.overlaps(s); })) {
      return true;
    }
    if (s.empty()) {
      return std::any_of(kept_spans.begin(), kept_spans.end(), [&](const auto& k) {
        return Span{k.first, k.second}.overlaps(s);
      });
    }
    auto it = kept_spans.lower_bound(s.end);
    if (it == kept_spans.begin()) return false;
    --it;
    return Span{it->first, it->second}.overlaps(s);
  };
  std::vector<Annotation> kept;
  for (std::size_t i : order) {
    const Span s = annotations[i].span;
    if (clashes(s)) continue;
    if (s.empty()) {
      kept_empty.push_back(s);
    } else {
      kept_spans.emplace(s.start, s.end);
    }
    kept.push_back(std::move(annotations[i]));
  }
  std::sort(kept.begin(), kept.end(), [](const Annotation& x, const Annotation& y) {
    const int px = category_priority(x.category), py = category_priority(y.category);
    return std::tie(x.span.start, x.span.end, px, x.rule) <
           std::tie(y.span.start, y.span.end, py, y.rule);
  });
  return kept;
}

}  // namespace cd::annotate
