// tests/unit/structure/numbering_test.cpp: label recognition, Roman numerals,
// and the clause tree on Documents built by hand (no ingest needed).
#include <doctest/doctest.h>

#include "core/utf8.h"
#include "structure/numbering.h"
#include "structure/structure.h"

using namespace cd;
using namespace cd::structure;

TEST_CASE("roman_to_int") {
  CHECK(roman_to_int("V") == 5);
  CHECK(roman_to_int("xiv") == 14);
  CHECK(roman_to_int("IV") == 4);
  CHECK(roman_to_int("VIII") == 8);
  CHECK(roman_to_int("MCMXLIX") == 1949);
  CHECK(roman_to_int("") == 0);
  CHECK(roman_to_int("IIII") == 0);  // not canonical
  CHECK(roman_to_int("VX") == 0);
  CHECK(roman_to_int("Vi") == 0);  // mixed case
  CHECK(roman_to_int("abc") == 0);
  CHECK(roman_to_int("5") == 0);
}

TEST_CASE("heading labels") {
  auto a = heading_label(U"Article 5");
  REQUIRE(a);
  CHECK(a->label == "Article 5");
  CHECK(a->kind == "article");
  CHECK(a->raw == "5");
  auto v = heading_label(U"ARTICLE V");
  REQUIRE(v);
  CHECK(v->raw == "V");
  CHECK(normalize_number(v->raw, true) == "5");
  auto s = heading_label(U"SEC. 2.");
  REQUIRE(s);
  CHECK(s->kind == "section");
  CHECK(s->label == "SEC. 2.");
  auto sh = heading_label(U"SECTION 1. FINDINGS.");
  REQUIRE(sh);
  CHECK(sh->label == "SECTION 1.");
  CHECK(sh->heading == "FINDINGS.");
  auto sub = heading_label(U"Article 42(7)");
  REQUIRE(sub);
  CHECK(sub->raw == "42");
  CHECK(sub->sub == "7");
  CHECK(sub->label == "Article 42(7)");
  auto h = heading_label(U"Article 5 \u2013 Collective defence");
  REQUIRE(h);
  CHECK(h->heading == "Collective defence");
  auto art = heading_label(U"Art. 5");
  REQUIRE(art);
  CHECK(art->kind == "article");
  auto ch = heading_label(U"CHAPTER VII");
  REQUIRE(ch);
  CHECK(ch->rank < a->rank);
  auto pt = heading_label(U"Point 10 (variant renderings; short quotes)");
  REQUIRE(pt);
  CHECK(pt->heading == "variant renderings; short quotes");
  auto part = heading_label(U"[B] CONSULTATION CLAUSE (quoted verbatim)");
  REQUIRE(part);
  CHECK(part->label == "[B]");
  CHECK(heading_label(U"PREAMBLE"));
  // Prose is not a label.
  CHECK(!heading_label(U"Article 5 of the Charter says so"));
  CHECK(!heading_label(U"section 5"));
  CHECK(!heading_label(U"Articles 3 and 5"));
  CHECK(!heading_label(U"[A] some note in brackets"));
  CHECK(!heading_label(U"Partly cloudy"));
}

TEST_CASE("enumerators") {
  auto p = enum_label(U"(1) any future attack");
  REQUIRE(p);
  CHECK(p->style == Style::paren_digit);
  CHECK(p->label == "(1)");
  CHECK(p->body_skip == 4);
  auto d = enum_label(U"7. If a Member State");
  REQUIRE(d);
  CHECK(d->style == Style::dot_digit);
  CHECK(d->raw == "7");
  auto r = enum_label(U"(ii) on the forces");
  REQUIRE(r);
  CHECK(r->style == Style::paren_roman);
  CHECK(normalize_number(r->raw, true) == "2");
  auto l = enum_label(U"(a) the first");
  REQUIRE(l);
  CHECK(l->style == Style::paren_lower);
  auto c = enum_label(U"(c) third");
  REQUIRE(c);
  CHECK(c->style == Style::paren_lower);  // single c, d, l, m are letters
  auto u = enum_label(U"(A) upper");
  REQUIRE(u);
  CHECK(u->style == Style::paren_upper);
  CHECK(enum_label(U"(1)", true));
  CHECK(!enum_label(U"(1)"));             // a label needs text after it
  CHECK(!enum_label(U"1949. The year"));  // three digits at most
  CHECK(!enum_label(U"1.5 percent"));
  CHECK(!enum_label(U"(note) text"));
}

namespace {

// A Document as a plain-text reader would make it: paragraphs separated by
// blank lines, one block each.
Document doc_of(const std::u32string& text, const std::string& genre = "legal") {
  Document d;
  d.meta.format = "text";
  d.meta.genre = genre;
  d.text = text;
  uint32_t start = 0;
  for (uint32_t i = 0; i <= text.size(); ++i) {
    const bool end =
        i == text.size() || (text[i] == U'\n' && i + 1 < text.size() && text[i + 1] == U'\n');
    if (!end) continue;
    if (i > start) {
      Block b;
      b.span = Span{start, i};
      if (text[start] == U'[' && text[i - 1] == U']') b.kind = BlockKind::note;
      d.blocks.push_back(b);
    }
    start = i + 2;
    ++i;
  }
  return d;
}

}  // namespace

TEST_CASE("build: articles, items, notes and sentences") {
  Document d = doc_of(
      U"Preamble text.\n\nArticle 1\n\nFirst. Second.\n\n[note]\n\nArticle 2\n\n(a) one;\n\n(b) "
      U"two.");
  build(d);
  REQUIRE(d.clauses.size() == 5);
  CHECK(d.clauses[0].id == "preamble");
  CHECK(d.clauses[1].id == "art1");
  CHECK(d.utf8(d.clauses[1].body) == "First. Second.");  // the note does not extend it
  CHECK(d.clauses[3].id == "art2.a");
  CHECK(d.clauses[3].parent == "art2");
  CHECK(d.clauses[3].level == 2);
  CHECK(d.utf8(d.clauses[3].body) == "one;");
  CHECK(d.utf8(d.clauses[2].body) == "(a) one;\n\n(b) two.");
  REQUIRE(d.sentences.size() == 8);
  CHECK(d.sentences[2].unit == "art1");
  CHECK(d.utf8(d.sentences[2].span) == "First.");
  CHECK(d.sentences[4].unit.empty());  // the note
}

TEST_CASE("build: duplicate ids get a suffix, ids are stable") {
  Document d = doc_of(U"Article 1\n\nA.\n\nArticle 1\n\nB.");
  build(d);
  REQUIRE(d.clauses.size() == 2);
  CHECK(d.clauses[0].id == "art1");
  CHECK(d.clauses[1].id == "art1-2");
  Document again = doc_of(U"Article 1\n\nA.\n\nArticle 1\n\nB.");
  build(again);
  CHECK(again.clauses[1].id == "art1-2");
}

TEST_CASE("build: a report gets sentences only") {
  Document d = doc_of(U"Article 5 is cited. It says so.\n\n1. A list item.", "report");
  build(d);
  CHECK(d.clauses.empty());
  REQUIRE(d.sentences.size() == 3);
  CHECK(d.sentences[0].id == "s1");
  CHECK(d.utf8(d.sentences[2].span) == "1. A list item.");  // an enumerator is not a sentence
}
