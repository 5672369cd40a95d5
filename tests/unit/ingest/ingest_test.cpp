// tests/unit/ingest/ingest_test.cpp: decoding, format detection, metadata,
// errors as Status values, and the source map of each reader.
#include <doctest/doctest.h>

#include <string>

#include "core/utf8.h"
#include "ingest/ingest.h"
#include "test_util.h"

using namespace cd;

namespace {

Document ok(std::string_view bytes, const std::string& path, const ingest::Options& opt = {}) {
  auto r = ingest::ingest_bytes(bytes, path, opt);
  REQUIRE_MESSAGE(r.ok(), r.status().to_string());
  return std::move(r).value();
}

// Every kept code point maps to source bytes that encode it (or to the '&'
// of a character reference, or to white space that the reader collapsed).
void check_map(const Document& d, const std::string& bytes) {
  REQUIRE(d.source.byte_of.size() == d.text.size() + 1);
  for (std::size_t i = 0; i < d.text.size(); ++i) {
    const char32_t c = d.text[i];
    const uint32_t b = d.source.byte_of[i];
    REQUIRE(b < bytes.size());
    if (c == U' ' || c == U'\n') continue;
    std::string want;
    append_utf8(want, c);
    const bool same = bytes.compare(b, want.size(), want) == 0;
    INFO("code point " << i << " '" << want << "' at byte " << b);
    CHECK((same || bytes[b] == '&'));
  }
}

}  // namespace

TEST_CASE("detect_format: extension first, then content") {
  CHECK(ingest::detect_format("a/b.txt", "<xml/>") == "text");
  CHECK(ingest::detect_format("a.md", "") == "markdown");
  CHECK(ingest::detect_format("BILL.XML", "") == "xml");
  CHECK(ingest::detect_format("x.htm", "") == "html");
  CHECK(ingest::detect_format("noext", "<?xml version='1.0'?><a/>") == "xml");
  CHECK(ingest::detect_format("noext", "\xEF\xBB\xBF<!DOCTYPE html><html></html>") == "html");
  CHECK(ingest::detect_format("noext", "# Title\n\ntext") == "markdown");
  CHECK(ingest::detect_format("noext", "Plain words.") == "text");
}

TEST_CASE("metadata: header keys, options, id, genre and kind defaults") {
  const std::string src =
      "---\ntitle: T\ndate: 2020-01-01\nsource: S\nverified: V\nstatus: St\nkind: "
      "draft\n---\n\nBody.\n";
  Document d = ok(src, "dir/my_doc.txt");
  CHECK(d.meta.title == "T");
  CHECK(d.meta.date == "2020-01-01");
  CHECK(d.meta.source == "S");
  CHECK(d.meta.verified == "V");
  CHECK(d.meta.status == "St");
  CHECK(d.meta.kind == "draft");
  CHECK(d.meta.genre == "legal");
  CHECK(d.meta.id == "my_doc");
  CHECK(d.meta.path == "dir/my_doc.txt");
  CHECK(d.meta.format == "text");
  CHECK(d.meta.sha256.size() == 64);
  CHECK(d.source.source_bytes_sha == d.meta.sha256);
  CHECK(d.text == U"Body.\n");
  ingest::Options opt;
  opt.id = "x";
  opt.kind = "news";
  Document n = ok(src, "dir/my_doc.txt", opt);
  CHECK(n.meta.id == "x");
  CHECK(n.meta.kind == "news");
  CHECK(n.meta.genre == "report");
  opt.genre = "legal";
  CHECK(ok(src, "a.txt", opt).meta.genre == "legal");
  Document plain = ok("Just text.", "f.txt");
  CHECK(plain.meta.kind == "other");
  CHECK(plain.meta.title.empty());
}

TEST_CASE("plain text: blocks, notes, title, indent and the source map") {
  const std::string src =
      "---\ntitle: T\n---\n\n\nNORTH ATLANTIC TREATY\n\nArticle 5\n\n(1) an attack,\n    [TASS "
      "note]\n\n  "
      "Indented [not a note] text.\n";
  Document d = ok(src, "t.txt");
  REQUIRE(d.blocks.size() == 5);
  CHECK(d.blocks[0].kind == BlockKind::title);
  CHECK(d.blocks[1].kind == BlockKind::paragraph);
  CHECK(d.utf8(d.blocks[2].span) == "(1) an attack,");
  CHECK(d.blocks[3].kind == BlockKind::note);
  CHECK(d.utf8(d.blocks[3].span) == "[TASS note]");
  CHECK(d.blocks[3].indent == 4);
  CHECK(d.blocks[4].kind == BlockKind::paragraph);
  CHECK(d.blocks[4].indent == 2);
  CHECK(d.text.rfind(U"NORTH ATLANTIC TREATY", 0) == 0);  // leading blank lines dropped
  check_map(d, src);
  // line_starts are source lines; the title is on line 6.
  const auto p = d.source.position_of(0);
  CHECK(p.line == 6);
  CHECK(p.column == 1);
}

