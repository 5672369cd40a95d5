#include <doctest/doctest.h>

#include <string>

#include "compare/compare.h"
#include "compare/variance.h"
#include "core/utf8.h"
#include "structure/structure.h"
#include "test_util.h"

using namespace cd;

namespace {

// Variance of two short strings; variants as "kind:A>B" for compact checks.
struct Result {
  Variance v;
  compare::VarianceStats stats;
  std::string a, b;
  std::string text(Span s, const std::string& t) const { return t.substr(s.start, s.size()); }
  std::string list() const {
    std::string out;
    for (const auto& x : v.variants) {
      out += (out.empty() ? "" : "|") + x.kind + ":" + text(x.a, a) + ">" + text(x.b, b);
    }
    return out;
  }
};

// ASCII inputs only, so byte offsets are code point offsets.
Result run(const std::string& a, const std::string& b) {
  Result r;
  r.a = a;
  r.b = b;
  const auto ua = to_u32(a), ub = to_u32(b);
  r.v = compare::variance_of(ua, ub, 0, 0, &r.stats);
  return r;
}

Document load(const std::string& rel) {
  auto d = compare::load(testing::repo_path(rel));
  REQUIRE_MESSAGE(d.ok(), d.status().to_string());
  return std::move(d.value());
}

const AlignedPair* pair_of(const Comparison& c, const std::string& a, const std::string& b) {
  for (const auto& p : c.pairs) {
    if (p.a.size() == 1 && p.a.front() == a && p.b.size() == 1 && p.b.front() == b) return &p;
  }
  return nullptr;
}

bool has_variant(const Comparison& c, const Variance& v, const std::string& kind,
                 const std::string& a_text, const std::string& b_text) {
  for (const auto& x : v.variants) {
    if (x.kind == kind && c.a.utf8(x.a) == a_text && c.b.utf8(x.b) == b_text) return true;
  }
  return false;
}

const annotate::RuleSet& rules() {
  static const annotate::RuleSet r = [] {
    auto loaded = annotate::RuleSet::builtin();
    REQUIRE(loaded.ok());
    return std::move(loaded.value());
  }();
  return r;
}

}  // namespace

TEST_CASE("variance: identical text, and line breaks alone, are identical") {
  auto r = run("an attack against them all", "an attack against them all");
  CHECK(r.v.verdict == "identical");
  CHECK(r.v.variants.empty());
  CHECK_FALSE(r.v.partial);
  r = run("an attack against\nthem all", "an attack   against them all");
  CHECK(r.v.verdict == "identical");
  CHECK(r.stats.agreement == doctest::Approx(1.0));
}

TEST_CASE("variance: the serial comma is punctuation, named as such") {
  const auto r = run("any future significant, deliberate, and sustained armed attack",
                     "any future significant, deliberate and sustained armed attack");
  CHECK(r.list() == "punctuation:,>");
  CHECK(r.v.variants.at(0).note == "serial comma");
  CHECK(r.v.verdict == "cosmetic");
}

TEST_CASE("variance: a comma before 'and' that closes no list is not a serial comma") {
  const auto r = run("such a manner that international peace and security, and justice, are safe",
                     "such a manner that international peace and security and justice are safe");
  CHECK(r.list() == "punctuation:,>|punctuation:,>");
  CHECK(r.v.variants.at(0).note.empty());
  CHECK(r.v.verdict == "cosmetic");
}

TEST_CASE("variance: other punctuation, hyphenation and spacing") {
  auto r = run("shall be considered an attack against them all; and consequently they agree",
               "shall be considered an attack against them all and consequently they agree");
  CHECK(r.list() == "punctuation:;>");
  r = run("by means of continuous and effective self-help and mutual aid",
          "by means of continuous and effective selfhelp and mutual aid");
  CHECK(r.list() == "punctuation:self-help>selfhelp");
  CHECK(r.v.variants.at(0).note == "hyphenation");
  r = run("In order to achieve the objectives, the Parties will resist",
          "In order to achieve the objectives, theParties will resist");
  CHECK(r.v.variants.at(0).note == "spacing");
  CHECK(r.v.verdict == "cosmetic");
}

