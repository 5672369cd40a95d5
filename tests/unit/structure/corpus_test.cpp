// tests/unit/ingest/corpus_test.cpp: ingest + structure on the real corpus
// (corpus/texts, corpus/news, corpus/drafts). Set CD_DUMP=1 to print the dumps.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "core/fs.h"
#include "core/utf8.h"
#include "ingest/ingest.h"
#include "structure/structure.h"
#include "test_util.h"
#include "unit/structure/dump.h"

using namespace cd;

namespace {

Document load(const std::string& rel, const ingest::Options& opt = {}) {
  auto doc = ingest::ingest_file(testing::repo_path(rel), opt);
  REQUIRE_MESSAGE(doc.ok(), rel << ": " << doc.status().to_string());
  structure::build(doc.value());
  if (std::getenv("CD_DUMP")) std::cout << "=== " << rel << "\n" << testing::dump(doc.value());
  return std::move(doc).value();
}

std::vector<std::string> files_in(const std::string& rel, const std::string& ext) {
  std::vector<std::string> out;
  for (const auto& f : std::filesystem::recursive_directory_iterator(testing::repo_path(rel))) {
    if (f.path().extension() == ext) {
      out.push_back(rel + "/" +
                    std::filesystem::relative(f.path(), testing::repo_path(rel)).string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> ids(const Document& d) {
  std::vector<std::string> out;
  for (const auto& c : d.clauses) out.push_back(c.id);
  return out;
}

std::string body(const Document& d, const std::string& id) {
  const Clause* c = d.clause(id);
  return c ? d.utf8(c->body) : std::string("<no clause " + id + ">");
}

// Source bytes [byte_of[start], byte_of[end]) decode to exactly the span's text.
void check_round_trip(const Document& d, const std::string& bytes, Span s,
                      const std::string& what) {
  const uint32_t a = d.source.byte_of[s.start];
  const uint32_t b = d.source.byte_of[s.end];
  REQUIRE(a <= b);
  REQUIRE(b <= bytes.size());
  CHECK_MESSAGE(bytes.substr(a, b - a) == d.utf8(s), d.meta.id << " " << what);
}

}  // namespace

TEST_CASE("every corpus text ingests without error and has structure") {
  auto files = files_in("corpus/texts", ".txt");
  REQUIRE(files.size() >= 15);
  for (const auto& f : files) {
    INFO(f);
    Document d = load(f);
    CHECK(d.diagnostics.empty());
    CHECK(!d.meta.title.empty());
    CHECK(d.meta.format == "text");
    CHECK(d.meta.sha256.size() == 64);
    CHECK(d.source.byte_of.size() == d.text.size() + 1);
    CHECK(!d.sentences.empty());
  }
}

TEST_CASE("offsets round-trip to the source bytes (plain text corpus)") {
  auto files = files_in("corpus/texts", ".txt");
  files.push_back("corpus/news/platinum_guarantees_article.txt");
  for (const auto& f : files) {
    INFO(f);
    const Document d = load(f);
    const std::string bytes = testing::read_repo_file(f);
    for (const auto& c : d.clauses) {
      check_round_trip(d, bytes, c.span, c.id + " span");
      check_round_trip(d, bytes, c.body, c.id + " body");
      CHECK(c.span.contains(c.body));
    }
    for (const auto& s : d.sentences) check_round_trip(d, bytes, s.span, s.id);
    for (const auto& b : d.blocks) check_round_trip(d, bytes, b.span, "block");
  }
}

TEST_CASE("North Atlantic Treaty: preamble, art1..art14, Article 6 items") {
  const Document d = load("corpus/texts/01_north_atlantic_treaty_1949.txt");
  std::vector<std::string> want{"preamble"};
  for (int i = 1; i <= 14; ++i) {
    want.push_back("art" + std::to_string(i));
    if (i == 6) {
      want.push_back("art6.1");
      want.push_back("art6.2");
    }
  }
  CHECK(ids(d) == want);
  const Clause* a5 = d.clause("art5");
  REQUIRE(a5);
  CHECK(a5->label == "Article 5");
  CHECK(a5->number == "5");
  CHECK(a5->kind == "article");
  CHECK(a5->level == 1);
  CHECK(d.utf8(a5->span).rfind("Article 5\n\nThe Parties agree", 0) == 0);
  CHECK(body(d, "art5").rfind("The Parties agree that an armed attack", 0) == 0);
  CHECK(body(d, "art5").find("international peace and security.") != std::string::npos);
  CHECK(body(d, "art5").find("Article 6") == std::string::npos);
  const Clause* i = d.clause("art6.1");
  REQUIRE(i);
  CHECK(i->label == "(i)");
  CHECK(i->number == "6.1");
  CHECK(i->parent == "art6");
  CHECK(i->level == 2);
  CHECK(body(d, "art6.1").rfind("on the territory of any of the Parties", 0) == 0);
  CHECK(body(d, "art6.2").rfind("on the forces, vessels", 0) == 0);
  CHECK(body(d, "preamble").rfind("The Parties to this Treaty reaffirm", 0) == 0);
  CHECK(d.meta.title.rfind("The North Atlantic Treaty", 0) == 0);
  CHECK(d.meta.date == "1949-04-04 (signature)");
  // Sentences: each in its innermost clause, none across blocks.
  bool found = false;
  for (const auto& s : d.sentences) {
    if (d.utf8(s.span).rfind("The Parties agree that an armed attack", 0) == 0) {
      CHECK(s.unit == "art5");
      found = true;
    }
    CHECK(d.utf8(s.span).find("\n\n") == std::string::npos);
  }
  CHECK(found);
}

TEST_CASE("Roman and Arabic article headings with numbered paragraphs") {
  const Document brussels = load("corpus/texts/08a_modified_brussels_treaty_1954_arts_IV-VIII.txt");
  CHECK(ids(brussels) == std::vector<std::string>{"art4", "art5", "art6", "art7", "art8"});
  CHECK(brussels.clause("art5")->label == "ARTICLE V");
  CHECK(brussels.clause("art5")->number == "5");

  const Document anzus = load("corpus/texts/02_anzus_security_treaty_1951.txt");
  REQUIRE(anzus.clause("art4"));
  CHECK(anzus.clause("art4")->label == "Article IV");
  CHECK(body(anzus, "art4").rfind("Each Party recognizes", 0) == 0);
  // The closing note is not part of Article IV.
  CHECK(body(anzus, "art4").find("not captured") == std::string::npos);

  const Document rio = load("corpus/texts/03_rio_treaty_1947_articles_1-3.txt");
  CHECK(ids(rio) ==
        std::vector<std::string>{"preamble", "art1", "art2", "art3", "art3.1", "art3.2"});
  CHECK(rio.clause("art3.1")->label == "1.");
  CHECK(rio.clause("art3.2")->number == "3.2");

  const Document teu = load("corpus/texts/07_teu_article_42_7.txt");
  CHECK(ids(teu) == std::vector<std::string>{"art42", "art42.7"});
  const Clause* p7 = teu.clause("art42.7");
  REQUIRE(p7);
  CHECK(p7->label == "7.");
  CHECK(p7->number == "42.7");
  CHECK(body(teu, "art42.7").rfind("If a Member State", 0) == 0);
  // The second subparagraph belongs to 42(7).
  CHECK(body(teu, "art42.7").find("Commitments and cooperation") != std::string::npos);

  const Document un = load("corpus/texts/10_un_charter_article_51.txt");
  CHECK(ids(un) == std::vector<std::string>{"ch7", "art51"});
  CHECK(un.clause("art51")->parent == "ch7");
  CHECK(un.clause("art51")->number == "51");

  const Document seato = load("corpus/texts/08b_seato_1954_article_IV.txt");
  CHECK(ids(seato) == std::vector<std::string>{"art4", "art4.1", "art4.2", "art4.3"});
}

TEST_CASE("reported draft: top-level (1)..(5), notes never extend a span") {
  const Document d = load("corpus/texts/11d_us_security_guarantee_draft_nov2025_REPORTED.txt");
  CHECK(ids(d) == std::vector<std::string>{"p1", "p2", "p3", "p4", "p5"});
  const Clause* p1 = d.clause("p1");
  REQUIRE(p1);
  CHECK(p1->label == "(1)");
  CHECK(p1->number == "1");
  CHECK(p1->kind == "paragraph");
  CHECK(body(d, "p1").rfind("any future \"significant", 0) == 0);
  CHECK(body(d, "p1").find("TASS") == std::string::npos);
  CHECK(body(d, "p5").find("Context") == std::string::npos);
  CHECK(d.utf8(d.clause("p5")->span).back() == '"');
}

TEST_CASE("budapest memorandum: preamble then numbered paragraphs") {
  const Document d = load("corpus/texts/09b_budapest_memorandum_1994_A-49-765_text.txt");
  CHECK(ids(d) == std::vector<std::string>{"preamble", "p1", "p2", "p3", "p4"});
  CHECK(body(d, "preamble").rfind("Ukraine, the Russian Federation", 0) == 0);
}

TEST_CASE("news article: a report, sentences only, one block per line") {
  ingest::Options opt;
  opt.kind = "news";
  const Document d = load("corpus/news/platinum_guarantees_article.txt", opt);
  CHECK(d.meta.genre == "report");
  CHECK(d.clauses.empty());
  REQUIRE(d.sentences.size() >= 20);
  CHECK(d.utf8(d.sentences[0].span).rfind("Donald Trump is prepared", 0) == 0);
  CHECK(d.sentences[0].id == "s1");
  CHECK(d.utf8(d.sentences.back().span).find("Washington and Moscow.") != std::string::npos);
}

TEST_CASE("USLM: H.J.Res. 37 reported (RH) and referred (RFS) versions") {
  const Document rh = load("corpus/drafts/us-116-hjres37-yemen-war-powers/HJ37_RH.XML");
  const Document rfs = load("corpus/drafts/us-116-hjres37-yemen-war-powers/HJ37_RFS.XML");
  CHECK(rh.meta.format == "uslm");
  CHECK(rh.meta.status == "Reported in House");
  CHECK(rh.meta.kind == "draft");
  for (const Document* d : {&rh, &rfs}) {
    const Clause* s1 = d->clause("sec1");
    REQUIRE(s1);
    CHECK(s1->label == "SECTION 1.");
    CHECK(s1->heading == "FINDINGS.");
    CHECK(s1->number == "1");
    const Clause* p1 = d->clause("sec1.1");
    REQUIRE(p1);
    CHECK(p1->parent == "sec1");
    CHECK(p1->label == "(1)");
    CHECK(p1->number == "1.1");
    CHECK(d->utf8(p1->body).rfind("Congress has the sole power to declare war", 0) == 0);
    CHECK(d->clause("sec2"));
    CHECK(d->clause("sec5"));
  }
  CHECK(!rh.clause("sec6"));
  CHECK(rfs.clause("sec6"));
  CHECK(rfs.clause("sec1.11.A"));
  CHECK(rfs.clause("sec1.11.A")->number == "1.11.A");
  CHECK(rfs.clause("sec4.3"));
}

TEST_CASE("USLM: S.Con.Res. 13 versions have recitals and resolved paragraphs") {
  for (const char* f : {"SC13_ATS.XML", "SC13_ES.XML", "SC13_RFH.XML"}) {
    INFO(f);
    const Document d = load(std::string("corpus/drafts/us-116-sconres13-taiwan-commitment/") + f);
    CHECK(d.meta.format == "uslm");
    REQUIRE(d.clause("rec1"));
    CHECK(d.utf8(d.clause("rec1")->body).rfind("Whereas the Taiwan Relations Act", 0) == 0);
    REQUIRE(d.clause("p1"));
    REQUIRE(d.clause("p9"));
    CHECK(d.clause("p1")->level == 1);
    for (const auto& c : d.clauses) CHECK(c.id.find("-2") == std::string::npos);
  }
}

TEST_CASE("structure without sentences: the same clauses, no sentences (diff, history)") {
  auto doc =
      ingest::ingest_file(testing::repo_path("corpus/texts/01_north_atlantic_treaty_1949.txt"));
  REQUIRE(doc.ok());
  Document with = doc.value(), without = doc.value();
  structure::build(with);
  structure::Options opt;
  opt.sentences = false;
  structure::build(without, opt);
  CHECK(!with.sentences.empty());
  CHECK(without.sentences.empty());
  REQUIRE(with.clauses.size() == without.clauses.size());
  for (std::size_t i = 0; i < with.clauses.size(); ++i) {
    CHECK(with.clauses[i].id == without.clauses[i].id);
    CHECK(with.clauses[i].span == without.clauses[i].span);
    CHECK(with.clauses[i].body == without.clauses[i].body);
  }
}
