// map_clauses and history on small hand-made Documents.
#include <algorithm>

#include "core/utf8.h"
#include "diff_test_util.h"

using namespace cd;
using namespace cd::diff;
using namespace cd::diff::testing;

namespace {

// Builds a Document from (id, number, body) triples: each clause is written
// as "<label>\n<body>\n\n", with Clause::body covering the body only.
struct Spec {
  Spec(std::string i, std::string n, std::string b, int l = 1, std::string p = "")
      : id(std::move(i)),
        number(std::move(n)),
        body(std::move(b)),
        level(l),
        parent(std::move(p)) {}
  std::string id, number, body;
  int level;
  std::string parent;
};

Document make_doc(const std::vector<Spec>& specs) {
  Document d;
  for (const auto& s : specs) {
    Clause c;
    c.id = s.id;
    c.number = s.number;
    c.label = "Article " + s.number;
    c.kind = "article";
    c.level = s.level;
    c.parent = s.parent;
    const auto start = static_cast<uint32_t>(d.text.size());
    d.text += u32(c.label + "\n");
    const auto body_start = static_cast<uint32_t>(d.text.size());
    d.text += u32(s.body);
    c.body = {body_start, static_cast<uint32_t>(d.text.size())};
    c.span = {start, c.body.end};
    d.text += U"\n\n";
    d.clauses.push_back(c);
  }
  return d;
}

const std::string kA =
    "The Parties undertake to settle any international dispute by peaceful means.";
const std::string kB =
    "The Parties will contribute toward the further development of friendly relations.";
const std::string kC =
    "The Parties will consult together whenever the territorial integrity is threatened.";
const std::string kD =
    "An armed attack against one or more of them shall be considered an attack against them all.";
const std::string kE =
    "This Treaty shall be ratified and its provisions carried out by the Parties.";

// Appends "Article N\n\nBODY\n\n" to `t` and its clause to `d` (large tests).
void add_article(Document& d, std::u32string& t, int number, const std::u32string& body) {
  Clause c;
  c.number = std::to_string(number);
  c.id = "art" + c.number;
  c.label = "Article " + c.number;
  const auto start = static_cast<uint32_t>(t.size());
  t += U"Article " + cd::to_u32(c.number) + U"\n\n";
  const auto body_start = static_cast<uint32_t>(t.size());
  t += body + U"\n\n";
  c.span = Span{start, static_cast<uint32_t>(t.size() - 2)};
  c.body = Span{body_start, static_cast<uint32_t>(t.size() - 2)};
  d.clauses.push_back(c);
}

const ClauseMapping* find_b(const std::vector<ClauseMapping>& ms, const std::string& id) {
  for (const auto& m : ms)
    if (std::find(m.b.begin(), m.b.end(), id) != m.b.end()) return &m;
  return nullptr;
}
const ClauseMapping* find_a(const std::vector<ClauseMapping>& ms, const std::string& id) {
  for (const auto& m : ms)
    if (std::find(m.a.begin(), m.a.end(), id) != m.a.end()) return &m;
  return nullptr;
}

}  // namespace

TEST_CASE("map_clauses: equal, changed, inserted (renumbering the rest), deleted") {
  const Document v1 =
      make_doc({{"art1", "1", kA}, {"art2", "2", kB}, {"art3", "3", kC}, {"art4", "4", kE}});
  const Document v2 = make_doc(
      {{"art1", "1", kA},
       {"art2", "2",
        "The Parties shall contribute toward the further development of friendly relations."},
       {"art3", "3", kD},
       {"art4", "4", kC}});
  const auto ms = map_clauses(v1, v2);
  REQUIRE(find_b(ms, "art1"));
  CHECK(find_b(ms, "art1")->status == "equal");
  CHECK(find_b(ms, "art1")->similarity == doctest::Approx(1.0));
  CHECK(find_b(ms, "art2")->status == "changed");
  CHECK(find_b(ms, "art2")->similarity < 1.0);
  CHECK(find_b(ms, "art2")->similarity > 0.8);
  CHECK(find_b(ms, "art3")->status == "inserted");
  CHECK(find_b(ms, "art3")->a.empty());
  const auto* ren = find_b(ms, "art4");
  REQUIRE(ren);
  CHECK(ren->status == "renumbered");
  CHECK(ren->a == std::vector<std::string>{"art3"});
  CHECK(find_a(ms, "art4")->status == "deleted");
  CHECK(find_a(ms, "art4")->b.empty());
  // Order follows the newer version.
  CHECK(ms.front().b == std::vector<std::string>{"art1"});
}