TEST_CASE("variance: letter case") {
  const auto r = run("including the end of the Cold War, which have brought about",
                     "including the end of the cold war, which have brought about");
  CHECK(r.list() == "case:Cold War>cold war");
  CHECK(r.v.verdict == "cosmetic");
}

TEST_CASE("variance: British and American spelling") {
  auto r = run("weapons will ever be used against Ukraine except in self-defense or otherwise",
               "weapons will ever be used against Ukraine except in self-defence or otherwise");
  CHECK(r.list() == "spelling:defense>defence");
  CHECK(r.v.verdict == "cosmetic");
  r = run("the right of collective self-defence recognised by Article 51 of the Charter",
          "the right of collective self-defense recognized by Article 51 of the Charter");
  // Neighbouring words make one difference; each pair is a spelling variant.
  CHECK(r.list() == "spelling:defence recognised>defense recognized");
  r = run("the civilisation of their peoples and their labour unions today",
          "the civilization of their peoples and their labor unions today");
  CHECK(r.list() == "spelling:civilisation>civilization|spelling:labour>labor");
}

TEST_CASE("variance: look-alike words are not spelling variants") {
  // -our/-or only after three letters: "fourth" and "forth" are two words.
  auto r = run("the Parties shall meet on the fourth day of the session",
               "the Parties shall meet on the forth day of the session");
  CHECK(r.list() == "substitution:fourth>forth");
  CHECK(r.v.verdict == "substantive");
  r = run("the Parties will consult together on advice from the Council",
          "the Parties will consult together on advise from the Council");
  CHECK(r.v.variants.at(0).kind == "substitution");
}

TEST_CASE("variance: equivalent terms from the aligner's equivalences") {
  auto r = run("troops shall withdraw behind the ceasefire line within ten days",
               "troops shall withdraw behind the armistice line within ten days");
  CHECK(r.list() == "equivalent:ceasefire>armistice");
  CHECK(r.v.verdict == "equivalent");
  r = run("The Parties undertake to settle any international dispute by peaceful means",
          "The Parties agree to settle any international dispute by peaceful means");
  CHECK(r.list() == "equivalent:undertake>agree");
}

TEST_CASE("variance: 'shall' for 'undertake(s) to' is equivalent, 'shall' for 'will' is not") {
  auto r = run("The Parties shall settle any international dispute by peaceful means",
               "The Parties undertake to settle any international dispute by peaceful means");
  CHECK(r.list() == "equivalent:shall>undertake to");
  CHECK(r.v.verdict == "equivalent");
  r = run("The Parties shall settle any international dispute by peaceful means",
          "The Parties will settle any international dispute by peaceful means");
  CHECK(r.list() == "substitution:shall>will");
  CHECK(r.v.verdict == "substantive");
}

TEST_CASE("variance: an abbreviation and its expansion are equivalent") {
  const auto r =
      run("reaffirm their commitment, in accordance with the principles of the CSCE Final Act, to "
          "respect the borders",
          "reaffirm their commitment, in accordance with the principles of the Final Act of the "
          "Conference on Security and Cooperation in Europe, to respect the borders");
  CHECK(r.list() ==
        "equivalent:CSCE>|equivalent:>of the Conference on Security and Cooperation in Europe");
  CHECK(r.v.variants.at(0).note == "abbreviation CSCE");
  CHECK(r.v.verdict == "equivalent");
}

