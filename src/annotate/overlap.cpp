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

#include "annotate/internal.h"

namespace cd::annotate {

int category_priority(const std::string& category) {
  static const std::map<std::string, int> rank = {
      {"exception", 0},     {"procedure", 1},        {"discretion", 1},
      {"trigger_frame", 1}, {"trigger", 2},          {"means", 2},
      {"geo_scope", 2},     {"temporal", 2},         {"domestic_process", 2},
      {"obligation", 3},    {"prohibition", 3},      {"obligor", 3},
      {"hedge", 3},         {"permission", 4},       {"bindingness", 5},
      {"vagueness", 6},
  };
  auto it = rank.find(category);
  return it == rank.end() ? 7 : it->second;
}

std::vector<Annotation> resolve_overlaps(std::vector<Annotation> annotations) {
  std::vector<std::size_t> order(annotations.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto key = [&](std::size_t i) {
    const auto& a = annotations[i];
    return std::make_tuple(category_priority(a.category), -static_cast<int64_t>(a.span.size()),
                           a.span.start, a.rule, a.category);
  };
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return key(x) < key(y);
  });
  std::vector<Annotation> kept;
  for (std::size_t i : order) {
    const auto& a = annotations[i];
    const bool clash = std::any_of(kept.begin(), kept.end(),
                                   [&](const Annotation& k) { return k.span.overlaps(a.span); });
    if (!clash) kept.push_back(std::move(annotations[i]));
  }
  std::sort(kept.begin(), kept.end(), [](const Annotation& x, const Annotation& y) {
    return std::make_tuple(x.span.start, x.span.end, category_priority(x.category), x.rule) <
           std::make_tuple(y.span.start, y.span.end, category_priority(y.category), y.rule);
  });
  return kept;
}

}  // namespace cd::annotate