TEST_CASE("map_clauses: moved clause") {
  const Document v1 =
      make_doc({{"art1", "1", kA}, {"art2", "2", kB}, {"art3", "3", kC}, {"art4", "4", kD}});
  const Document v2 =
      make_doc({{"art1", "1", kB}, {"art2", "2", kC}, {"art3", "3", kD}, {"art4", "4", kA}});
  const auto ms = map_clauses(v1, v2);
  const auto* m = find_a(ms, "art1");
  REQUIRE(m);
  CHECK(m->status == "moved");
  CHECK(m->b == std::vector<std::string>{"art4"});
  CHECK(find_a(ms, "art2")->status == "renumbered");
}

TEST_CASE("map_clauses: split and merged") {
  const Document v1 =
      make_doc({{"art1", "1", kA}, {"art2", "2", kB + " " + kC}, {"art3", "3", kE}});
  const Document v2 =
      make_doc({{"art1", "1", kA}, {"art2", "2", kB}, {"art3", "3", kC}, {"art4", "4", kE}});
  auto ms = map_clauses(v1, v2);
  const auto* s = find_a(ms, "art2");
  REQUIRE(s);
  CHECK(s->status == "split");
  CHECK(s->b == std::vector<std::string>{"art2", "art3"});
  CHECK(s->similarity > 0.9);
  CHECK(find_a(ms, "art3")->status == "renumbered");

  ms = map_clauses(v2, v1);
  const auto* g = find_b(ms, "art2");
  REQUIRE(g);
  CHECK(g->status == "merged");
  CHECK(g->a == std::vector<std::string>{"art2", "art3"});
}

TEST_CASE("map_clauses: nested clauses map within their level") {
  const Document v1 =
      make_doc({{"art1", "1", kA + " " + kB, 1, ""}, {"art1.a", "1.a", kB, 2, "art1"}});
  const Document v2 =
      make_doc({{"art1", "1", kA + " " + kB, 1, ""}, {"art1.b", "1.b", kB, 2, "art1"}});
  const auto ms = map_clauses(v1, v2);
  REQUIRE(ms.size() == 2);
  CHECK(find_b(ms, "art1")->status == "equal");
  CHECK(find_b(ms, "art1.b")->status == "renumbered");
  CHECK(find_b(ms, "art1.b")->a == std::vector<std::string>{"art1.a"});
}

TEST_CASE("map_clauses: empty documents") {
  CHECK(map_clauses(Document{}, Document{}).empty());
  const auto ms = map_clauses(Document{}, make_doc({{"art1", "1", kA}}));
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].status == "inserted");
}

TEST_CASE("history: chains and blame over three versions") {
  const Document v0 =
      make_doc({{"art1", "1", "The Parties shall consult together."}, {"art2", "2", kB}});
  const Document v1 = make_doc({{"art1", "1", "The Parties shall consult together promptly."},
                                {"art2", "2", kD},
                                {"art3", "3", kB}});
  const Document v2 = make_doc({{"art1", "1", "The Parties may consult together promptly."},
                                {"art2", "2", kD},
                                {"art3", "3", kB},
                                {"art4", "4", kE}});
  const auto hs = history({v0, v1, v2});
  REQUIRE(hs.size() == 4);
  CHECK(hs[0].clause == "art1");
  CHECK(hs[0].chain == std::vector<std::string>{"art1", "art1", "art1"});
  CHECK(hs[2].chain == std::vector<std::string>{"art2", "art3", "art3"});  // renumbered
  CHECK(hs[1].chain == std::vector<std::string>{"", "art2", "art2"});      // inserted in v1
  CHECK(hs[3].chain == std::vector<std::string>{"", "", "art4"});

  // Blame of art1 in v2: "The Parties " from v0, "may" from v2,
  // " consult together" from v0, " promptly" from v1, "." from v0.
  const Clause* c = v2.clause("art1");
  REQUIRE(c);
  std::u32string_view text(v2.text);
  std::vector<std::pair<std::u32string, int>> got;
  uint32_t pos = c->body.start;
  for (const auto& r : hs[0].blame) {
    CHECK(r.span.start == pos);
    pos = r.span.end;
    got.emplace_back(std::u32string(text.substr(r.span.start, r.span.size())), r.version);
  }
  CHECK(pos == c->body.end);
  std::vector<std::pair<std::u32string, int>> want = {
      {U"The Parties ", 0}, {U"may", 2}, {U" consult together", 0}, {U" promptly", 1}, {U".", 0}};
  CHECK(got == want);
  // A clause that never changed is blamed on its first version only.
  REQUIRE(hs[2].blame.size() == 1);
  CHECK(hs[2].blame[0].version == 0);
  CHECK(hs[3].blame[0].version == 2);
}

