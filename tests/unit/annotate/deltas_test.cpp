// Deltas beyond the worked example: geography, time limits, paraphrase,
// widening, reports.
#include <doctest/doctest.h>

#include "fixtures.h"

using namespace cd;
using namespace cd::testing;

namespace {

Annotated legal(const std::string& text) {
  return annotated(make_doc("legal", {{"c1", text, ""}}));
}

const Delta* find(const std::vector<Delta>& ds, const std::string& dim) {
  for (const auto& d : ds) {
    if (d.dimension == dim) return &d;
  }
  return nullptr;
}

// The change of `dim`, by value (safe on temporaries), "(none)" without one.
std::string change_of(const std::vector<Delta>& ds, const std::string& dim) {
  const Delta* d = find(ds, dim);
  return d ? d->change : "(none)";
}

}  // namespace

TEST_CASE("geo_scope: Europe is narrower than Europe or North America, the Pacific is different") {
  const auto nat = annotated(nat_art5());
  const auto mbt = legal(
      "If any of the High Contracting Parties should be the object of an armed attack in Europe, "
      "the "
      "other High Contracting Parties will, in accordance with the provisions of Article 51 of the "
      "Charter of the United Nations, afford the Party so attacked all the military and other aid "
      "and "
      "assistance in their power.");
  const auto ds = compare(nat, mbt);
  const Delta* g = find(ds, "geo_scope");
  REQUIRE(g);
  CHECK(g->change == "narrowed");
  CHECK(g->explanation.find("“in Europe”") != std::string::npos);
  CHECK(has(delta_ids(ds), "means strengthened"));
  CHECK(has(delta_ids(ds), "discretion removed"));
  // And the other way round.
  const auto back_ds = compare(mbt, nat);  // keep the deltas alive while pointing into them
  const Delta* back = find(back_ds, "geo_scope");
  REQUIRE(back);
  CHECK(back->change == "widened");
  const auto pac_ds = compare(nat, annotated(anzus_art4()));
  const Delta* pac = find(pac_ds, "geo_scope");
  REQUIRE(pac);
  CHECK(pac->change == "changed");
}

TEST_CASE("geo_scope: a legal trigger without any place limit is wider") {
  const auto a = legal("An armed attack in Europe shall be considered an attack against them all.");
  const auto b = legal("An armed attack shall be considered an attack against them all.");
  const auto ds = compare(a, b);
  const Delta* g = find(ds, "geo_scope");
  REQUIRE(g);
  CHECK(g->change == "widened");
  CHECK(g->b_evidence.empty());
}

TEST_CASE("trigger: restrictions dropped widen, synonyms are a paraphrase") {
  const auto a = legal(
      "A significant, deliberate and sustained armed attack by the Russian Federation shall be "
      "considered an attack against them all.");
  const auto b = legal(
      "A significant, intentional and sustained armed attack by Russia shall be considered an "
      "attack against them all.");
  const auto c = legal("An armed attack shall be considered an attack against them all.");
  const auto ab = compare(a, b);
  REQUIRE(find(ab, "trigger"));
  CHECK(find(ab, "trigger")->change == "paraphrase");
  const auto ac = compare(a, c);
  REQUIRE(find(ac, "trigger"));
  CHECK(find(ac, "trigger")->change == "widened");
  CHECK(find(ac, "trigger")->a_evidence.size() == 5);  // 3 qualifiers, the adversary, the event
}

TEST_CASE("trigger: the anaphoric \"the attack\" does not widen the event") {
  const auto rio = legal(
      "An armed attack by any State against an American State shall be considered as an attack "
      "against all the American States and each one undertakes to assist in meeting the attack.");
  const auto ds = compare(annotated(nat_art5()), rio);
  for (const auto& d : ds) CHECK_MESSAGE(d.dimension != "trigger", d.explanation);
}

