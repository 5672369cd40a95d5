// Re-anchoring through hand-built edit scripts (the pure part); the real
// diff engine on corpus texts is exercised in reanchor_corpus_test.cpp.
#include <doctest/doctest.h>

#include "core/utf8.h"
#include "corpus/anchoring.h"
#include "corpus_test_util.h"

using namespace cd;
using namespace cd::corpus;
using cd::testing::annotate_quote;
using cd::testing::make_doc;

namespace {

// Script for new = old with old[pos, pos+del) replaced by `ins_len` code points.
EditScript replace_script(uint32_t old_len, uint32_t pos, uint32_t del, uint32_t ins_len) {
  EditScript s;
  if (pos > 0) s.ops.push_back({OpKind::equal, {0, pos}, {0, pos}, -1});
  if (del > 0) s.ops.push_back({OpKind::del, {pos, pos + del}, {pos, pos}, -1});
  if (ins_len > 0) s.ops.push_back({OpKind::ins, {pos + del, pos + del}, {pos, pos + ins_len}, -1});
  if (pos + del < old_len) {
    s.ops.push_back(
        {OpKind::equal, {pos + del, old_len}, {pos + ins_len, old_len - del + ins_len}, -1});
  }
  return s;
}

std::u32string edit(std::u32string text, const std::u32string& what, const std::u32string& with) {
  const auto p = text.find(what);
  REQUIRE(p != std::u32string::npos);
  return text.replace(p, what.size(), with);
}

const std::u32string kOld =
    U"The Parties agree that an armed attack against one or more of them in Europe or North "
    U"America shall be considered an attack against them all. Each of them will assist the Party "
    U"or Parties so attacked by taking forthwith such action as it deems necessary.";

}  // namespace

TEST_CASE("anchoring: offset map through equal, deleted and moved runs") {
  EditScript s;
  // old "AAAA BBBB CCCC" -> new "CCCC AAAA BBBB" expressed with a move of "CCCC".
  s.moves.push_back({{10, 14}, {0, 4}});
  s.ops.push_back({OpKind::ins, {0, 0}, {0, 5}, 0});
  s.ops.push_back({OpKind::equal, {0, 10}, {5, 15}, -1});
  s.ops.push_back({OpKind::del, {10, 14}, {15, 15}, 0});
  const OffsetMap m(s);
  CHECK(m.map_start(0) == 5);
  CHECK(m.map_end(4) == 9);
  CHECK(m.map_end(10) == 15);
  CHECK(m.map_start(11) == 1);
  CHECK(m.map_end(14) == 4);
  EditScript d = replace_script(10, 4, 2, 0);
  const OffsetMap dm(d);
  CHECK(dm.map_start(4) == -1);
  CHECK(dm.map_start(6) == 4);
  CHECK(dm.map_end(4) == 4);
  // A second script fills only the gaps of the first (here: the deleted run
  // [4, 6) that the other script pairs with new [20, 22)).
  EditScript other;
  other.ops.push_back({OpKind::equal, {0, 3}, {0, 3}, -1});  // covered by the first: ignored
  other.moves.push_back({{4, 6}, {20, 22}});
  OffsetMap both(d);
  both.add_fallback(other);
  CHECK(both.map_start(4) == 20);  // only the other script knows where [4, 6) went
  CHECK(both.map_end(6) == 22);
  CHECK(both.map_start(6) == 4);  // the first script still maps its own runs
}

