// Re-anchoring through the real diff engine on real edits of a corpus text
// (the North Atlantic Treaty): words inserted before, inside and after
// annotated spans, a paragraph moved, an annotated sentence deleted.
// No annotation may be lost; the counts per status are printed.
#include <doctest/doctest.h>

#include "core/utf8.h"
#include "corpus/anchoring.h"
#include "corpus_test_util.h"
#include "ingest/ingest.h"
#include "test_util.h"

using namespace cd;
using namespace cd::corpus;

namespace {

Document nat() {
  auto d =
      ingest::ingest_file(cd::testing::repo_path("corpus/texts/01_north_atlantic_treaty_1949.txt"),
                          ingest::Options{"", "nat-1949", "", "", ""});
  REQUIRE(d.ok());
  return d.value();
}

struct Spec {
  std::u32string after;  // search from here (start of an article)
  std::u32string quote;
  std::string category;
};

const std::vector<Spec> kSpecs = {
    {U"Article 4", U"will consult together", "obligation"},
    {U"Article 5", U"armed attack", "trigger"},
    {U"Article 5", U"in Europe or North America", "geo_scope"},
    {U"Article 5", U"shall be considered an attack against them all", "trigger_frame"},
    {U"Article 5", U"will assist", "obligation"},
    {U"Article 5", U"forthwith", "temporal"},
    {U"Article 5", U"such action as it deems necessary", "discretion"},
    {U"Article 5", U"including the use of armed force", "means"},
    {U"Article 5", U"shall immediately be reported to the Security Council", "procedure"},
    {U"Article 7", U"shall not be interpreted as affecting", "exception"},
    {U"Article 8", U"undertakes not to enter into any international engagement", "prohibition"},
};

std::vector<StoredAnnotation> annotate_nat(const Document& d) {
  std::vector<StoredAnnotation> out;
  for (const auto& s : kSpecs) {
    const auto from = d.text.find(U"\n" + s.after + U"\n");
    REQUIRE(from != std::u32string::npos);
    out.push_back(cd::testing::annotate_quote(d, s.quote, s.category, "alice", from));
  }
  return out;
}

std::u32string replace(std::u32string text, const std::u32string& what, const std::u32string& with,
                       std::size_t from = 0) {
  const auto p = text.find(what, from);
  REQUIRE_MESSAGE(p != std::u32string::npos, to_u8(what));
  return text.replace(p, what.size(), with);
}

// The text of every placed annotation is at its offsets; nothing was dropped.
void check_consistent(const std::vector<StoredAnnotation>& anns, const std::u32string& text,
                      std::size_t expected_count) {
  CHECK(anns.size() == expected_count);
  for (const auto& a : anns) {
    if (a.status == AnchorStatus::orphaned) continue;
    CHECK_MESSAGE(to_u8(text.substr(a.start, a.end - a.start)) == a.exact, a.exact);
    CHECK(a.doc_sha256 == text_sha256(text));
  }
}

const StoredAnnotation& by_quote(const std::vector<StoredAnnotation>& anns,
                                 const std::string& old_exact) {
  for (const auto& a : anns) {
    if ((a.anchored_from ? a.anchored_from->exact : a.exact) == old_exact) return a;
  }
  FAIL("no annotation " << old_exact);
  return anns.front();
}

}  // namespace

TEST_CASE("reanchor (real diff, NAT): words inserted before spans shift them") {
  const Document d = nat();
  auto anns = annotate_nat(d);
  const auto art5 = d.text.find(U"\nArticle 5\n");
  const std::u32string now =
      replace(d.text, U"The Parties agree that", U"The Parties solemnly agree that", art5);
  const auto r = reanchor_texts(anns, d.text, now);
  MESSAGE("inserted before: " << r.summary());
  check_consistent(anns, now, kSpecs.size());
  CHECK(r.exact == 1);  // Article 4 comes before the edit
  CHECK(r.shifted == kSpecs.size() - 1);
  CHECK(r.orphaned == 0);
}

TEST_CASE("reanchor (real diff, NAT): words inserted inside spans make them fuzzy and wider") {
  const Document d = nat();
  auto anns = annotate_nat(d);
  const auto art5 = d.text.find(U"\nArticle 5\n");
  std::u32string now = replace(d.text, U"such action as it deems necessary",
                               U"such action as it alone deems necessary", art5);
  now = replace(now, U"including the use of armed force",
                U"including where appropriate the use of armed force", art5);
  const auto r = reanchor_texts(anns, d.text, now);
  MESSAGE("inserted inside: " << r.summary());
  check_consistent(anns, now, kSpecs.size());
  CHECK(r.fuzzy == 2);
  CHECK(r.orphaned == 0);
  CHECK(by_quote(anns, "such action as it deems necessary").exact ==
        "such action as it alone deems necessary");
  CHECK(by_quote(anns, "including the use of armed force").status == AnchorStatus::fuzzy);
}