TEST_CASE("time_limit: added, shortened, lengthened") {
  const auto none = legal("Each Party shall assist the Party so attacked.");
  const auto ten = legal(
      "Each Party shall assist the Party so attacked. This framework is valid for ten years, "
      "renewable.");
  const auto five = legal(
      "Each Party shall assist the Party so attacked. This Agreement shall remain in force for a "
      "period of 5 years.");
  CHECK(change_of(compare(none, ten), "time_limit") == "added");
  CHECK(change_of(compare(ten, none), "time_limit") == "removed");
  CHECK(change_of(compare(ten, five), "time_limit") == "shortened");
  CHECK(change_of(compare(five, ten), "time_limit") == "lengthened");
  const Profile p = annotate::profile(ten.doc, {"c1"}, ten.annotations);
  CHECK(p.sets.at("time_limits") == std::vector<std::string>{"10 years"});
}

TEST_CASE("obligation: shall and undertakes are the same force in other words") {
  const auto a = legal("Each Party shall assist the Party so attacked.");
  const auto b = legal("Each Party undertakes to assist the Party so attacked.");
  const auto ab = compare(a, b);
  const Delta* o = find(ab, "obligation");
  REQUIRE(o);
  CHECK(o->change == "paraphrase");
  const auto c = legal("Each Party will seek to assist the Party so attacked.");
  CHECK(change_of(compare(a, c), "obligation") == "weakened");
  CHECK(change_of(compare(c, a), "obligation") == "strengthened");
}

TEST_CASE("reports: hedges are added, a report's \"attack\" abbreviates \"armed attack\"") {
  const auto nat = annotated(nat_art5());
  const auto news = annotated(make_doc(
      "report",
      {{"s1",
        "The draft reportedly says that an attack on Ukraine shall be regarded as an attack "
        "threatening the peace and security of the transatlantic community.",
        ""}}));
  const auto ds = compare(nat, news);
  const auto ids = delta_ids(ds);
  CHECK_MESSAGE(has(ids, "hedge added"), joined(ids));
  CHECK_MESSAGE(has(ids, "trigger_frame weakened"), joined(ids));
  CHECK_FALSE(has(ids, "trigger widened"));
  // A report that does not mention a place says nothing about geography.
  CHECK_FALSE(has(ids, "geo_scope widened"));
}

TEST_CASE("prohibition and exception presence") {
  const auto a = legal("Each Party shall assist the Party so attacked.");
  const auto b = legal(
      "Each Party shall assist the Party so attacked, unless it is itself at war. No Party shall "
      "conclude a separate peace.");
  const auto ids = delta_ids(compare(a, b));
  CHECK(has(ids, "prohibition added"));
  CHECK(has(ids, "exception added"));
  CHECK(has(delta_ids(compare(b, a)), "exception removed"));
}

TEST_CASE("trigger: narrowed and widened at once (Budapest para 4 pattern)") {
  const auto nat = annotated(nat_art5());
  const auto bud = legal(
      "The Parties reaffirm their commitment to seek immediate United Nations Security Council "
      "action "
      "to provide assistance to Ukraine if Ukraine should become a victim of an act of aggression "
      "or an "
      "object of a threat of aggression in which nuclear weapons are used.");
  const auto ds = compare(nat, bud);
  const auto ids = delta_ids(ds);
  CHECK_MESSAGE(has(ids, "trigger narrowed"), joined(ids));
  CHECK_MESSAGE(has(ids, "trigger widened"), joined(ids));
  CHECK_MESSAGE(has(ids, "obligation weakened"), joined(ids));
  // narrowed comes first
  const auto n = std::find(ids.begin(), ids.end(), "trigger narrowed");
  const auto w = std::find(ids.begin(), ids.end(), "trigger widened");
  CHECK(n < w);
}

TEST_CASE("obligation: a pledge to act in concert is not a duty to assist") {
  const auto body =
      corpus_body("corpus/texts/11d_us_security_guarantee_draft_nov2025_REPORTED.txt");
  const auto p5 = legal(line_starting(body, "(5)"));
  const auto hits = find_text(p5, "commit to");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].subtype == "coordinate_only");
  const Profile p = annotate::profile(p5.doc, {"c1"}, p5.annotations);
  CHECK(p.slots.at("obligation") == 1);
  CHECK(p.sets.at("obligors") ==
        std::vector<std::string>{"coordination"});  // "act in concert with"
}
