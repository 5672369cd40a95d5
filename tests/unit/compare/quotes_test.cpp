#include <doctest/doctest.h>

#include "compare/compare.h"
#include "compare/quotes.h"
#include "structure/structure.h"
#include "test_util.h"

using namespace cd;

namespace {

Document nat() {
  auto d = compare::load(testing::repo_path("corpus/texts/01_north_atlantic_treaty_1949.txt"));
  REQUIRE(d.ok());
  return std::move(d.value());
}

Document news(const std::string& text) {
  ingest::Options o;
  o.genre = "report";
  o.kind = "news";
  auto d = ingest::ingest_bytes(text, "news.txt", o);
  REQUIRE_MESSAGE(d.ok(), d.status().to_string());
  structure::build(d.value());
  return std::move(d.value());
}

}  // namespace

TEST_CASE("quotes: an exact quotation of Article 5 is found with its extent") {
  const Document a = nat();
  const Document b = news(
      "The treaty says each ally \u201Cwill assist the Party or Parties so attacked\u201D and "
      "nothing more.\n");
  const auto qs = compare::find_quotations(a, b);
  REQUIRE(qs.size() == 1);
  CHECK(qs[0].exact);
  CHECK(qs[0].a_unit == "art5");
  CHECK(a.utf8(qs[0].a) == "will assist the Party or Parties so attacked");
  CHECK(b.utf8(qs[0].b) == "will assist the Party or Parties so attacked");
}

TEST_CASE("quotes: a misquote is flagged with the words that differ") {
  const Document a = nat();
  // "armed" dropped, "immediately" added: what the news paraphrase of Art. 5 often does.
  const Document b = news(
      "Article 5 states that \"an attack against one or more of them in Europe or North America "
      "shall immediately be considered an attack against them all\".\n");
  const auto qs = compare::find_quotations(a, b);
  REQUIRE(qs.size() == 1);
  CHECK_FALSE(qs[0].exact);
  CHECK(qs[0].a_unit == "art5");
  INFO("dropped: ", [&] {
    std::string s;
    for (auto& w : qs[0].dropped) s += w + "|";
    return s;
  }());
  CHECK(qs[0].dropped == std::vector<std::string>{"armed"});
  INFO("added: ", [&] {
    std::string s;
    for (auto& w : qs[0].added) s += w + "|";
    return s;
  }());
  CHECK(qs[0].added == std::vector<std::string>{"immediately"});
}

TEST_CASE("quotes: short quoted names are not quotations") {
  const Document a = nat();
  const Document b = news("So-called \u201Cplatinum\u201D guarantees, \"NATO-style\" ones.\n");
  CHECK(compare::find_quotations(a, b).empty());
}