TEST_CASE("variance: inflection, substitution, added and dropped words are substantive") {
  auto r = run("including the use of armed force, to restore and maintain the security",
               "including the use of armed forces, to restore and maintain the security");
  CHECK(r.list() == "inflection:force>forces");
  CHECK(r.v.verdict == "substantive");
  r = run("If Ukraine launches a missile at Moscow without a valid reason, the guarantee ends",
          "If Ukraine fires a missile at Moscow without a valid reason, the guarantee ends");
  CHECK(r.list() == "substitution:launches>fires");
  r = run("each of them will assist the Party or Parties so attacked by taking forthwith action",
          "each of them will assist the Party or Parties so attacked by taking action");
  CHECK(r.list() == "dropped:forthwith>");
  CHECK(r.v.verdict == "substantive");
  r = run("each of them will assist the Party or Parties so attacked by taking action",
          "each of them will assist the Party or Parties so attacked by taking military action");
  CHECK(r.list() == "added:>military");
}

TEST_CASE("variance: a fragment is compared where it overlaps, and marked partial") {
  auto r = run("any future significant, deliberate, and sustained armed attack by Russia",
               "significant, deliberate and sustained");
  CHECK(r.v.partial);
  CHECK(r.list() == "punctuation:,>");
  CHECK(r.a.substr(r.v.a.start, r.v.a.size()) == "significant, deliberate, and sustained");
  // A gap marker ends a cut copy: the rest of the other text is not "added".
  r = run(
      "reaffirm their commitment to Ukraine, in accordance [... rest of paragraph 3 not "
      "captured]",
      "reaffirm their commitment to Ukraine, in accordance with the principles of the Final Act");
  CHECK(r.v.partial);
  CHECK(r.v.verdict == "identical");
  // Different words at the same end on both sides are a difference, not an edge.
  r = run("The Parties agree that an armed attack against one of them",
          "The Allies agree that an armed attack against one of them");
  CHECK_FALSE(r.v.partial);
  CHECK(r.list() == "equivalent:Parties>Allies");
}

TEST_CASE("variance: unrelated texts do not count as two renderings") {
  const auto r = run("The Parties will consult together whenever security is threatened",
                     "Ukraine will receive reliable security guarantees from the allies");
  CHECK(r.stats.agreement < compare::kMinAgreement);
}

TEST_CASE("variance: a sliver of a long text, or scattered units, are not one rendering") {
  const Document nat = load("corpus/texts/01_north_atlantic_treaty_1949.txt");
  const Span a5 = nat.clause("art5")->body;
  // The same words, but five of Article 5's hundred and more: a quotation, not a copy.
  const Span sliver{a5.start, a5.start + 30};
  CHECK_FALSE(compare::span_variance(nat, a5, nat, sliver).has_value());
  CHECK(compare::span_variance(nat, a5, nat, a5).has_value());
  // Article 5 against Articles 4 and 6 read as one stretch: Article 5 lies between them.
  const Span a4 = nat.clause("art4")->body, a6 = nat.clause("art6")->body;
  CHECK_FALSE(compare::pair_variance(nat, a5, nat, {a4, a6}).has_value());
  CHECK(compare::pair_variance(nat, a5, nat, {a5})->verdict == "identical");
}

TEST_CASE("variance: Budapest Memorandum, UNTS against A/49/765 wording (real corpus)") {
  const Comparison c = compare::compare(
      load("corpus/texts/09a_budapest_memorandum_1994_UNTS_text.txt"),
      load("corpus/texts/09b_budapest_memorandum_1994_A-49-765_text.txt"), rules());
  const AlignedPair* p1 = pair_of(c, "p1", "p1");
  REQUIRE(p1 != nullptr);
  REQUIRE(p1->variance.has_value());
  CHECK(p1->variance->verdict == "equivalent");
  CHECK(has_variant(c, *p1->variance, "equivalent", "",
                    "of the Conference on Security and Cooperation in Europe"));
  CHECK(has_variant(c, *p1->variance, "case", "Independence", "independence"));
  CHECK(has_variant(c, *p1->variance, "punctuation", ".", ";"));
  const AlignedPair* p2 = pair_of(c, "p2", "p2");
  REQUIRE(p2 != nullptr);
  REQUIRE(p2->variance.has_value());
  CHECK(p2->variance->verdict == "cosmetic");
  CHECK(has_variant(c, *p2->variance, "spelling", "defense", "defence"));
  // Paragraph 3 of the UNTS copy is cut by a gap; it still pairs with paragraph 3.
  const AlignedPair* p3 = pair_of(c, "p3", "p3");
  REQUIRE(p3 != nullptr);
  REQUIRE(p3->variance.has_value());
  CHECK(p3->variance->partial);
  CHECK(p3->variance->verdict == "cosmetic");
  // Paragraph 4 of A/49/765 renders no paragraph of the UNTS copy.
  for (const auto& p : c.pairs) {
    if (!p.b.empty() && p.b.front() == "p4") CHECK_FALSE(p.variance.has_value());
  }
}

