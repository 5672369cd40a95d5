// tests/unit/diff/moves_test.cpp: moved text, unchanged and edited.
#include "diff_test_util.h"

using namespace cd;
using namespace cd::diff;
using namespace cd::diff::testing;

namespace {

const std::string kMoved =
    "Each Party will assist the Party or Parties so attacked by taking forthwith such action "
    "as it deems necessary.";
const std::string kEdited =
    "Each Party shall assist the Party or Parties so attacked by taking forthwith such action "
    "as it deems necessary.";
const std::string kOther1 = "The Parties undertake to settle any dispute by peaceful means.";
const std::string kOther2 = "This Treaty shall be ratified in accordance with their processes.";
const std::string kOther3 = "The Parties will consult together whenever integrity is threatened.";

std::u32string join(std::initializer_list<std::string> paras) {
  std::string out;
  for (const auto& p : paras) out += (out.empty() ? "" : "\n\n") + p;
  return u32(out);
}

}  // namespace

TEST_CASE("moves: an unchanged paragraph moved has similarity 1") {
  const auto a = join({kMoved, kOther1, kOther2, kOther3});
  const auto b = join({kOther1, kOther2, kOther3, kMoved});
  const auto es = diff_texts(a, b);
  check_reproduces(a, b, es);
  REQUIRE(es.moves.size() == 1);
  CHECK(es.moves[0].similarity == 1.0);
}

TEST_CASE("moves: a paragraph moved and edited is one move, not delete + insert") {
  const auto a = join({kMoved, kOther1, kOther2, kOther3});
  const auto b = join({kOther1, kOther2, kOther3, kEdited});
  const auto es = diff_texts(a, b);
  check_reproduces(a, b, es);
  REQUIRE(es.moves.size() == 1);
  const Move& m = es.moves[0];
  CHECK(m.similarity < 1.0);
  CHECK(m.similarity >= 0.8);
  CHECK(cut(a, m.a) == u32(kMoved));
  CHECK(cut(b, m.b) == u32(kEdited));
  int del = 0, ins = 0;
  for (const auto& op : es.ops) {
    if (op.move != 0) continue;
    del += op.op == OpKind::del;
    ins += op.op == OpKind::ins;
  }
  CHECK(del == 1);
  CHECK(ins == 1);

  Options exact_only;
  exact_only.edited_moves = false;
  CHECK(diff_texts(a, b, exact_only).moves.empty());
}

TEST_CASE("moves: unrelated or short paragraphs are not moves") {
  // Different text of the same length: deleted and inserted, no move.
  const auto a = join({kMoved, kOther1, kOther2});
  const auto b = join({kOther1, kOther2, kOther3});
  CHECK(diff_texts(a, b).moves.empty());
  // Under 8 words, an edited paragraph elsewhere pairs by chance too easily.
  const auto c = join({"The Parties shall consult.", kOther1, kOther2, kOther3});
  const auto d = join({kOther1, kOther2, kOther3, "The Parties may consult."});
  CHECK(diff_texts(c, d).moves.empty());
}