TEST_CASE("reanchor (real diff, NAT): words inserted after spans leave them in place") {
  const Document d = nat();
  auto anns = annotate_nat(d);
  const auto art8 = d.text.find(U"\nArticle 8\n");
  const std::u32string now =
      replace(d.text, U"any international engagement in conflict with this Treaty.",
              U"any international engagement in conflict with this Treaty or its Protocols.", art8);
  const auto r = reanchor_texts(anns, d.text, now);
  MESSAGE("inserted after: " << r.summary());
  check_consistent(anns, now, kSpecs.size());
  CHECK(r.exact == kSpecs.size());
}

TEST_CASE("reanchor (real diff, NAT): a moved paragraph carries its annotations") {
  const Document d = nat();
  auto anns = annotate_nat(d);
  // Article 4 (heading and paragraph) moved after Article 5.
  const auto a4 = d.text.find(U"Article 4\n");
  const auto a5 = d.text.find(U"Article 5\n");
  const auto a6 = d.text.find(U"Article 6\n");
  const std::u32string art4 = d.text.substr(a4, a5 - a4);
  const std::u32string art5 = d.text.substr(a5, a6 - a5);
  std::u32string now = d.text.substr(0, a4) + art5 + art4 + d.text.substr(a6);
  const auto r = reanchor_texts(anns, d.text, now);
  MESSAGE("paragraph moved: " << r.summary());
  check_consistent(anns, now, kSpecs.size());
  CHECK(r.orphaned == 0);
  const auto& consult = by_quote(anns, "will consult together");
  CHECK(consult.exact == "will consult together");
  CHECK(consult.status == AnchorStatus::shifted);  // followed the diff's move
  CHECK(consult.start > now.find(U"Article 4\n"));
}

TEST_CASE("reanchor (real diff, NAT): a deleted annotated sentence is orphaned and kept") {
  const Document d = nat();
  auto anns = annotate_nat(d);
  const std::u32string sentence =
      U"Any such armed attack and all measures taken as a result thereof shall immediately be "
      U"reported "
      U"to the Security Council. ";
  const std::u32string now = replace(d.text, sentence, U"");
  const auto r = reanchor_texts(anns, d.text, now);
  MESSAGE("sentence deleted: " << r.summary());
  check_consistent(anns, now, kSpecs.size());
  CHECK(r.orphaned == 1);
  const auto& gone = by_quote(anns, "shall immediately be reported to the Security Council");
  CHECK(gone.status == AnchorStatus::orphaned);
  CHECK(gone.doc_sha256 == text_sha256(d.text));  // still names the version it was made on
  CHECK(to_u8(d.text.substr(gone.start, gone.end - gone.start)) == gone.exact);
}

TEST_CASE("reanchor (real diff, NAT): all the edits at once; zero annotations lost") {
  const Document d = nat();
  auto anns = annotate_nat(d);
  const auto a5pos = d.text.find(U"\nArticle 5\n");
  std::u32string now =
      replace(d.text, U"The Parties agree that", U"The Parties solemnly agree that", a5pos);
  now = replace(now, U"such action as it deems necessary",
                U"such action as it alone deems necessary", a5pos);
  now = replace(now, U"any international engagement in conflict with this Treaty.",
                U"any international engagement in conflict with this Treaty or its Protocols.");
  now = replace(
      now,
      U"Any such armed attack and all measures taken as a result thereof shall immediately be "
      U"reported to the Security Council. ",
      U"");
  const auto a4 = now.find(U"Article 4\n"), a5 = now.find(U"Article 5\n"),
             a6 = now.find(U"Article 6\n");
  now = now.substr(0, a4) + now.substr(a5, a6 - a5) + now.substr(a4, a5 - a4) + now.substr(a6);
  const auto r = reanchor_texts(anns, d.text, now);
  MESSAGE("all edits: " << r.summary());
  check_consistent(anns, now, kSpecs.size());
  CHECK(r.total() == kSpecs.size());
  CHECK(r.orphaned == 1);
  CHECK(r.fuzzy >= 1);
}