TEST_CASE("CRLF: canonical text has LF, the map points at the original bytes") {
  const std::string src = "Line one\r\n\r\nLine two\r\n";
  Document d = ok(src, "c.txt");
  CHECK(d.text == U"Line one\n\nLine two\n");
  CHECK(d.source.byte_of[8] == 9);    // the LF of "\r\n"
  CHECK(d.source.byte_of[10] == 12);  // "L" of "Line two"
  CHECK(d.source.position_of(10).line == 3);
  REQUIRE(d.blocks.size() == 2);
}

TEST_CASE("BOM and UTF-16 with BOM") {
  Document bom = ok("\xEF\xBB\xBFHello.", "b.txt");
  CHECK(bom.text == U"Hello.");
  CHECK(bom.source.byte_of[0] == 3);
  Document le = ok(std::string("\xFF\xFEH\0i\0", 6), "u.txt");
  CHECK(le.text == U"Hi");
  CHECK(le.source.byte_of[1] == 4);
  Document be = ok(std::string("\xFE\xFF\0H\0i\xD8\x35\xDD\x38", 10), "u.txt");
  CHECK(be.text == U"Hi\U0001D538");
  CHECK(be.source.byte_of[2] == 6);
  CHECK(be.diagnostics.empty());
  Document lone = ok(std::string("\xFF\xFE"
                                 "A\0\x00\xD8"
                                 "B\0",
                                 8),
                     "u.txt");
  CHECK(lone.text == U"A\uFFFDB");
  CHECK(lone.diagnostics.size() == 1);
}

TEST_CASE("invalid UTF-8 is repaired with a warning at line:column") {
  Document d =
      ok("ok\nab\xFF"
         "cd\n",
         "i.txt");
  CHECK(d.text == U"ok\nab\uFFFDcd\n");
  REQUIRE(d.diagnostics.size() == 1);
  CHECK(d.diagnostics[0].severity == Severity::warning);
  CHECK(d.diagnostics[0].line == 2);
  CHECK(d.diagnostics[0].column == 3);
}

TEST_CASE("refused inputs are Status values with path and hint") {
  auto empty = ingest::ingest_bytes("", "e.txt");
  REQUIRE(!empty.ok());
  CHECK(empty.status().code == ErrorCode::invalid_input);
  CHECK(empty.status().message == "empty file");
  CHECK(empty.status().path == "e.txt");
  auto nul = ingest::ingest_bytes(std::string("abc\0def", 7), "n.txt");
  REQUIRE(!nul.ok());
  CHECK(nul.status().code == ErrorCode::invalid_input);
  CHECK(!nul.status().hint.empty());
  auto pdf = ingest::ingest_bytes("%PDF-1.7\n...", "renamed.txt");
  REQUIRE(!pdf.ok());
  CHECK(pdf.status().message.find("PDF") != std::string::npos);
  std::string controls = "Some text";
  controls += "\x01\x02\x03\x04";
  auto ctl = ingest::ingest_bytes(controls, "c.txt");
  CHECK(!ctl.ok());
  auto missing = ingest::ingest_file("/nonexistent/file.txt");
  CHECK(!missing.ok());
  ingest::Options bad;
  bad.format = "pdf";
  auto unknown = ingest::ingest_bytes("text", "a.txt", bad);
  REQUIRE(!unknown.ok());
  CHECK(unknown.status().code == ErrorCode::usage);
}

TEST_CASE("NFC: decomposed input is composed, the map stays on the source") {
  const std::string src = "Cafe\xCC\x81 ok";
  Document d = ok(src, "n.txt");
  CHECK(d.text == U"Caf\u00E9 ok");
  CHECK(d.source.byte_of[3] == 3);  // é comes from the 'e'
  CHECK(d.source.byte_of[4] == 6);  // the space after the combining accent
}

TEST_CASE("Markdown: headings, list numbers, quotes, exact map for plain words") {
  const std::string src =
      "---\ntitle: M\n---\n# Title here\n\nSome *emphasis* text\nwrapped.\n\n3. third\n4. "
      "fourth\n\n- bullet\n\n> "
      "quoted\n";
  Document d = ok(src, "m.md");
  CHECK(d.meta.format == "markdown");
  CHECK(d.meta.title == "M");
  REQUIRE(d.blocks.size() == 6);
  CHECK(d.blocks[0].kind == BlockKind::heading);
  CHECK(d.blocks[0].level == 1);
  CHECK(d.utf8(d.blocks[0].span) == "Title here");
  CHECK(d.utf8(d.blocks[1].span) == "Some emphasis text\nwrapped.");
  CHECK(d.blocks[2].kind == BlockKind::list_item);
  CHECK(d.blocks[2].num == "3.");
  CHECK(d.utf8(d.blocks[2].span) == "3. third");
  CHECK(d.blocks[4].num.empty());
  CHECK(d.blocks[5].kind == BlockKind::quote);
  check_map(d, src);
}

