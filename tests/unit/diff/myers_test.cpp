// Property tests of the word/char diff: exact reproduction and minimality
// against an exhaustive O(nm) LCS.
#include <algorithm>

#include "diff/myers.h"
#include "diff_test_util.h"

using namespace cd;
using namespace cd::diff;
using namespace cd::diff::testing;

namespace {

std::vector<std::u32string> token_texts(std::u32string_view s, bool chars) {
  std::vector<std::u32string> out;
  if (chars) {
    for (char32_t c : s) out.emplace_back(1, c);
    return out;
  }
  for (const auto& t : text::tokenize(s)) out.emplace_back(s.substr(t.span.start, t.span.size()));
  return out;
}

std::size_t lcs(const std::vector<std::u32string>& x, const std::vector<std::u32string>& y) {
  std::vector<std::vector<std::size_t>> dp(x.size() + 1, std::vector<std::size_t>(y.size() + 1, 0));
  for (std::size_t i = 1; i <= x.size(); ++i)
    for (std::size_t j = 1; j <= y.size(); ++j)
      dp[i][j] = x[i - 1] == y[j - 1] ? dp[i - 1][j - 1] + 1 : std::max(dp[i - 1][j], dp[i][j - 1]);
  return dp[x.size()][y.size()];
}

// Tokens (of the tokenization) inside del and ins ops.
std::size_t edit_tokens(std::u32string_view a, std::u32string_view b, const EditScript& es,
                        bool chars) {
  std::size_t n = 0;
  for (const auto& op : es.ops) {
    if (op.op == OpKind::del) n += token_texts(a.substr(op.a.start, op.a.size()), chars).size();
    if (op.op == OpKind::ins) n += token_texts(b.substr(op.b.start, op.b.size()), chars).size();
  }
  return n;
}

}  // namespace

TEST_CASE("diff_texts: empty and identical inputs") {
  Options o;
  auto es = diff_texts(U"", U"");
  CHECK(es.ops.empty());
  es = diff_texts(U"same text", U"same text");
  REQUIRE(es.ops.size() == 1);
  CHECK(es.ops[0].op == OpKind::equal);
  es = diff_texts(U"", U"new words");
  REQUIRE(es.ops.size() == 1);
  CHECK(es.ops[0].op == OpKind::ins);
  CHECK(es.stats.tokens_inserted == 2);
  es = diff_texts(U"old words", U"");
  REQUIRE(es.ops.size() == 1);
  CHECK(es.ops[0].op == OpKind::del);
}

TEST_CASE("diff_texts: a simple word change, with offsets shifted by the bases") {
  const std::u32string a = U"The Parties shall consult together.";
  const std::u32string b = U"The Parties may consult together.";
  auto es = diff_texts(a, b, {}, 100, 200);
  check_reproduces(a, b, es, true, 100, 200);
  REQUIRE(es.ops.size() == 4);
  CHECK(es.ops[1].op == OpKind::del);
  CHECK(cut(a, es.ops[1].a, 100) == U"shall");
  CHECK(es.ops[1].b.start == es.ops[2].b.start);
  CHECK(cut(b, es.ops[2].b, 200) == U"may");
  CHECK(es.stats.tokens_old == 6);
  CHECK(es.stats.tokens_deleted == 1);
  CHECK(es.stats.tokens_inserted == 1);
  CHECK_FALSE(es.stats.approximate);
}

TEST_CASE("diff_texts property: minimal scripts equal the exhaustive LCS minimum") {
  std::mt19937 rng(12345);
  for (int round = 0; round < 400; ++round) {
    const int vocab = 2 + round % 5;
    std::uniform_int_distribution<int> len(0, 14);
    const auto a = u32(random_text(rng, len(rng), vocab));
    const auto b = u32(random_text(rng, len(rng), vocab));
    Options o;
    o.minimal = true;
    o.detect_moves = false;
    const auto es = diff_texts(a, b, o);
    check_reproduces(a, b, es);
    const auto ta = token_texts(a, false), tb = token_texts(b, false);
    REQUIRE(ta.size() <= 60);
    CHECK(edit_tokens(a, b, es, false) == ta.size() + tb.size() - 2 * lcs(ta, tb));
    CHECK_FALSE(es.stats.approximate);
  }
}

TEST_CASE("diff_texts property: minimal in chars mode") {
  std::mt19937 rng(777);
  for (int round = 0; round < 400; ++round) {
    std::uniform_int_distribution<int> len(0, 40), ch(0, 1 + round % 4);
    std::u32string a, b;
    for (int i = len(rng); i > 0; --i) a.push_back(static_cast<char32_t>(U'a' + ch(rng)));
    for (int i = len(rng); i > 0; --i) b.push_back(static_cast<char32_t>(U'a' + ch(rng)));
    Options o;
    o.minimal = true;
    o.chars = true;
    o.detect_moves = false;
    const auto es = diff_texts(a, b, o);
    check_reproduces(a, b, es);
    const auto ta = token_texts(a, true), tb = token_texts(b, true);
    CHECK(edit_tokens(a, b, es, true) == ta.size() + tb.size() - 2 * lcs(ta, tb));
  }
}

TEST_CASE("diff_texts property: default options (cleanup, moves) reproduce both texts") {
  std::mt19937 rng(4242);
  for (int round = 0; round < 300; ++round) {
    std::uniform_int_distribution<int> len(0, 60);
    const auto a = u32(random_text(rng, len(rng), 3 + round % 6));
    const auto b = u32(random_text(rng, len(rng), 3 + round % 6));
    Options o;
    o.chars = round % 3 == 0;
    o.min_move_tokens = 2;
    const auto es = diff_texts(a, b, o);
    check_reproduces(a, b, es);
    for (const auto& op : es.ops) {
      if (op.move < 0) continue;
      REQUIRE(static_cast<std::size_t>(op.move) < es.moves.size());
      const Move& m = es.moves[static_cast<std::size_t>(op.move)];
      if (op.op == OpKind::del) CHECK(m.a == op.a);
      if (op.op == OpKind::ins) CHECK(m.b == op.b);
    }
  }
}

