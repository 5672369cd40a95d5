#include <doctest/doctest.h>

#include "report/describe.h"
#include "report_fixture.h"

using namespace cd::report;

TEST_CASE("polarity is read from the protected party's side") {
  CHECK(change_polarity("trigger", "narrowed") == Polarity::weaker);
  CHECK(change_polarity("trigger", "widened") == Polarity::stronger);
  CHECK(change_polarity("obligation", "weakened") == Polarity::weaker);
  CHECK(change_polarity("discretion", "added") == Polarity::weaker);
  CHECK(change_polarity("discretion", "removed") == Polarity::stronger);
  CHECK(change_polarity("discretion", "implicit") == Polarity::weaker);
  CHECK(change_polarity("immediacy", "removed") == Polarity::weaker);
  CHECK(change_polarity("immediacy", "added") == Polarity::stronger);
  CHECK(change_polarity("procedure", "added") == Polarity::weaker);
  CHECK(change_polarity("time_limit", "shortened") == Polarity::weaker);
  CHECK(change_polarity("obligor", "changed") == Polarity::neutral);
  CHECK(change_polarity("means", "paraphrase") == Polarity::neutral);
}

TEST_CASE("every change has a symbol, and the common ones are distinct") {
  CHECK(change_symbol("weakened") == "\u25BC");
  CHECK(change_symbol("strengthened") == "\u25B2");
  CHECK(change_symbol("narrowed") != change_symbol("widened"));
  CHECK(change_symbol("added") == "+");
  CHECK(change_symbol("removed") == "\u2212");
  CHECK(change_symbol("changed") == "\u2260");
  CHECK(change_symbol("something new") == "\u2260");
}

TEST_CASE("matrix columns follow the taxonomy order, unknown dimensions last") {
  auto set = cd::testing::make_report_fixture();
  set.comparisons[1].pairs[0].deltas.push_back(
      cd::testing::fixture_delta("zeta", "added", {}, {}, ""));
  const auto dims = matrix_dimensions(set);
  REQUIRE(dims.size() == 10);
  CHECK(dims.front() == "obligation");
  CHECK(dims[1] == "trigger_frame");
  CHECK(dims[2] == "trigger");
  CHECK(dims.back() == "zeta");
}

TEST_CASE("cell_change prefers the summary, else agrees or says mixed") {
  cd::Comparison c;
  c.summary["trigger"] = "narrowed";
  cd::AlignedPair p;
  p.deltas.push_back(cd::testing::fixture_delta("means", "weakened", {}, {}, ""));
  p.deltas.push_back(cd::testing::fixture_delta("means", "strengthened", {}, {}, ""));
  p.deltas.push_back(cd::testing::fixture_delta("hedge", "added", {}, {}, ""));
  c.pairs.push_back(p);
  CHECK(cell_change(c, "trigger") == "narrowed");
  CHECK(cell_change(c, "means") == "mixed");
  CHECK(cell_change(c, "hedge") == "added");
  CHECK(cell_change(c, "obligation") == "");
}

TEST_CASE("titles, nouns and badges") {
  const auto set = cd::testing::make_report_fixture();
  const auto& draft = set.comparisons[0].b.meta;
  const auto& news = set.comparisons[1].b.meta;
  CHECK(short_title(set.comparisons[0].a.meta) == "The North Atlantic Treaty");
  CHECK(title_in_sentence(set.comparisons[0].a.meta) == "the North Atlantic Treaty");
  CHECK(short_title(draft) == "Draft US security-guarantee framework for Ukraine");
  CHECK(document_noun(draft) == "the reported draft");
  CHECK(document_noun(news) == "the news report");
  CHECK(provenance_badge(draft) == "reported, unofficial");
  CHECK(provenance_badge(news) == "news report");
  CHECK(provenance_badge(set.comparisons[0].a.meta) == "");
  cd::DocumentMeta m;
  m.kind = "draft";
  CHECK(provenance_badge(m) == "draft");
  CHECK(reference_name(set, set.comparisons[0]) == "Article 5");
}

TEST_CASE("summaries lead with what the draft takes away") {
  const auto set = cd::testing::make_report_fixture();
  const auto s = summarize(set, set.comparisons[0]);
  CHECK(
      s.rfind("Compared with Article 5, the reported draft narrows the trigger (\u201Csignificant, "
              "deliberate, and sustained armed attack \u2026 by Russia\u201D) and weakens the "
              "obligation",
              0) == 0);
  CHECK(s.find("It also adds discretion over the response and a procedural step;") !=
        std::string::npos);
  CHECK(s.find("removes immediacy") != std::string::npos);
  CHECK(s.find("The US president decides the measures") != std::string::npos);

  cd::Comparison empty = set.comparisons[0];
  empty.pairs.clear();
  CHECK(summarize(set, empty).find("No part of the reported draft was aligned with Article 5") ==
        0);
  cd::Comparison same = set.comparisons[0];
  same.summary.clear();
  same.pairs[0].deltas.clear();
  CHECK(summarize(set, same).find("shows no difference") != std::string::npos);
}

TEST_CASE("collapse and sanitize") {
  CHECK(collapse("  a \n\t b  ") == "a b");
  CHECK(collapse("\u201Cabcdef\u201D", 4) == "\u201Cab\u2026");
  CHECK(sanitize_text("a\x1b[2Jb\x07") == "a\uFFFD[2Jb\uFFFD");
  CHECK(sanitize_text("tab\tnew\nline") == "tab\tnew\nline");
}