TEST_CASE("XML: refuses entity declarations, reports parse errors with line:column") {
  auto bomb = ingest::ingest_bytes(
      "<?xml version='1.0'?>\n<!DOCTYPE a [<!ENTITY x 'y'>]>\n<a>&x;</a>", "b.xml");
  REQUIRE(!bomb.ok());
  CHECK(bomb.status().code == ErrorCode::invalid_input);
  CHECK(bomb.status().line == 2);
  auto broken = ingest::ingest_bytes("<a>\n<b>\n</a>", "x.xml");
  REQUIRE(!broken.ok());
  CHECK(broken.status().line == 3);
  CHECK(broken.status().path == "x.xml");
}

TEST_CASE("USLM corpus files: metadata, numbered blocks, exact source map") {
  for (const char* f : {"corpus/drafts/us-116-hjres37-yemen-war-powers/HJ37_RH.XML",
                        "corpus/drafts/us-116-hjres37-yemen-war-powers/HJ37_RFS.XML",
                        "corpus/drafts/us-116-sconres13-taiwan-commitment/SC13_ATS.XML",
                        "corpus/drafts/us-116-sconres13-taiwan-commitment/SC13_ES.XML",
                        "corpus/drafts/us-116-sconres13-taiwan-commitment/SC13_RFH.XML"}) {
    INFO(f);
    auto r = ingest::ingest_file(testing::repo_path(f));
    REQUIRE(r.ok());
    const Document& d = r.value();
    CHECK(d.meta.format == "uslm");
    CHECK(!d.meta.title.empty());
    CHECK(!d.meta.date.empty());
    CHECK(!d.meta.status.empty());
    bool numbered = false;
    for (const auto& b : d.blocks) numbered = numbered || !b.num.empty();
    CHECK(numbered);
    CHECK(d.text.find(U"Disclaimer") == std::u32string::npos);  // comments are not text
    CHECK(d.text.find(U"Khanna") == std::u32string::npos);      // preface is skipped
    check_map(d, testing::read_repo_file(f));
  }
}

TEST_CASE("HTML: article text only, entities decoded, map on the source") {
  const std::string src =
      "<html><head><title>T</title><style>p{}</style></head><body><nav>menu</"
      "nav><article><h2>Head</h2>"
      "<p>One &amp; "
      "two&nbsp;three.</p><script>x()</script><li>item</li></article><footer>f</footer></body></"
      "html>";
  Document d = ok(src, "p.html");
  CHECK(d.meta.format == "html");
  CHECK(d.meta.title == "T");
  CHECK(d.text == U"Head\n\nOne & two three.\n\nitem");
  REQUIRE(d.blocks.size() == 3);
  CHECK(d.blocks[0].kind == BlockKind::heading);
  CHECK(d.blocks[0].level == 2);
  CHECK(d.blocks[2].kind == BlockKind::list_item);
  check_map(d, src);
}

TEST_CASE("plain ASCII fast path: same document as the general decoder") {
  // decode_source() reads ASCII without CR in one pass; a CR (or any byte
  // >= 0x80) takes the general path. The same text both ways must give the
  // same canonical text, blocks and line numbers.
  const std::string lf = "Article 1\nThe Parties agree.\n\nArticle 2\nEach Party shall act.\n";
  std::string crlf;
  for (char c : lf) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  const Document fast = ok(lf, "a.txt");
  const Document general = ok(crlf, "a.txt");
  CHECK(fast.text == general.text);
  REQUIRE(fast.blocks.size() == general.blocks.size());
  for (std::size_t i = 0; i < fast.blocks.size(); ++i)
    CHECK(fast.blocks[i].span == general.blocks[i].span);
  REQUIRE(fast.source.line_starts.size() == general.source.line_starts.size());
  for (uint32_t cp = 0; cp < fast.text.size(); ++cp) {
    CHECK(fast.source.position_of(cp).line == general.source.position_of(cp).line);
    CHECK(fast.source.byte_of[cp] == cp);  // identity map for ASCII
  }
  check_map(fast, lf);
  // With a UTF-8 BOM, every offset is 3 bytes on.
  const Document bom = ok("\xEF\xBB\xBF" + lf, "a.txt");
  CHECK(bom.text == fast.text);
  CHECK(bom.source.byte_of[0] == 3);
  CHECK(bom.source.byte_of.back() == lf.size() + 3);
}

TEST_CASE("plain ASCII fast path: refusals are the general path's") {
  auto blank = ingest::ingest_bytes(" \n\t\n", "blank.txt");
  REQUIRE(!blank.ok());
  CHECK(blank.status().message == "empty file");
  std::string controls(50, '\x01');
  controls += "text";
  auto bin = ingest::ingest_bytes(controls, "bin.txt");
  REQUIRE(!bin.ok());
  CHECK(bin.status().message.find("control characters") != std::string::npos);
}
