// Genre-aware readings and overlap priority.
#include <doctest/doctest.h>

#include "fixtures.h"

using namespace cd;
using namespace cd::testing;

namespace {

std::string reading_of(const Annotated& a, const std::string& text) {
  auto v = find_text(a, text);
  if (v.empty()) return "(none)";
  return v.front().category + "/" + v.front().subtype +
         (v.front().reading.empty() ? "" : "/" + v.front().reading);
}

Annotated legal(const std::string& text) {
  return annotated(make_doc("legal", {{"c1", text, ""}}));
}
Annotated report(const std::string& text) {
  return annotated(make_doc("report", {{"s1", text, ""}}));
}

}  // namespace

TEST_CASE("readings: \"will\" commits in a treaty and predicts in the news") {
  CHECK(reading_of(legal("Each Party will assist the Party so attacked."), "will assist") ==
        "obligation/commissive_will");
  CHECK(reading_of(report("The United States will assist Ukraine."), "will assist") ==
        "hedge/prediction/prediction");
  CHECK(reading_of(report("The draft says the US will assist Ukraine."), "will assist") ==
        "obligation/commissive_will/attributed");
  CHECK(reading_of(report("The text states that each ally will assist the victim."),
                   "will assist") == "obligation/commissive_will/attributed");
  CHECK(reading_of(report("The U.S. draft says the U.S. will assist Ukraine."), "will assist") ==
        "obligation/commissive_will/attributed");
  CHECK(reading_of(report("The draft was leaked. The U.S. will assist Ukraine."), "will assist") ==
        "hedge/prediction/prediction");  // the attribution is in another sentence
  CHECK(find_text(report("Washington lacks the political will to fight."), "will to").empty());
  // The real news article: "will" in a question ("whether they will") is not
  // the writer's prediction; the hedge is the opener "It is unclear". The next
  // sentence's plain "will depend" is a prediction.
  const auto body = read_repo_file("corpus/news/platinum_guarantees_article.txt");
  const std::string s = line_starting(body, "It is also important to emphasize");
  const auto news = annotated(make_doc("report", {{"s1", s.substr(0, s.find("Much will")), ""},
                                                  {"s2", s.substr(s.find("Much will")), ""}}));
  CHECK(reading_of(news, "will fully replicate") == "(none)");
  CHECK(reading_of(news, "It is unclear") == "hedge/epistemic");
  CHECK(reading_of(news, "will depend") == "hedge/prediction/prediction");
  CHECK(reading_of(report("Officials asked whether the US will assist Ukraine."), "will assist") ==
        "(none)");
}

TEST_CASE("readings: \"may\" with an event subject is epistemic") {
  CHECK(reading_of(report("The deal may collapse before the summit."), "may") ==
        "hedge/epistemic/epistemic");
  CHECK(reading_of(legal("The Parties may, by unanimous agreement, invite any other state."),
                   "may") == "permission/permission/permission");
  CHECK(reading_of(legal("Any such attack may endanger the peace."), "may") ==
        "hedge/epistemic/epistemic");
  CHECK(reading_of(report("Ukraine may request consultations."), "may") ==
        "permission/permission/permission");
}

TEST_CASE("readings: conditional inversions are not recommendations") {
  const auto inv = legal("Should any Party be attacked, the others shall consult.");
  CHECK(find_text(inv, "Should").empty());
  CHECK(reading_of(inv, "shall consult") == "obligation/consult_only");
  const auto mbt = legal(
      "If any of the High Contracting Parties should be the object of an armed attack in Europe, "
      "the other High Contracting Parties will afford the Party so attacked all the military "
      "and other aid and assistance in their power.");
  CHECK(find_text(mbt, "should").empty());
  CHECK(reading_of(mbt, "will afford") == "obligation/commissive_will");
  CHECK(reading_of(mbt, "all the military and other aid and assistance in their power") ==
        "means/all_means");
  CHECK(reading_of(mbt, "in Europe") == "geo_scope/region");
  // A real recommendation stays one.
  CHECK(reading_of(legal("The Parties should consult regularly."), "should") ==
        "obligation/recommendation");
  CHECK(reading_of(legal("If attacked, the Parties should consult."), "should") ==
        "obligation/recommendation");
}

TEST_CASE("readings: exemptions and savings clauses are exceptions, not duties") {
  const auto rio = legal("No State shall be required to use armed force without its consent.");
  CHECK(reading_of(rio, "No State shall be required to") == "exception/exemption");
  CHECK(reading_of(rio, "without its consent") == "exception/exemption");
  for (const auto& a : rio.annotations) {
    CHECK(a.category != "obligation");
    CHECK(a.category != "prohibition");
  }
  const auto teu =
      legal("This shall not prejudice the specific character of the security and defence policy.");
  CHECK(reading_of(teu, "shall not prejudice") == "exception/carve_out");
  for (const auto& a : teu.annotations) CHECK(a.category != "prohibition");
  CHECK(reading_of(legal("No Party shall enter into any engagement in conflict with this Treaty."),
                   "No Party shall") == "prohibition/prohibition");
}

TEST_CASE("overlaps: the more specific category wins") {
  SUBCASE("\"significant\" before \"attack\" is a trigger qualifier, not vagueness") {
    const auto a = legal("A significant armed attack shall be met with a significant response.");
    const auto hits = find_text(a, "significant");
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].category == "trigger");
    CHECK(hits[0].subtype == "intensity_qualifier");
    CHECK(hits[1].category == "vagueness");  // no attack after it
  }
  SUBCASE("procedure beats a consultation duty and immediacy") {
    const auto a =
        legal("The President will, after immediate consultations with the allies, decide.");
    CHECK(reading_of(a, "after immediate consultations with") == "procedure/consult_first");
    CHECK(find_text(a, "immediate consultations").empty());
  }
  SUBCASE("frame beats the mandatory modal inside it") {
    const auto a = legal("An armed attack shall be considered an attack against them all.");
    CHECK(reading_of(a, "shall be considered an attack against them all") ==
          "trigger_frame/collective_attack");
    CHECK(find_text(a, "shall").empty());
  }
  SUBCASE("output is sorted and has no overlaps") {
    const auto a = annotated(draft_2025());
    for (std::size_t i = 1; i < a.annotations.size(); ++i) {
      CHECK(a.annotations[i - 1].span.end <= a.annotations[i].span.start);
    }
  }
}

TEST_CASE("readings: report units are sentences, legal units the deepest clause") {
  Document d =
      make_doc("legal", {{"art1", "The Parties shall consult. Each Party will assist.", ""}});
  Clause child;
  child.id = "art1.b";
  child.parent = "art1";
  child.level = 2;
  const auto at = static_cast<uint32_t>(d.text.find(U"Each Party"));
  child.span = child.body = Span{at, static_cast<uint32_t>(d.text.size())};
  d.clauses.push_back(child);
  const auto a = annotated(d);
  CHECK(find_text(a, "shall consult").front().unit == "art1");
  CHECK(find_text(a, "will assist").front().unit == "art1.b");
  CHECK(find_text(a, "Each Party").front().unit == "art1.b");
  // Not found twice although the child lies inside its parent.
  CHECK(find_text(a, "will assist").size() == 1);
  const auto ps = annotate::profiles(a.doc, a.annotations);
  REQUIRE(ps.size() == 2);
  CHECK(ps[1].unit == "art1.b");
  CHECK(ps[1].slots.at("obligation") == 3);
}