TEST_CASE("anchoring: edits before, inside and after spans; deletion orphans and keeps") {
  const Document d = make_doc("nat-1949", kOld);
  std::vector<StoredAnnotation> anns = {
      annotate_quote(d, U"armed attack", "trigger"),
      annotate_quote(d, U"in Europe or North America", "geo_scope"),
      annotate_quote(d, U"shall be considered an attack against them all", "trigger_frame"),
      annotate_quote(d, U"forthwith", "temporal"),
      annotate_quote(d, U"as it deems necessary", "discretion")};
  const auto before = anns;

  SUBCASE("words inserted before every span: all shifted, same text") {
    const std::u32string ins = U"solemnly ";
    const auto pos = static_cast<uint32_t>(kOld.find(U"agree"));
    const std::u32string now = edit(kOld, U"agree", ins + U"agree");
    auto r =
        reanchor(anns, kOld, now, replace_script(static_cast<uint32_t>(kOld.size()), pos, 0, 9));
    CHECK(r.shifted == 5);
    for (std::size_t i = 0; i < anns.size(); ++i) {
      CHECK(anns[i].start == before[i].start + 9);
      CHECK(anns[i].exact == before[i].exact);
      CHECK(anns[i].status == AnchorStatus::shifted);
      REQUIRE(anns[i].anchored_from.has_value());
      CHECK(anns[i].anchored_from->start == before[i].start);
      CHECK(anns[i].doc_sha256 == text_sha256(now));
    }
  }
  SUBCASE("a word inserted inside a span: fuzzy, span widened; others exact/shifted") {
    const std::u32string now = edit(kOld, U"armed attack", U"armed cyber attack");
    const auto pos = static_cast<uint32_t>(kOld.find(U"attack"));
    auto r =
        reanchor(anns, kOld, now, replace_script(static_cast<uint32_t>(kOld.size()), pos, 0, 6));
    MESSAGE(r.summary());
    CHECK(anns[0].status == AnchorStatus::fuzzy);
    CHECK(anns[0].exact == "armed cyber attack");
    CHECK(anns[0].anchored_from->exact == "armed attack");
    CHECK(anns[0].score > 0.7);
    CHECK(r.fuzzy == 1);
    CHECK(r.shifted == 4);
    CHECK(r.orphaned == 0);
  }
  SUBCASE("words inserted after the last span: all exact") {
    const std::u32string now = kOld + U" And so on.";
    auto r = reanchor(anns, kOld, now,
                      replace_script(static_cast<uint32_t>(kOld.size()),
                                     static_cast<uint32_t>(kOld.size()), 0, 11));
    CHECK(r.exact == 5);
    CHECK(anns == [&] {
      auto v = before;
      for (auto& a : v) {
        a.anchored_from = PreviousAnchor{a.doc_sha256, a.start, a.end, a.exact};
        fill_quote(a, now, text_sha256(now));
      }
      return v;
    }());
  }
  SUBCASE("the annotated sentence deleted: orphaned, kept with its old anchor") {
    const std::u32string sentence =
        U" Each of them will assist the Party or Parties so attacked by taking "
        U"forthwith such action as it deems necessary.";
    const auto pos = static_cast<uint32_t>(kOld.find(sentence));
    const std::u32string now = edit(kOld, sentence, U"");
    auto r = reanchor(anns, kOld, now,
                      replace_script(static_cast<uint32_t>(kOld.size()), pos,
                                     static_cast<uint32_t>(sentence.size()), 0));
    MESSAGE(r.summary());
    CHECK(r.orphaned == 2);
    CHECK(r.exact == 3);
    CHECK(anns.size() == 5);
    CHECK(anns[3].status == AnchorStatus::orphaned);
    CHECK(anns[3].start == before[3].start);
    CHECK(anns[3].exact == "forthwith");
    CHECK(anns[3].doc_sha256 == before[3].doc_sha256);
  }
}

TEST_CASE("anchoring: fuzzy search needs a long enough quote and a good enough score") {
  const std::u32string text =
      U"Each Party shall take such action as it deems necessary to restore security. "
      U"Linus said nothing. The machines hummed.";
  // A long quote with one typo and its context: found.
  auto m = find_quote(text, U"such actoin as it deems necesary", U"Each Party shall take ",
                      U" to restore security.", 0);
  CHECK(m.found);
  CHECK(text.substr(m.start, m.end - m.start) == U"such action as it deems necessary");
  // Hypothesis's failure (h#2634): a short quote must not anchor to a look-alike.
  auto s = find_quote(text, U"Linux", U"", U"", 0);
  CHECK(!s.found);
  // A long quote with the wrong context everywhere stays unfound.
  auto w = find_quote(text, U"restore international peace", U"the Security Council shall ",
                      U" and security.", 0);
  CHECK(!w.found);
  CHECK(edit_distance(U"kitten", U"sitting") == 3);
  CHECK(edit_distance(U"", U"abc") == 3);
}

TEST_CASE("anchoring: without the old text, quotes are found by search") {
  const Document d = make_doc("x", kOld);
  std::vector<StoredAnnotation> anns = {
      annotate_quote(d, U"shall be considered an attack against them all", "trigger_frame"),
      annotate_quote(d, U"armed attack", "trigger")};
  const std::u32string now = U"Preamble text added here. " + kOld;
  auto r = reanchor_by_quote(anns, now);
  CHECK(r.fuzzy == 2);
  CHECK(to_u32(anns[0].exact) == U"shall be considered an attack against them all");
  CHECK(anns[0].start == 26 + kOld.find(U"shall be considered"));
}