TEST_CASE("variance: Article 5 against a nato.int-derived witness (them all; and)") {
  const Comparison c =
      compare::compare(load("corpus/texts/01_north_atlantic_treaty_1949.txt"),
                       load("tests/fixtures/witnesses/nat/github_art5.txt"), rules());
  const AlignedPair* p = nullptr;
  for (const auto& q : c.pairs) {
    if (q.a.size() == 1 && q.a.front() == "art5" && q.variance) p = &q;
  }
  REQUIRE(p != nullptr);
  CHECK(p->variance->verdict == "cosmetic");
  CHECK(p->variance->partial);  // the witness has the first paragraph only
  REQUIRE(p->variance->variants.size() == 1);
  CHECK(has_variant(c, *p->variance, "punctuation", ";", ""));
  CHECK(c.a.utf8(Span{p->variance->variants[0].a.start - 8, p->variance->variants[0].a.end}) ==
        "them all;");
}

TEST_CASE("variance: the 1949 Guardian print of Article 5 differs in case, marks and one word") {
  const Comparison c =
      compare::compare(load("corpus/texts/01_north_atlantic_treaty_1949.txt"),
                       load("tests/fixtures/witnesses/nat/guardian1949_art4_5.txt"), rules());
  const Variance* v = nullptr;
  for (const auto& q : c.pairs) {
    if (q.a.size() == 1 && q.a.front() == "art5" && q.variance) v = &*q.variance;
  }
  REQUIRE(v != nullptr);
  CHECK(v->verdict == "substantive");
  CHECK(has_variant(c, *v, "punctuation", ";", ","));
  CHECK(has_variant(c, *v, "case", "Article", "article"));
  CHECK(has_variant(c, *v, "inflection", "force", "forces"));
}

TEST_CASE("variance: two reports of one draft, serial comma (NY Post against TASS/JPost)") {
  const Comparison c =
      compare::compare(load("corpus/texts/11d_us_security_guarantee_draft_nov2025_REPORTED.txt"),
                       load("tests/fixtures/variance/nypost_quote_11d.txt"), rules());
  REQUIRE(c.quotations.size() == 1);
  const Quotation& q = c.quotations[0];
  CHECK(q.exact);  // the same words ...
  REQUIRE(q.variance.has_value());
  CHECK(q.variance->verdict == "cosmetic");  // ... and one comma fewer
  REQUIRE(q.variance->variants.size() == 1);
  CHECK(q.variance->variants[0].note == "serial comma");
  CHECK(c.a.utf8(q.variance->a) == "significant, deliberate, and sustained");
  CHECK(c.b.utf8(q.variance->b) == "significant, deliberate and sustained");
}

TEST_CASE("variance: outlets' renderings of point 10 in one file (compared with itself)") {
  const Document d = load("corpus/texts/11c_28_point_peace_plan_nov2025_REPORTED.txt");
  const Comparison c = compare::compare(d, d, rules());
  bool null_and_void = false, lose = false;
  for (const auto& q : c.quotations) {
    REQUIRE(q.variance.has_value());
    CHECK(q.a.end <= q.b.start);  // an earlier rendering, never the quotation itself
    null_and_void |= has_variant(c, *q.variance, "substitution", "null and void", "invalid");
    lose |= has_variant(c, *q.variance, "case", "if", "If");
  }
  CHECK(null_and_void);
  CHECK(lose);
}
