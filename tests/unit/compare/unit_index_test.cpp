// Lookups of units by id (Document::clause, Document::sentence), which
// compare and annotate::deltas make for every aligned pair: O(1) through the
// index structure::build fills, and still right when the index is stale.
#include <doctest/doctest.h>

#include "compare/compare.h"
#include "structure/structure.h"
#include "test_util.h"

using namespace cd;

TEST_CASE("unit index: clauses and sentences by id, also with a stale or missing index") {
  auto loaded = compare::load(testing::repo_path("corpus/texts/01_north_atlantic_treaty_1949.txt"));
  REQUIRE(loaded.ok());
  Document d = std::move(loaded.value());
  REQUIRE(d.clause_index.size() == d.clauses.size());  // structure::build indexed it
  for (const auto& c : d.clauses) {
    const Clause* found = d.clause(c.id);
    REQUIRE(found != nullptr);
    CHECK(found->id == c.id);
  }
  for (const auto& s : d.sentences) {
    const Sentence* found = d.sentence(s.id);
    REQUIRE(found != nullptr);
    CHECK(found == &s);
  }
  CHECK(d.clause("art99") == nullptr);
  CHECK(d.sentence("s0") == nullptr);
  CHECK(d.sentence("s99999") == nullptr);
  CHECK(d.sentence("art5") == nullptr);

  // A stale index (clauses reordered after indexing) is only a hint.
  const Clause* art5 = d.clause("art5");
  REQUIRE(art5 != nullptr);
  const Span art5_span = art5->span;
  std::swap(d.clauses.front(), d.clauses.back());
  REQUIRE(d.clause("art5") != nullptr);
  CHECK(d.clause("art5")->span == art5_span);
  d.clause_index.clear();  // and a document built by hand has none
  REQUIRE(d.clause("art5") != nullptr);
  CHECK(d.clause("art5")->span == art5_span);

  // Sentences renumbered by hand are still found by a linear search.
  d.sentences.front().id = "intro";
  CHECK(d.sentence("intro") == &d.sentences.front());
  CHECK(d.sentence("s1") == nullptr);
}

TEST_CASE("compare: the same comparison twice gives the same pairs and deltas") {
  // Both documents are annotated at the same time (two threads); the result
  // must not depend on which finishes first.
  auto rules = annotate::RuleSet::builtin();
  REQUIRE(rules.ok());
  auto a = compare::load(testing::repo_path("corpus/texts/01_north_atlantic_treaty_1949.txt"));
  auto b = compare::load(testing::repo_path("corpus/texts/02_anzus_security_treaty_1951.txt"));
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  const auto x = compare::compare(a.value(), b.value(), *rules);
  const auto y = compare::compare(a.value(), b.value(), *rules);
  REQUIRE(x.pairs.size() == y.pairs.size());
  CHECK_FALSE(x.pairs.empty());
  CHECK(x.b_annotations.size() == y.b_annotations.size());
  for (std::size_t k = 0; k < x.pairs.size(); ++k) {
    CHECK(x.pairs[k].a == y.pairs[k].a);
    CHECK(x.pairs[k].b == y.pairs[k].b);
    CHECK(x.pairs[k].score == y.pairs[k].score);
    CHECK(x.pairs[k].deltas.size() == y.pairs[k].deltas.size());
    CHECK(x.pairs[k].diff.size() == y.pairs[k].diff.size());
  }
}