TEST_CASE("map_clauses: large documents take candidates from the text diff (regression)") {
  // Above the all-pairs limit the mapping used to compare each clause with a
  // window of neighbours and evaluate an LCS for each: 30 s on a 10 MB draft,
  // and with a budget, most renumbered articles came out inserted + deleted.
  // 600 x 600 clauses (> 250,000 pairs), one inserted at the front: every old
  // article must come out renumbered, none deleted.
  Document a, b;
  std::u32string ta, tb;
  const auto add = add_article;
  auto body_of = [](int k) {
    std::u32string s = U"Provision " + cd::to_u32(std::to_string(k)) + U" on";
    for (int w = 0; w < 12; ++w) s += U" term" + cd::to_u32(std::to_string((k * 7 + w * 13) % 97));
    return s + U".";
  };
  add(b, tb, 1, U"A new first article about something else entirely.");
  for (int k = 1; k <= 600; ++k) {
    add(a, ta, k, body_of(k));
    add(b, tb, k + 1, body_of(k));
  }
  a.text = ta;
  b.text = tb;
  const auto m = cd::diff::map_clauses(a, b);
  int renumbered = 0, deleted = 0;
  for (const auto& x : m) {
    renumbered += x.status == "renumbered";
    deleted += x.status == "deleted";
  }
  CHECK(renumbered == 600);
  CHECK(deleted == 0);
}

TEST_CASE("map_clauses: large documents take similarity from the text diff (changed clauses)") {
  // 600 x 600 clauses, one word changed in each: every clause is "changed"
  // with the similarity its one changed word leaves (15 of 16 tokens kept:
  // 2 * 15 / 32 = 0.9375), found from the diff's common tokens without an LCS.
  Document a, b;
  std::u32string ta, tb;
  const auto add = add_article;
  auto body_of = [](int k, const std::u32string& verb) {
    std::u32string s = U"Provision " + cd::to_u32(std::to_string(k)) + U" " + verb;
    for (int w = 0; w < 12; ++w) s += U" term" + cd::to_u32(std::to_string((k * 7 + w * 13) % 97));
    return s + U".";
  };
  for (int k = 1; k <= 600; ++k) {
    add(a, ta, k, body_of(k, U"shall"));
    add(b, tb, k, body_of(k, U"may"));
  }
  a.text = ta;
  b.text = tb;
  const auto m = cd::diff::map_clauses(a, b);
  int changed = 0;
  for (const auto& x : m) {
    if (x.status != "changed") continue;
    ++changed;
    CHECK(x.similarity == doctest::Approx(0.938).epsilon(0.001));
    CHECK(x.a == x.b);
  }
  CHECK(changed == 600);
}

TEST_CASE("map_clauses: white space does not make a clause changed, case does") {
  const Document v1 = make_doc({{"art1", "1", kA}, {"art2", "2", kB}});
  std::string spaced = kA;
  spaced.replace(spaced.find(' '), 1, " \n  ");
  std::string upper = kB;
  upper[4] = 'p';  // "The parties ..."
  const Document v2 = make_doc({{"art1", "1", spaced + "  "}, {"art2", "2", upper}});
  const auto m = map_clauses(v1, v2);
  REQUIRE(find_b(m, "art1") != nullptr);
  CHECK(find_b(m, "art1")->status == "equal");
  CHECK(find_b(m, "art1")->similarity == 1.0);
  REQUIRE(find_b(m, "art2") != nullptr);
  CHECK(find_b(m, "art2")->status == "changed");
  CHECK(find_b(m, "art2")->similarity < 1.0);
}
