// Regression tests on real corpus sentences for the rule changes of issue 6
// (gold cues in annotations/gold/cues.tsv). Each case names the rule it pins
// down and the sentence that showed the miss or the spurious cue.
#include <doctest/doctest.h>

#include "fixtures.h"

using namespace cd;
using namespace cd::testing;

namespace {

Annotated legal(const std::string& text) {
  return annotated(make_doc("legal", {{"c1", text, ""}}));
}

Annotated legal_line(const std::string& file, const std::string& prefix) {
  return annotated(make_doc("legal", {{"c1", line_starting(corpus_body(file), prefix), ""}}));
}

// One sentence of the news article, read as a report.
Annotated news_sentence(const std::string& first_words) {
  const std::string body = read_repo_file("corpus/news/platinum_guarantees_article.txt");
  const auto at = body.find(first_words);
  REQUIRE_MESSAGE(at != std::string::npos, first_words);
  // The sentence ends at the first full stop after a lower-case letter ("U.S."
  // does not end one) that is followed by a space or a newline.
  std::size_t end = at + 1;
  while (end < body.size() &&
         !(body[end] == '.' && body[end - 1] >= 'a' && body[end - 1] <= 'z' &&
           (end + 1 == body.size() || body[end + 1] == ' ' || body[end + 1] == '\n'))) {
    ++end;
  }
  return annotated(make_doc("report", {{"s1", body.substr(at, end + 1 - at), ""}}));
}

std::string cat_of(const Annotated& a, const std::string& text) {
  const auto v = find_text(a, text);
  return v.empty() ? std::string("(none)") : v.front().category + "/" + v.front().subtype;
}

int count_of(const Annotated& a, const std::string& category) {
  return static_cast<int>(
      std::count_if(a.annotations.begin(), a.annotations.end(),
                    [&](const Annotation& x) { return x.category == category; }));
}

const char* const kNat = "corpus/texts/01_north_atlantic_treaty_1949.txt";
const char* const kRio = "corpus/texts/03_rio_treaty_1947_articles_1-3.txt";
const char* const kTeu = "corpus/texts/07_teu_article_42_7.txt";
const char* const kBudapest = "corpus/texts/09b_budapest_memorandum_1994_A-49-765_text.txt";

}  // namespace

TEST_CASE("OBL-01: an agentless \"shall be\" is a rule about a thing, not an undertaking") {
  // NAT 5, second paragraph: reporting and termination of measures.
  const auto nat = legal_line(kNat, "Any such armed attack and all measures");
  CHECK(count_of(nat, "obligation") == 0);
  CHECK(cat_of(nat, "immediately") == "temporal/immediacy");
  // TEU 42(7), second paragraph: a consistency rule about commitments.
  const auto teu = legal_line(kTeu, "Commitments and cooperation in this area");
  CHECK(count_of(teu, "obligation") == 0);
  // A passive that names who must act stays a duty (NAT 11).
  const auto art11 = legal_line(kNat, "This Treaty shall be ratified");
  REQUIRE(!find_text(art11, "shall").empty());
  CHECK(find_text(art11, "shall").front().category == "obligation");
  // And the active modal is untouched (TEU 42(7) first paragraph).
  const auto teu1 = legal_line(kTeu, "7. If a Member State");
  CHECK(cat_of(teu1, "shall have towards it an obligation") == "obligation/obligation");
}

TEST_CASE("TMP-05: the Art 51 formula keeps the Council's \"measures necessary\"") {
  const auto nat = legal_line(kNat, "Any such armed attack and all measures");
  CHECK(cat_of(nat, "when the Security Council has taken the measures necessary") ==
        "temporal/until_body_acts");
  CHECK(count_of(nat, "vagueness") == 0);  // the necessity is the Council's, not the obligor's
}

TEST_CASE("Rio 3(2): request, until the organ decides, and a power to decide") {
  const auto rio = legal_line(kRio, "2. On the request of");
  CHECK(cat_of(rio, "On the request of") == "procedure/on_request");
  // TMP-05: the individual measures last only until the Organ of Consultation decides.
  CHECK(
      cat_of(rio, "until the decision of the Organ of Consultation of the Inter-American System") ==
      "temporal/until_body_acts");
  // PRC-02: the organ's name is not a procedural step by itself.
  CHECK(find_text(rio, "Organ of Consultation").empty());
  // DSC-02: "may determine ... which it may take" is one power to decide.
  CHECK(cat_of(rio, "may determine the immediate measures which it may individually take") ==
        "discretion/decider");
  CHECK(count_of(rio, "permission") == 0);
  CHECK(cat_of(rio, "each one of the Contracting Parties") == "obligor/parties");
  CHECK(cat_of(rio, "without delay") == "temporal/immediacy");
}

