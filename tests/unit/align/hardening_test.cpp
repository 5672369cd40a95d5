// tests/unit/align/hardening_test.cpp: the work bound of align() (align.h,
// docs/LIMITS.md). Documents of many near-identical sentences made scoring
// quadratic in the number of units (two 100 MB single-line texts: hours);
// above the bound the result is an approximation that says so.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "align/align.h"
#include "ingest/ingest.h"
#include "structure/structure.h"

using namespace cd;

namespace {

Document sentences_doc(int n, const std::string& extra) {
  std::string text;
  for (int i = 0; i < n; ++i) {
    text += "The parties agree that an armed attack against one shall be an attack against all";
    text += i % 50 == 0 ? " " + extra + std::to_string(i) + ". " : ". ";
  }
  auto r = ingest::ingest_bytes(text, "many.txt");
  REQUIRE_MESSAGE(r.ok(), r.status().to_string());
  structure::build(r.value());
  return std::move(r.value());
}

}  // namespace

TEST_CASE("align: over the work bound the result is approximate, valid, and says so") {
  const Document a = sentences_doc(300, "zebra");
  const Document b = sentences_doc(300, "yak");
  REQUIRE(a.sentences.size() == 300);
  align::Options small;
  small.max_posting_visits = 20000;  // 300 x 300 units x ~8 shared terms is far above
  const auto al = align::align(a, b, small);
  CHECK(al.approximate);
  REQUIRE(al.notes.size() == 1);
  CHECK(al.notes[0].severity == Severity::note);
  CHECK(al.notes[0].message.find("alignment is approximate") == 0);
  CHECK(al.notes[0].message.find("300 x 300 units") != std::string::npos);
  // Still a valid alignment: every B unit is paired or listed as unaligned.
  std::set<std::string> seen_b;
  for (const auto& p : al.pairs) {
    CHECK(!p.a.empty());
    for (const auto& id : p.b) seen_b.insert(id);
    CHECK((p.score >= small.threshold && p.score <= 1.0));
  }
  for (const auto& id : al.unaligned_b) seen_b.insert(id);
  CHECK(seen_b.size() == b.sentences.size());

  // Under the bound nothing changes: no note, not approximate.
  const auto full = align::align(a, b);
  CHECK_FALSE(full.approximate);
  CHECK(full.notes.empty());
}

TEST_CASE("align: many equally good candidates for one unit stay bounded and paired") {
  // One A sentence, 2,000 identical B sentences: every one is a candidate of
  // the same A unit (the parent/child check and grouping used to compare all
  // pairs of candidates).
  const Document a = sentences_doc(1, "zebra");
  const Document b = sentences_doc(2000, "yak");
  const auto al = align::align(a, b);
  std::size_t paired = 0;
  for (const auto& p : al.pairs) paired += p.b.size();
  CHECK(paired + al.unaligned_b.size() >= b.sentences.size());
  CHECK(paired > 0);
}

TEST_CASE("align: over the work bound candidates are scored exactly and near-copies found") {
  // Articles of common words only (each word in about 40 % of the units): the
  // bound leaves out every term from the search for candidates. Each B
  // article is its A article with one word changed; it must still pair with
  // it, with the score the unbounded run gives (candidates are re-scored on
  // all terms), where it used to pair with whatever the few remaining terms
  // favoured and carry their partial score.
  const std::vector<std::string> words = {
      "party",     "attack",    "armed",    "assistance", "measures",   "security",  "council",
      "forces",    "treaty",    "peace",    "region",     "charter",    "territory", "obligation",
      "consult",   "necessary", "action",   "defence",    "europe",     "america",   "pacific",
      "area",      "restore",   "maintain", "undertake",  "declare",    "recognise", "processes",
      "protocol",  "annex",     "deposit",  "government", "economic",   "political", "technical",
      "logistics", "sanctions", "dispute",  "tribunal",   "arbitration"};
  uint32_t seed = 11;
  auto next = [&] { return (seed = seed * 1103515245u + 12345u) >> 16; };
  std::string a_src, b_src;
  // 600 units: more than align's kParallelUnits, so both halves of B are
  // scored in two threads, in both runs.
  const int n = 600;
  for (int k = 1; k <= n; ++k) {
    std::vector<std::string> body;
    for (int w = 0; w < 20; ++w) body.push_back(words[next() % words.size()]);
    a_src += "Article " + std::to_string(k) + "\n\n";
    for (const auto& w : body) a_src += w + " ";
    a_src += ".\n\n";
    body[next() % 20] = words[next() % words.size()];
    b_src += "Article " + std::to_string(k) + "\n\n";
    for (const auto& w : body) b_src += w + " ";
    b_src += ".\n\n";
  }
  auto a = ingest::ingest_bytes(a_src, "a.txt");
  auto b = ingest::ingest_bytes(b_src, "b.txt");
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  structure::build(a.value());
  structure::build(b.value());
  align::Options exact;
  exact.group_b = false;  // pairs of one unit each, to compare scores
  align::Options small = exact;
  small.max_posting_visits = 5000;
  const auto bounded = align::align(*a, *b, small);
  const auto full = align::align(*a, *b, exact);
  REQUIRE(bounded.approximate);
  REQUIRE_FALSE(full.approximate);
  auto score_of = [](const align::Alignment& al, const std::string& id) {
    for (const auto& p : al.pairs) {
      if (p.a == std::vector<std::string>{id} && p.b == std::vector<std::string>{id})
        return p.score;
    }
    return -1.0;
  };
  int found = 0;
  for (int k = 1; k <= n; ++k) {
    const std::string id = "art" + std::to_string(k);
    const double s = score_of(bounded, id);
    if (s < 0) continue;
    ++found;
    CHECK(s == doctest::Approx(score_of(full, id)));
  }
  CHECK(found >= n * 95 / 100);
}
