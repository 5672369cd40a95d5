// The worked example of taxonomy.md, on the real corpus texts.
#include <doctest/doctest.h>

#include "fixtures.h"

using namespace cd;
using namespace cd::testing;

namespace {

int slot(const Profile& p, const std::string& k) {
  auto it = p.slots.find(k);
  return it == p.slots.end() ? -1 : it->second;
}

std::vector<std::string> set_of(const Profile& p, const std::string& k) {
  auto it = p.sets.find(k);
  return it == p.sets.end() ? std::vector<std::string>{} : it->second;
}

void require_all(const std::vector<Delta>& ds, const std::vector<std::string>& expected) {
  const auto ids = delta_ids(ds);
  for (const auto& e : expected)
    CHECK_MESSAGE(has(ids, e), "missing '" << e << "' in: " << joined(ids));
}

}  // namespace

TEST_CASE("worked example: the cues of NAT Article 5") {
  const auto nat = annotated(nat_art5());
  const auto cat = [&](const std::string& text) {
    auto v = find_text(nat, text);
    return v.empty() ? std::string("(none)") : v.front().category + "/" + v.front().subtype;
  };
  CHECK(cat("shall be considered an attack against them all") == "trigger_frame/collective_attack");
  CHECK(cat("will assist") == "obligation/commissive_will");
  CHECK(cat("forthwith") == "temporal/immediacy");
  CHECK(cat("as it deems necessary") == "discretion/self_judging");
  CHECK(cat("including the use of armed force") == "means/armed_force_option");
  CHECK(cat("in Europe or North America") == "geo_scope/region");
  CHECK(cat("each of them") == "obligor/parties");
  // "necessary" inside the discretion cue is not separate vagueness
  CHECK(find_text(nat, "necessary").empty());
  for (const auto& a : nat.annotations) {
    CHECK(a.unit == "art5");
    CHECK(a.id == "art5-" + a.rule + "-" + std::to_string(a.span.start));
  }
  const Profile p = annotate::profile(nat.doc, {"art5"}, nat.annotations);
  CHECK(slot(p, "obligation") == 3);
  CHECK(slot(p, "trigger_frame") == 3);
  CHECK(slot(p, "means") == 2);
  CHECK(slot(p, "discretion") == 2);
  CHECK(slot(p, "immediacy") == 1);
  CHECK(set_of(p, "places") == std::vector<std::string>{"europe", "north america"});
  CHECK(set_of(p, "trigger_events") == std::vector<std::string>{"armed attack"});
  CHECK(set_of(p, "obligors") == std::vector<std::string>{"parties"});
}

TEST_CASE("worked example: NAT Art 5 against the reported 2025 draft (1)+(2)+(3)") {
  const auto nat = annotated(nat_art5());
  const auto draft = annotated(draft_2025());
  const Profile p = annotate::profile(draft.doc, {"p1", "p2", "p3"}, draft.annotations);
  CHECK(p.unit == "p1+p2+p3");
  CHECK(slot(p, "obligation") == 1);
  CHECK(slot(p, "trigger_frame") == 2);
  CHECK(slot(p, "means") == 1);
  CHECK(slot(p, "discretion") == 2);
  CHECK(slot(p, "immediacy") == 0);
  CHECK(slot(p, "procedure") == 1);
  CHECK(set_of(p, "trigger_restrictions") ==
        std::vector<std::string>{"by russia", "deliberate", "significant", "sustained"});
  CHECK(set_of(p, "places") == std::vector<std::string>{"ukraine"});
  CHECK(set_of(p, "obligors") == std::vector<std::string>{"single_executive"});

  const auto ds = compare(nat, draft);
  require_all(ds, {"obligation weakened", "trigger_frame weakened", "trigger narrowed",
                   "discretion added", "means weakened", "immediacy removed", "procedure added",
                   "geo_scope changed", "obligor changed"});
  for (const auto& d : ds) {
    CHECK_MESSAGE(!d.explanation.empty(), d.dimension);
    CHECK_MESSAGE((!d.a_evidence.empty() || !d.b_evidence.empty()), d.dimension);
  }
  // Deterministic, in taxonomy order.
  CHECK(delta_ids(ds) == delta_ids(compare(nat, draft)));
  for (const auto& d : ds) {
    if (d.dimension == "trigger" && d.change == "narrowed") {
      CHECK(d.explanation.find("“significant”") != std::string::npos);
      CHECK(d.explanation.find("“by Russia”") != std::string::npos);
      CHECK(d.b_evidence.size() == 4);
    }
    if (d.dimension == "discretion") {
      CHECK(d.explanation.find("determine the measures necessary") != std::string::npos);
    }
    if (d.dimension == "immediacy") {
      REQUIRE(d.a_evidence.size() == 1);
      CHECK(nat.doc.utf8(d.a_evidence[0]) == "forthwith");
      CHECK(d.b_evidence.empty());
    }
  }
  // The editorial note under quote (1) repeats "significant, deliberate and
  // sustained": notes are not the draft's text, so nothing is found there.
  for (const auto& a : draft.annotations) {
    for (const auto& b : draft.doc.blocks) {
      if (b.kind == BlockKind::note) CHECK_FALSE(b.span.overlaps(a.span));
    }
  }
}

