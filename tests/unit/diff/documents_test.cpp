// tests/unit/diff/documents_test.cpp: diff_documents (one tokenization for the
// text diff and the clause mapping) gives what diff_texts + map_clauses give,
// on the real bill drafts and on random documents under every option.
#include <algorithm>
#include <cctype>
#include <random>

#include "compare/compare.h"
#include "diff_test_util.h"
#include "test_util.h"

using namespace cd;
using namespace cd::diff;
using namespace cd::diff::testing;

namespace {

void check_same(const Document& a, const Document& b, const Options& opt) {
  const auto both = diff_documents(a, b, opt);
  const auto script = diff_texts(a.text, b.text, opt);
  const auto clauses = map_clauses(a, b, script);
  check_reproduces(
      a.text, b.text, both.script,
      !opt.ignore_case && !opt.ignore_whitespace && !opt.ignore_numbering && !opt.ignore_punct);
  REQUIRE(both.script.ops.size() == script.ops.size());
  for (std::size_t i = 0; i < script.ops.size(); ++i) {
    CHECK(both.script.ops[i].op == script.ops[i].op);
    CHECK(both.script.ops[i].a == script.ops[i].a);
    CHECK(both.script.ops[i].b == script.ops[i].b);
    CHECK(both.script.ops[i].move == script.ops[i].move);
  }
  CHECK(both.script.moves.size() == script.moves.size());
  REQUIRE(both.clauses.size() == clauses.size());
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    CHECK(both.clauses[i].a == clauses[i].a);
    CHECK(both.clauses[i].b == clauses[i].b);
    CHECK(both.clauses[i].status == clauses[i].status);
    CHECK(both.clauses[i].similarity == clauses[i].similarity);
  }
}

Document load(const std::string& rel) {
  auto d = compare::load(cd::testing::repo_path(rel));
  REQUIRE_MESSAGE(d.ok(), d.status().to_string());
  return std::move(d).value();
}

}  // namespace

TEST_CASE("diff_documents: the real bill drafts, under each option") {
  const std::string dir = "corpus/drafts/us-116-hjres37-yemen-war-powers/";
  const Document rh = load(dir + "HJ37_RH.XML");
  const Document rfs = load(dir + "HJ37_RFS.XML");
  Options plain, icase, ws, numbering, chars, minimal;
  icase.ignore_case = true;
  ws.ignore_whitespace = true;
  numbering.ignore_numbering = true;
  chars.chars = true;
  minimal.minimal = true;
  for (const Options* o : {&plain, &icase, &ws, &numbering, &chars, &minimal})
    check_same(rh, rfs, *o);
  // The mapping has the renumbering the golden test expects (spot check).
  const auto both = diff_documents(rh, rfs);
  bool renumbered = false;
  for (const auto& m : both.clauses) renumbered |= m.status == "renumbered";
  CHECK(renumbered);
}

TEST_CASE("diff_documents: random clause documents, case changes and moves") {
  std::mt19937 rng(11);
  for (int round = 0; round < 30; ++round) {
    Document a, b;
    auto add = [&](Document& d, int n, const std::string& body) {
      Clause c;
      c.number = std::to_string(n);
      c.id = "art" + c.number;
      c.label = "Article " + c.number;
      const auto start = static_cast<uint32_t>(d.text.size());
      d.text += u32(c.label + "\n");
      const auto body_start = static_cast<uint32_t>(d.text.size());
      d.text += u32(body);
      c.body = {body_start, static_cast<uint32_t>(d.text.size())};
      c.span = {start, c.body.end};
      d.text += U"\n\n";
      d.clauses.push_back(c);
    };
    std::vector<std::string> bodies;
    for (int k = 0; k < 6; ++k)
      bodies.push_back(random_text(rng, 12 + static_cast<int>(rng() % 20), 8));
    for (int k = 0; k < 6; ++k) add(a, k + 1, bodies[static_cast<std::size_t>(k)]);
    std::shuffle(bodies.begin(), bodies.end(), rng);
    for (auto& s : bodies) {
      if (rng() % 3 == 0 && !s.empty()) s[0] = static_cast<char>(std::toupper(s[0]));
    }
    for (int k = 0; k < 6; ++k) add(b, k + 1, bodies[static_cast<std::size_t>(k)]);
    Options o;
    o.ignore_case = round % 2 == 1;
    check_same(a, b, o);
  }
}
