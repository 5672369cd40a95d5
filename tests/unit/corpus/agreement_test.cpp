#include <doctest/doctest.h>

#include "corpus/agreement.h"
#include "corpus_test_util.h"

using namespace cd;
using namespace cd::corpus;
using cd::testing::annotate_quote;
using cd::testing::make_doc;
using cd::testing::ScratchDir;

// The example computed by hand (also in docs/ANNOTATIONS.md).
//
// Text, 10 tokens:  Each Party shall assist the attacked Party forthwith and individually
//                   0    1     2     3      4   5        6     7         8   9
// Alice: "shall assist" obligation (tokens 2-3), "forthwith" temporal (7),
//        "individually" obligor (9).
// Bob:   "shall" obligation (2), "the attacked Party" trigger (4-6), "forthwith" temporal (7).
//
// Token labels   0 1 2 3 4  5  6  7 8 9
//   Alice        - - O O -  -  -  T - Ob
//   Bob          - - O - Tr Tr Tr T - -
// Agreement on tokens 0,1,2,7,8: p_o = 5/10 = 0.5.
// Alice: none 6, obligation 2, temporal 1, obligor 1.  Bob: none 5, obligation 1, trigger 3,
// temporal 1. p_e = .6*.5 + .2*.1 + .1*.1 = 0.30 + 0.02 + 0.01 = 0.33 kappa = (0.5 - 0.33) / (1 -
// 0.33) = 0.17 / 0.67 = 0.253731... Spans: exact matches {forthwith} = 1 of 3 + 3: F1 = 2*1/6 =
// 0.3333. Overlap matches {shall assist ~ shall, forthwith}: F1 = 2*2/6 = 0.6667.
TEST_CASE("agreement: Cohen's kappa and span F1 on the hand-computed example") {
  const Document d =
      make_doc("ex", U"Each Party shall assist the attacked Party forthwith and individually");
  const auto tokens = word_tokens(d.text);
  REQUIRE(tokens.size() == 10);
  std::vector<StoredAnnotation> alice = {annotate_quote(d, U"shall assist", "obligation", "alice"),
                                         annotate_quote(d, U"forthwith", "temporal", "alice"),
                                         annotate_quote(d, U"individually", "obligor", "alice")};
  std::vector<StoredAnnotation> bob = {annotate_quote(d, U"shall", "obligation", "bob"),
                                       annotate_quote(d, U"the attacked Party", "trigger", "bob"),
                                       annotate_quote(d, U"forthwith", "temporal", "bob")};
  const auto la = token_labels(tokens, alice), lb = token_labels(tokens, bob);
  CHECK(la == std::vector<std::string>{"", "", "obligation", "obligation", "", "", "", "temporal",
                                       "", "obligor"});
  CHECK(lb == std::vector<std::string>{"", "", "obligation", "", "trigger", "trigger", "trigger",
                                       "temporal", "", ""});
  const Kappa k = cohen_kappa(la, lb);
  CHECK(k.observed == doctest::Approx(0.5));
  CHECK(k.expected == doctest::Approx(0.33));
  REQUIRE(k.kappa.has_value());
  CHECK(*k.kappa == doctest::Approx(0.17 / 0.67));
  const SpanAgreement ex = span_f1(alice, bob, false), ov = span_f1(alice, bob, true);
  CHECK(ex.matched == 1);
  CHECK(ex.f1 == doctest::Approx(1.0 / 3.0));
  CHECK(ex.precision == doctest::Approx(1.0 / 3.0));
  CHECK(ov.matched == 2);
  CHECK(ov.f1 == doctest::Approx(2.0 / 3.0));

  // The same through the store, as `corpus agree alice bob` computes it.
  ScratchDir tmp("agree");
  auto store = AnnotationStore::open(tmp.path());
  store->file_for("ex", "alice").value()->annotations = alice;
  store->file_for("ex", "bob").value()->annotations = bob;
  const auto r = agreement(*store, {"alice", "bob"}, {{"ex", d.text}});
  REQUIRE(r.pairs.size() == 1);
  CHECK(r.tokens == 10);
  CHECK(*r.pairs[0].kappa.kappa == doctest::Approx(0.253731).epsilon(1e-5));
  CHECK(r.pairs[0].exact.f1 == doctest::Approx(1.0 / 3.0));
  CHECK(r.pairs[0].overlap.f1 == doctest::Approx(2.0 / 3.0));
  REQUIRE(r.alpha.has_value());
}

TEST_CASE("agreement: kappa edge cases") {
  CHECK(*cohen_kappa({"a", "b", "a", "b"}, {"a", "b", "a", "b"}).kappa == doctest::Approx(1.0));
  CHECK(!cohen_kappa({"", ""}, {"", ""}).kappa.has_value());  // one label everywhere: undefined
  // Agreement at chance level: kappa 0.
  CHECK(*cohen_kappa({"a", "a", "b", "b"}, {"a", "b", "a", "b"}).kappa == doctest::Approx(0.0));
  const SpanAgreement none = span_f1({}, {}, true);
  CHECK(none.f1 == 1.0);
}

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
// 4 observers, 12 units, values 1-5, missing data; nominal alpha = 0.743.
TEST_CASE("agreement: Krippendorff's alpha on the textbook example") {
  const char* rows[4][12] = {
      {"1", "2", "3", "3", "2", "1", "4", "1", "2", nullptr, nullptr, nullptr},
      {"1", "2", "3", "3", "2", "2", "4", "1", "2", "5", nullptr, "3"},
      {nullptr, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", nullptr},
      {"1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", nullptr}};
  std::vector<std::vector<std::string>> units(12);
  for (int c = 0; c < 4; ++c) {
    for (int u = 0; u < 12; ++u) {
      if (rows[c][u]) units[static_cast<std::size_t>(u)].push_back(rows[c][u]);
    }
  }
  const auto alpha = krippendorff_alpha_nominal(units);
  REQUIRE(alpha.has_value());
  CHECK(*alpha == doctest::Approx(0.743).epsilon(0.001));
  // Perfect agreement gives 1; a single value everywhere is undefined.
  CHECK(*krippendorff_alpha_nominal({{"a", "a"}, {"b", "b"}}) == doctest::Approx(1.0));
  CHECK(!krippendorff_alpha_nominal({{"a", "a"}, {"a", "a"}}).has_value());
}

TEST_CASE("agreement: tokens skip punctuation and keep non-ASCII letters") {
  const auto t = word_tokens(U"Art. 42(7) — “Défense” §5");
  REQUIRE(t.size() == 5);
  CHECK(t[0] == Span{0, 3});
  CHECK(t[3].size() == 7);  // Défense
}