TEST_CASE("diff_texts property: edits of a long text stay exact and near-minimal") {
  // Large enough for the anchor pass (regions over the exact-trial size).
  std::mt19937 rng(99);
  for (int round = 0; round < 6; ++round) {
    std::string base = random_text(rng, 12000, 8);
    // Give the text unique words so that anchors exist, then mutate ~3 %.
    std::string a, b;
    std::uniform_int_distribution<int> pct(0, 99);
    int word = 0;
    std::string cur;
    for (char c : base + " ") {
      if (c != ' ') {
        cur += c;
        continue;
      }
      ++word;
      const std::string w = word % 7 == 0 ? cur + std::to_string(word) : cur;
      a += w + " ";
      const int r = pct(rng);
      if (r == 0) continue;          // deleted
      if (r == 1) b += "inserted ";  // inserted
      b += (r == 2 ? std::string("changed") : w) + " ";
      cur.clear();
    }
    const auto ua = u32(a), ub = u32(b);
    Options o;
    o.detect_moves = false;
    o.minimal = round % 2 == 0;
    const auto es = diff_texts(ua, ub, o);
    check_reproduces(ua, ub, es);
    // Changes touch ~3 % of ~12000 words: the script must not be much worse.
    CHECK(es.stats.tokens_deleted + es.stats.tokens_inserted < 1200);
  }
}

TEST_CASE("diff_texts: a tight max_cost gives a valid, flagged script") {
  std::mt19937 rng(5);
  const auto a = u32(random_text(rng, 3000, 4));
  const auto b = u32(random_text(rng, 3000, 4));
  Options o;
  o.minimal = true;
  o.max_cost = 1000;
  const auto es = diff_texts(a, b, o);
  check_reproduces(a, b, es);
  CHECK(es.stats.approximate);
}

TEST_CASE("diff_texts: a very large input (anchors, gaps solved on two threads) stays exact") {
  std::mt19937 rng(2026);
  std::string a = random_text(rng, 300000, 8);
  // Unique words every so often, then a few local edits.
  std::string b = a;
  for (int k = 0; k < 200; ++k) {
    std::uniform_int_distribution<std::size_t> at(0, b.size() - 1);
    const std::size_t p = at(rng);
    if (k % 2 == 0)
      b.insert(p, " inserted" + std::to_string(k) + " ");
    else
      b.erase(p, 5);
  }
  const auto ua = u32(a), ub = u32(b);
  Options o;
  o.detect_moves = false;
  const auto es = diff_texts(ua, ub, o);
  check_reproduces(ua, ub, es);
  CHECK(es.stats.tokens_old > 300000);
  CHECK(es.stats.tokens_deleted + es.stats.tokens_inserted < 2000);
}

TEST_CASE("diff_texts: minimal on Article 5 against a misquotation of it") {
  // A misquote adds "immediately", a word that occurs once in each text
  // (later in Article 5): a unique-token anchor on it would lose "considered
  // an attack against them all". A minimal script must not take that anchor.
  const std::u32string a =
      U"The Parties agree that an armed attack against one or more of them in Europe or North "
      U"America shall be considered an attack against them all; and consequently they agree "
      U"that, if such an armed attack occurs, each of them will assist the Party or Parties so "
      U"attacked. Any such armed attack and all measures taken as a result thereof shall "
      U"immediately be reported to the Security Council.";
  const std::u32string b =
      U"an attack against one or more of them in Europe or North America shall immediately be "
      U"considered an attack against them all";
  Options o;
  o.minimal = true;
  o.detect_moves = false;
  const auto es = diff_texts(a, b, o);
  check_reproduces(a, b, es);
  const auto ta = token_texts(a, false), tb = token_texts(b, false);
  CHECK(edit_tokens(a, b, es, false) == ta.size() + tb.size() - 2 * lcs(ta, tb));
}

TEST_CASE("lcs_ratio: the same with a shared vocabulary and with ids renumbered per pair") {
  std::mt19937 rng(5);
  for (int round = 0; round < 50; ++round) {
    std::vector<uint32_t> x, y;
    for (int i = static_cast<int>(rng() % 40); i > 0; --i) x.push_back(1000 + rng() % 6);
    for (int i = static_cast<int>(rng() % 40); i > 0; --i) y.push_back(1000 + rng() % 6);
    const double shared = cd::diff::detail::lcs_ratio(x, y, 1006);
    CHECK(cd::diff::detail::lcs_ratio(x, y) == shared);
    if (!x.empty() || !y.empty()) {
      // Against the textbook O(nm) table.
      std::vector<std::vector<int>> t(x.size() + 1, std::vector<int>(y.size() + 1, 0));
      for (std::size_t i = 1; i <= x.size(); ++i)
        for (std::size_t j = 1; j <= y.size(); ++j)
          t[i][j] = x[i - 1] == y[j - 1] ? t[i - 1][j - 1] + 1 : std::max(t[i - 1][j], t[i][j - 1]);
      CHECK(shared == doctest::Approx(2.0 * t[x.size()][y.size()] / (x.size() + y.size())));
    }
  }
  CHECK(cd::diff::detail::lcs_ratio({}, {}) == 1.0);
  CHECK(cd::diff::detail::lcs_ratio({1}, {}) == 0.0);
}