TEST_CASE("worked example: NAT Art 5 against ANZUS Art IV") {
  const auto ds = compare(annotated(nat_art5()), annotated(anzus_art4()));
  require_all(ds, {"obligation weakened", "trigger_frame weakened", "discretion implicit",
                   "domestic_process added", "immediacy removed", "geo_scope changed"});
  const auto ids = delta_ids(ds);
  CHECK_FALSE(has(ids, "obligor changed"));  // each Party is bound on both sides
}

TEST_CASE("worked example: NAT Art 5 against TEU Art 42(7)") {
  const auto ds = compare(annotated(nat_art5()), annotated(teu_42_7()));
  require_all(ds, {"discretion removed", "means strengthened", "exception added",
                   "trigger widened"});  // armed aggression is wider than armed attack
  const auto ids = delta_ids(ds);
  CHECK_FALSE(has(ids, "obligation weakened"));
  CHECK_FALSE(has(ids, "obligation strengthened"));
}

TEST_CASE("deltas: a unit against itself has none") {
  const auto nat = annotated(nat_art5());
  CHECK(compare(nat, nat).empty());
}

TEST_CASE("deltas: the order follows the taxonomy") {
  const auto ds = compare(annotated(nat_art5()), annotated(draft_2025()));
  const std::vector<std::string> order = {
      "obligation", "prohibition",      "trigger_frame", "trigger",    "geo_scope", "discretion",
      "means",      "domestic_process", "immediacy",     "time_limit", "procedure", "exception",
      "obligor",    "bindingness",      "hedge",         "vagueness"};
  int last = -1;
  for (const auto& d : ds) {
    const int at =
        static_cast<int>(std::find(order.begin(), order.end(), d.dimension) - order.begin());
    CHECK(at >= last);
    last = at;
  }
}

TEST_CASE("worked example: the whole of Article 5 (both paragraphs) as one clause") {
  // ingest + structure give Article 5 as one clause with both paragraphs; the
  // second (report to the Security Council) must not blur the comparison.
  const auto body = corpus_body("corpus/texts/01_north_atlantic_treaty_1949.txt");
  const std::string both = line_starting(body, "The Parties agree that an armed attack") + "\n\n" +
                           line_starting(body, "Any such armed attack and all measures");
  const auto nat = annotated(make_doc("legal", {{"art5", both, ""}}));
  require_all(compare(nat, annotated(draft_2025())),
              {"obligation weakened", "trigger_frame weakened", "trigger narrowed",
               "discretion added", "means weakened", "immediacy removed", "procedure added",
               "geo_scope changed", "obligor changed"});
  require_all(compare(nat, annotated(anzus_art4())),
              {"obligation weakened", "trigger_frame weakened", "discretion implicit",
               "domestic_process added", "immediacy removed", "geo_scope changed"});
  require_all(compare(nat, annotated(teu_42_7())),
              {"discretion removed", "means strengthened", "exception added"});
}

TEST_CASE("worked example: the same when the reported draft is read as a report") {
  // Whether ingest calls the reported draft legal or report, the answer holds:
  // in a report the president's unattributed "will" is a prediction, which is
  // still weaker than NAT's "will assist".
  Document d = draft_2025();
  d.meta.genre = "report";
  for (const auto& c : d.clauses) d.sentences.push_back(Sentence{c.id, "", c.span});
  d.clauses.clear();
  const auto draft = annotated(std::move(d));
  require_all(compare(annotated(nat_art5()), draft),
              {"obligation weakened", "trigger_frame weakened", "trigger narrowed",
               "discretion added", "means weakened", "immediacy removed", "procedure added",
               "geo_scope changed", "obligor changed"});
}