TEST_CASE("OBG-01: \"the said Contracting Parties\"; partners after \"with\" are not obligors") {
  const auto rio = legal_line(kRio, "1. The High Contracting Parties agree");
  CHECK(cat_of(rio, "each one of the said Contracting Parties") == "obligor/parties");
  CHECK(cat_of(rio, "undertakes to") == "obligation/obligation");
  const auto nat = annotated(nat_art5());
  CHECK(find_text(nat, "the other Parties").empty());
  CHECK(cat_of(nat, "individually and in concert") == "obligor/parties");
  const auto spaced = legal("Each Party shall act in concert with\n  the other Parties.");
  CHECK(find_text(spaced, "the other Parties").empty());
  CHECK(cat_of(spaced, "Each Party") == "obligor/parties");
  // The obligor before the modal is still one (TEU 42(7)).
  const auto teu = annotated(teu_42_7());
  CHECK(cat_of(teu, "the other Member States") == "obligor/parties");
}

TEST_CASE("GEO-03: a region bounded by a line is one place (NAT 6)") {
  const auto i = legal_line(kNat, "(i) on the territory");
  CHECK(cat_of(i, "in the North Atlantic area north of the Tropic of Cancer") == "geo_scope/line");
  CHECK(find_text(i, "in the North Atlantic area").empty());
  CHECK(cat_of(i, "in Europe or North America") == "geo_scope/region");
  const auto ii = legal_line(kNat, "(ii) on the forces");
  CHECK(cat_of(ii, "north of the Tropic of Cancer") == "geo_scope/line");
  CHECK(cat_of(ii, "on the forces, vessels or aircraft") == "geo_scope/forces_extension");
  const Profile p = annotate::profile(i.doc, {"c1"}, i.annotations);
  const auto& places = p.sets.at("places");
  CHECK(std::find(places.begin(), places.end(),
                  "north atlantic area north of the tropic of cancer") != places.end());
}

TEST_CASE("BND-01/02: a treaty's name is not a claim about the instrument's form") {
  // Budapest para 4 names the NPT; the memorandum is not thereby a treaty.
  const auto bud = legal_line(kBudapest, "4. The Russian Federation");
  CHECK(count_of(bud, "bindingness") == 0);
  CHECK(cat_of(bud, "seek immediate United Nations Security Council action") ==
        "obligation/delegate_to_body");
  // The memorandum's own title states its form.
  const auto title = legal_line(kBudapest, "Memorandum on Security Assurances");
  CHECK(cat_of(title, "Memorandum") == "bindingness/soft");
  CHECK(find_text(title, "Treaty").empty());
  // "this Treaty" is the instrument speaking of itself (NAT 7).
  const auto art7 = legal_line(kNat, "This Treaty does not affect");
  CHECK(cat_of(art7, "This Treaty") == "bindingness/hard");
  // TEU 42(7) names an organisation.
  CHECK(count_of(legal_line(kTeu, "Commitments and cooperation in this area"), "bindingness") == 0);
  // The news article: a name, a modifier, a generic "framework".
  CHECK(count_of(news_sentence("The Berlin round ultimately resulted"), "bindingness") == 0);
  CHECK(count_of(news_sentence("Each treaty member independently"), "bindingness") == 0);
  CHECK(count_of(news_sentence("Thus, even under a"), "bindingness") == 0);
  // What a report does claim about the form is still found.
  const auto claim = annotated(make_doc(
      "report", {{"s1", "Kyiv wants a legally binding treaty, not a political declaration.", ""}}));
  CHECK(cat_of(claim, "legally binding") == "bindingness/hard");
  CHECK(cat_of(claim, "political declaration") == "bindingness/soft");
  CHECK(cat_of(annotated(make_doc(
                   "report", {{"s1", "The deal would be a treaty ratified by the Senate.", ""}})),
               "a treaty") == "bindingness/hard");
}

TEST_CASE("HDG-03: \"so-called\" distances a label, it does not weaken the claim") {
  const auto s1 = news_sentence("Donald Trump is prepared to offer");
  CHECK(find_text(s1, "so-called").empty());
  CHECK(cat_of(s1, "comparable in scope to") == "hedge/analogy");
  CHECK(cat_of(news_sentence("The Berlin round ultimately resulted"), "modeled on") ==
        "hedge/analogy");
}

TEST_CASE("GEO-01: 'in Europe' inside the CSCE's name is not a place limit (Budapest, A/49/765)") {
  const auto p1 = legal_line("corpus/texts/09b_budapest_memorandum_1994_A-49-765_text.txt",
                             "1. The Russian Federation");
  CHECK(find_text(p1, "in Europe").empty());
  // Spelt with a hyphen too; a real place limit is still one.
  const auto hyphen =
      legal("the principles of the Conference on Security and Co-operation in Europe");
  CHECK(find_text(hyphen, "in Europe").empty());
  const auto real = legal("an armed attack against one or more of them in Europe or North America");
  CHECK(cat_of(real, "in Europe or North America") == "geo_scope/region");
}
