// Options of diff_texts: ignore_*, chars, cleanup, moves.
#include "diff_test_util.h"

using namespace cd;
using namespace cd::diff;
using namespace cd::diff::testing;

namespace {
bool all_equal(const EditScript& es) {
  for (const auto& op : es.ops)
    if (op.op != OpKind::equal) return false;
  return true;
}
std::u32string changed(std::u32string_view a, std::u32string_view b, const EditScript& es) {
  std::u32string out;
  for (const auto& op : es.ops) {
    if (op.op == OpKind::del) out += U"-[" + cut(a, op.a) + U"]";
    if (op.op == OpKind::ins) out += U"+[" + cut(b, op.b) + U"]";
  }
  return out;
}
}  // namespace

TEST_CASE("ignore_case") {
  const std::u32string a = U"The PARTIES shall consult.", b = U"the Parties shall consult.";
  CHECK_FALSE(all_equal(diff_texts(a, b)));
  Options o;
  o.ignore_case = true;
  const auto es = diff_texts(a, b, o);
  check_reproduces(a, b, es, false);
  CHECK(all_equal(es));
}

TEST_CASE("ignore_whitespace") {
  const std::u32string a = U"shall  consult\ntogether", b = U"shall consult together";
  Options o;
  o.ignore_whitespace = true;
  const auto es = diff_texts(a, b, o);
  check_reproduces(a, b, es, false);
  CHECK(all_equal(es));
  CHECK_FALSE(all_equal(diff_texts(a, b)));
}

TEST_CASE("ignore_punct") {
  const std::u32string a = U"attack, and shall act; forthwith",
                       b = U"attack and shall act forthwith.";
  Options o;
  o.ignore_punct = true;
  const auto es = diff_texts(a, b, o);
  check_reproduces(a, b, es, false);
  CHECK(all_equal(es));
  const std::u32string c = U"attack, and may act forthwith";
  const auto es2 = diff_texts(a, c, o);
  check_reproduces(a, c, es2, false);
  CHECK(es2.stats.tokens_deleted == 1);
}

TEST_CASE("ignore_numbering") {
  const std::u32string a = U"Article 5\nThe Parties agree (a) to act.",
                       b = U"Article 7\nThe Parties agree (c) to act.";
  Options o;
  o.ignore_numbering = true;
  auto es = diff_texts(a, b, o);
  check_reproduces(a, b, es, false);
  CHECK(all_equal(es));
  const std::u32string c = U"ARTICLE V\nText.", d = U"ARTICLE VI\nText.";
  es = diff_texts(c, d, o);
  CHECK(all_equal(es));
  CHECK_FALSE(all_equal(diff_texts(c, d)));
}

TEST_CASE("chars mode: character granularity, whole words after cleanup") {
  const std::u32string a = U"the test case", b = U"the text case";
  Options o;
  o.chars = true;
  o.minimal = true;
  auto es = diff_texts(a, b, o);
  check_reproduces(a, b, es);
  CHECK(changed(a, b, es) == U"-[s]+[x]");
  o.minimal = false;
  es = diff_texts(a, b, o);
  check_reproduces(a, b, es);
  CHECK(changed(a, b, es) == U"-[test]+[text]");
  CHECK(es.stats.tokens_old == 11);  // non-space code points
}

TEST_CASE("cleanup merges a one-letter equality between two changes") {
  const std::u32string a = U"shall take a decision forthwith", b = U"may make a choice forthwith";
  Options o;
  o.detect_moves = false;
  o.minimal = true;
  auto es = diff_texts(a, b, o);
  check_reproduces(a, b, es);
  o.minimal = false;
  es = diff_texts(a, b, o);
  check_reproduces(a, b, es);
  CHECK(changed(a, b, es) == U"-[shall take a decision]+[may make a choice]");
}

TEST_CASE("cleanup slides an insertion to a word boundary") {
  const std::u32string a = U"the armed attack", b = U"the armed armed attack";
  const auto es = diff_texts(a, b);
  check_reproduces(a, b, es);
  REQUIRE(es.ops.size() == 3);
  CHECK(cut(b, es.ops[1].b).front() != U' ');
}

TEST_CASE("moves: a moved paragraph becomes a Move") {
  const std::u32string p1 =
      U"Article 1\n\nThe Parties undertake to settle disputes by peaceful means.";
  const std::u32string p2 =
      U"Article 2\n\nThe Parties will contribute to friendly international relations.";
  const std::u32string p3 =
      U"Article 3\n\nIn order more effectively to achieve the objectives of this Treaty.";
  const std::u32string a = p1 + U"\n\n" + p2 + U"\n\n" + p3;
  const std::u32string b = p2 + U"\n\n" + p3 + U"\n\n" + p1;
  const auto es = diff_texts(a, b);
  check_reproduces(a, b, es);
  REQUIRE(es.moves.size() == 1);
  CHECK(cut(a, es.moves[0].a) == p1);
  CHECK(cut(b, es.moves[0].b) == p1);
  int marked = 0;
  for (const auto& op : es.ops) marked += op.move == 0;
  CHECK(marked == 2);
  Options o;
  o.detect_moves = false;
  CHECK(diff_texts(a, b, o).moves.empty());
}

TEST_CASE("moves: short runs are not moves") {
  const std::u32string a = U"one two three. Body text here.", b = U"Body text here. one two three.";
  Options o;
  o.min_move_tokens = 4;
  const auto es = diff_texts(a, b, o);
  check_reproduces(a, b, es);
  CHECK(es.moves.empty());
}
