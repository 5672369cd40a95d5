// tests/unit/ingest/hardening_test.cpp: regression tests for the hostile
// inputs of the bad-input suite (tests/cli/bad_input_test.sh, docs/LIMITS.md)
// that needed a fix in the readers: each used to crash, hang or answer
// unclearly.
#include <doctest/doctest.h>

#include <string>

#include "ingest/ingest.h"
#include "structure/structure.h"

using namespace cd;

namespace {

std::string repeat(const std::string& s, int n) {
  std::string out;
  out.reserve(s.size() * static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("XML nested 100,000 deep is refused at the element that passes the limit") {
  // Used to overflow the stack in the recursive walker (ASan: stack-overflow).
  const std::string xml =
      "<doc>" + repeat("<div>", 100000) + "Article 1" + repeat("</div>", 100000) + "</doc>";
  auto r = ingest::ingest_bytes(xml, "deep.xml");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code == ErrorCode::limit);
  CHECK(r.status().message == "XML elements nested deeper than 1000 levels");
  CHECK(r.status().path == "deep.xml");
  CHECK(r.status().line == 1);
  CHECK(r.status().column == 5002);  // the name of the 1000th <div>, the 1001st level
  CHECK(r.status().hint.find("docs/LIMITS.md") != std::string::npos);
}

TEST_CASE("XML nested just under the limit is read whole") {
  const std::string xml = "<doc>" + repeat("<div>", 998) + "Article 1. The Parties agree." +
                          repeat("</div>", 998) + "</doc>";
  auto r = ingest::ingest_bytes(xml, "ok.xml");
  REQUIRE_MESSAGE(r.ok(), r.status().to_string());
  structure::build(r.value());
  CHECK(r->utf8(Span{0, static_cast<uint32_t>(r->text.size())}) == "Article 1. The Parties agree.");
}

TEST_CASE("HTML nested 100,000 deep is refused before gumbo parses it") {
  // gumbo 0.10 needed minutes (quadratic in the depth) and gigabytes (a copy
  // of the open-element stack in every parse error) for this page.
  const std::string html = "<html><body>" + repeat("<div>", 100000) + "Article 1";
  auto r = ingest::ingest_bytes(html, "deep.html");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code == ErrorCode::limit);
  CHECK(r.status().message == "HTML elements nested deeper than 1000 levels");
  CHECK(r.status().line == 1);
  CHECK(r.status().column == 12 + 1000 * 5 + 1);  // the 1001st <div>
  // Self-closing syntax does not close an HTML element either.
  auto r2 = ingest::ingest_bytes("<body>" + repeat("<div/>", 5000) + "x", "deep2.html");
  REQUIRE_FALSE(r2.ok());
  CHECK(r2.status().code == ErrorCode::limit);
}

TEST_CASE("HTML depth estimate: what real pages do is not counted as nesting") {
  // Thousands of unclosed <p>, <li>, <br>, <img>; tags inside comments,
  // scripts and attribute values; self-closed SVG shapes; closed <div>s.
  std::string html = "<html><head><title>t</title><script>var s = '" + repeat("<div>", 3000) +
                     "';</script></head><body><main><!-- " + repeat("<div>", 3000) + " -->";
  html += repeat("<p>para<br><img src=x alt='<div>'>", 3000);
  html += "<ul>" + repeat("<li>item", 3000) + "</ul>";
  html += "<svg>" + repeat("<path d='M0 0'/>", 3000) + "</svg>";
  html += repeat("<div><span>Article 1.</span></div>", 3000);
  html += "</main></body></html>";
  auto r = ingest::ingest_bytes(html, "page.html");
  REQUIRE_MESSAGE(r.ok(), r.status().to_string());
  CHECK(r->text.find(U"Article 1.") != std::u32string::npos);
}

TEST_CASE("UTF-16 without a byte-order mark is named, not called binary") {
  std::string le, be;
  for (char c : std::string("Article 1\n\nThe Parties agree.\n")) {
    le += c;
    le += '\0';
    be += '\0';
    be += c;
  }
  auto r = ingest::ingest_bytes(le, "u16.txt");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code == ErrorCode::invalid_input);
  CHECK(r.status().message.rfind("looks like UTF-16LE text without a byte-order mark", 0) == 0);
  CHECK(r.status().hint.find("iconv -f UTF-16LE -t UTF-8 'u16.txt'") != std::string::npos);
  auto r2 = ingest::ingest_bytes(be, "u16.txt");
  REQUIRE_FALSE(r2.ok());
  CHECK(r2.status().message.rfind("looks like UTF-16BE", 0) == 0);
  // With a BOM it is read.
  auto r3 = ingest::ingest_bytes("\xFF\xFE" + le, "u16.txt");
  REQUIRE_MESSAGE(r3.ok(), r3.status().to_string());
  // Other data with NUL bytes is still binary.
  auto r4 = ingest::ingest_bytes(std::string("\x7F"
                                             "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0",
                                             20),
                                 "a.txt");
  REQUIRE_FALSE(r4.ok());
  CHECK(r4.status().message == "binary content (NUL bytes), not text");
}

TEST_CASE("text: a long paragraph of bracketed lines is grouped in linear time, as before") {
  // Used to re-scan the whole paragraph for every line (40 s for 3 MB):
  // a long note, then many lines ending in ']' that join its paragraph.
  const std::string src = "Intro\n\n[" + std::string(200000, 'a') + "]\n" + repeat("b]\n", 20000);
  auto r = ingest::ingest_bytes(src, "notes.txt");
  REQUIRE_MESSAGE(r.ok(), r.status().to_string());
  REQUIRE(r->blocks.size() == 2);
  CHECK(r->blocks[1].kind != BlockKind::note);  // the note with text after it is not a note
  // The grouping rules themselves are unchanged: a note line after text
  // starts its own block; a note may run over several lines; lines after a
  // note join it, and then the block is no longer a note.
  auto g = ingest::ingest_bytes(
      "Intro\n\nText.\n[note one]\n\n[opening\ncontinued]\n\n[a\nb]\n[c]\n", "g.txt");
  REQUIRE(g.ok());
  REQUIRE(g->blocks.size() == 5);
  CHECK(g->utf8(g->blocks[1].span) == "Text.");
  CHECK(g->blocks[1].kind == BlockKind::paragraph);
  CHECK(g->blocks[2].kind == BlockKind::note);
  CHECK(g->blocks[3].kind == BlockKind::note);
  CHECK(g->utf8(g->blocks[3].span) == "[opening\ncontinued]");
  CHECK(g->blocks[4].kind == BlockKind::paragraph);
  CHECK(g->utf8(g->blocks[4].span) == "[a\nb]\n[c]");
}
