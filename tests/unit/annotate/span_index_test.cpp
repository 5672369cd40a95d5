// The binary-search look-ups (span_index.h) and the overlap resolution give
// exactly the answers of the linear scans they replace. Exhaustive over every
// span of small hand-built layouts, and over seeded pseudo-random hit sets.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>

#include "annotate/internal.h"
#include "annotate/span_index.h"

using namespace cd;
using namespace cd::annotate;

namespace {

Unit unit(const std::string& id, uint32_t start, uint32_t end, int level) {
  Unit u;
  u.id = id;
  u.span = u.body = Span{start, end};
  u.level = level;
  return u;
}

void check_all_spans(const std::vector<Unit>& units, uint32_t length) {
  const UnitIndex index(units);
  for (uint32_t s = 0; s <= length; ++s) {
    for (uint32_t e = s; e <= length; ++e) {
      const Span span{s, e};
      const Unit* want = innermost_unit_linear(units, span);
      const Unit* got = index.innermost(span);
      CHECK_MESSAGE(want == got, "span [" << s << "," << e << "): want "
                                          << (want ? want->id : "none") << ", got "
                                          << (got ? got->id : "none"));
    }
  }
}

}  // namespace

TEST_CASE("UnitIndex: nested clauses, siblings, gaps and identical bodies") {
  // art1 [0,40) holds art1.a [2,20) (which holds art1.a.i [5,10)) and art1.b
  // [20,40); art2 [45,60) has a child with the same body at a deeper level;
  // art3 and art3bis share a body and a level (the first listed wins).
  std::vector<Unit> units = {unit("art1", 0, 40, 1),     unit("art1.a", 2, 20, 2),
                             unit("art1.a.i", 5, 10, 3), unit("art1.b", 20, 40, 2),
                             unit("art2", 45, 60, 1),    unit("art2.1", 45, 60, 2),
                             unit("art3", 62, 70, 1),    unit("art3bis", 62, 70, 1)};
  check_all_spans(units, 72);
  // Listed in another order, the answers are the same as the scan's.
  std::reverse(units.begin(), units.end());
  check_all_spans(units, 72);
}

TEST_CASE("UnitIndex: units that overlap without nesting fall back to the scan") {
  const std::vector<Unit> units = {unit("a", 0, 20, 1), unit("b", 10, 30, 1), unit("c", 12, 15, 2)};
  check_all_spans(units, 32);
}

TEST_CASE("UnitIndex: sentences (disjoint, one level) and an empty list") {
  check_all_spans({unit("s1", 0, 10, 1), unit("s2", 11, 25, 1), unit("s3", 25, 30, 1)}, 31);
  check_all_spans({}, 3);
}

TEST_CASE("DisjointIndex and OverlapIndex agree with a scan") {
  const std::vector<Span> sentences = {{0, 10}, {11, 25}, {25, 30}};
  const std::vector<Span> overlapping = {{0, 10}, {5, 25}, {25, 30}};
  const std::vector<Span> notes = {{40, 44}, {3, 6}, {8, 8}, {20, 35}};
  for (const auto& list : {sentences, overlapping, notes}) {
    const DisjointIndex holding(list);
    const OverlapIndex overlap(list);
    for (uint32_t s = 0; s <= 46; ++s) {
      for (uint32_t e = s; e <= 46; ++e) {
        const Span span{s, e};
        int64_t want = -1;
        for (std::size_t i = 0; i < list.size(); ++i) {
          if (list[i].contains(span)) {
            want = static_cast<int64_t>(i);
            break;
          }
        }
        CHECK(holding.holding(span) == want);
        const bool any =
            std::any_of(list.begin(), list.end(), [&](const Span& n) { return n.overlaps(span); });
        CHECK(overlap.overlaps_any(span) == any);
      }
    }
  }
}

TEST_CASE("resolve_overlaps: the same survivors as the pairwise greedy selection") {
  const std::vector<std::string> cats = {"exception", "trigger", "obligation", "hedge",
                                         "vagueness"};
  std::mt19937 rng(6);  // seeded: the same cases on every run
  for (int round = 0; round < 200; ++round) {
    std::vector<Annotation> hits;
    const int n = static_cast<int>(rng() % 30);
    for (int i = 0; i < n; ++i) {
      Annotation a;
      const auto start = static_cast<uint32_t>(rng() % 60);
      a.span = Span{start, start + static_cast<uint32_t>(rng() % 12)};  // some empty
      a.category = cats[rng() % cats.size()];
      a.rule = "R" + std::to_string(rng() % 5);
      hits.push_back(a);
    }
    // Reference: greedy in (rank, longer, earlier, rule, category), each
    // candidate checked against every span kept so far.
    std::vector<Annotation> order = hits;
    std::stable_sort(order.begin(), order.end(), [](const Annotation& x, const Annotation& y) {
      return std::make_tuple(category_priority(x.category), -static_cast<int64_t>(x.span.size()),
                             x.span.start, x.rule, x.category) <
             std::make_tuple(category_priority(y.category), -static_cast<int64_t>(y.span.size()),
                             y.span.start, y.rule, y.category);
    });
    std::vector<Annotation> want;
    for (const auto& a : order) {
      if (std::none_of(want.begin(), want.end(),
                       [&](const Annotation& k) { return k.span.overlaps(a.span); })) {
        want.push_back(a);
      }
    }
    std::sort(want.begin(), want.end(), [](const Annotation& x, const Annotation& y) {
      return std::make_tuple(x.span.start, x.span.end, category_priority(x.category), x.rule) <
             std::make_tuple(y.span.start, y.span.end, category_priority(y.category), y.rule);
    });
    const auto got = resolve_overlaps(hits);
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i].span.start == want[i].span.start);
      CHECK(got[i].span.end == want[i].span.end);
      CHECK(got[i].category == want[i].category);
      CHECK(got[i].rule == want[i].rule);
    }
  }
}
