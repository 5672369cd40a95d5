#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "core/utf8.h"
#include "corpus/export.h"
#include "corpus_test_util.h"

using namespace cd;
using namespace cd::corpus;
using cd::testing::annotate_quote;
using cd::testing::make_doc;
using Json = nlohmann::json;

namespace {

const std::u32string kText =
    U"ARTICLE 5\nThe Parties agree that an armed attack against one or more of them in Europe or\n"
    U"North America shall be considered an attack against them all. « Défense » — each Party will "
    U"assist forthwith.\n";

std::vector<StoredAnnotation> sample(const Document& d) {
  auto a = annotate_quote(d, U"armed attack", "trigger");
  a.subtype = "event";
  auto b = annotate_quote(d, U"in Europe or\nNorth America", "geo_scope");  // crosses a line break
  b.note = "two lines\nof note";
  auto c = annotate_quote(d, U"forthwith", "temporal", "clausediff");
  c.source = "machine";
  c.rule = "TMP-01";
  c.subtype = "immediacy";
  auto e = annotate_quote(d, U"Défense", "vagueness");
  auto o = annotate_quote(d, U"them all", "trigger_frame");
  o.status = AnchorStatus::orphaned;
  o.doc_sha256 = std::string(64, 'a');
  o.decisions.push_back({"reject", "carol", "2026-11-28", "", "too broad"});
  o.file = "gold";  // a line of gold.jsonl made by alice
  auto f = annotate_quote(d, U"shall be considered", "trigger_frame");
  f.status = AnchorStatus::fuzzy;
  f.score = 0.875;
  f.anchored_from = PreviousAnchor{std::string(64, 'b'), 1, 20, "shall be deemed"};
  return {a, b, c, e, o, f};
}

void sort_like_export(std::vector<StoredAnnotation>& v) {
  std::stable_sort(v.begin(), v.end(), [](const auto& x, const auto& y) {
    return std::tie(x.doc, x.file, x.author, x.start, x.end, x.id) <
           std::tie(y.doc, y.file, y.author, y.start, y.end, y.id);
  });
}

}  // namespace

TEST_CASE("export: W3C collection has the model's required fields and round-trips") {
  const Document d = make_doc("nat-1949", kText);
  auto anns = sample(d);
  const std::string out = to_w3c_collection(anns);
  const Json j = Json::parse(out);
  CHECK(j["@context"] == "http://www.w3.org/ns/anno.jsonld");
  CHECK(j["type"] == "AnnotationCollection");
  CHECK(j["total"] == anns.size());
  const Json& page = j["first"];
  CHECK(page["type"] == "AnnotationPage");
  REQUIRE(page["items"].size() == anns.size());
  for (const auto& item : page["items"]) {
    // W3C Web Annotation Data Model §3.1: id (IRI), type Annotation, a target.
    CHECK(item["id"].get<std::string>().rfind("urn:clausediff:annotation:", 0) == 0);
    CHECK(item["type"] == "Annotation");
    CHECK(item["motivation"] == "classifying");
    const Json& t = item["target"];
    CHECK(t["source"].get<std::string>().rfind("urn:clausediff:doc:", 0) == 0);
    CHECK(t["state"]["type"] == "TimeState");
    CHECK(t["state"]["sourceDate"].get<std::string>().size() == 20);
    CHECK(t["state"]["cached"].get<std::string>().rfind("ni:///sha-256;", 0) == 0);
    REQUIRE(t["selector"].size() == 2);
    CHECK(t["selector"][0]["type"] == "TextPositionSelector");
    CHECK(t["selector"][0]["start"].is_number_unsigned());
    CHECK(t["selector"][1]["type"] == "TextQuoteSelector");
    // Code point offsets: the position selector and the quote agree on the text.
    const auto s = t["selector"][0]["start"].get<uint32_t>(),
               e = t["selector"][0]["end"].get<uint32_t>();
    if (item["urn:clausediff:record"]["status"] != "orphaned") {
      CHECK(to_u8(kText.substr(s, e - s)) == t["selector"][1]["exact"].get<std::string>());
    }
    CHECK(item["body"][0]["purpose"] == "classifying");
  }
  auto back = from_w3c(out, "x.json");
  REQUIRE(back.ok());
  sort_like_export(anns);
  CHECK(back.value() == anns);
  // JSONL: one annotation per line, each with its own @context.
  const std::string lines = to_w3c_jsonl(anns);
  std::istringstream in(lines);
  std::string first;
  std::getline(in, first);
  CHECK(Json::parse(first)["@context"] == "http://www.w3.org/ns/anno.jsonld");
  auto back2 = from_w3c(lines, "x.jsonl");
  REQUIRE(back2.ok());
  CHECK(back2.value() == anns);
  // An annotation from another tool (no extension): imported with defaults.
  const std::string foreign =
      R"({"@context":"http://www.w3.org/ns/anno.jsonld","id":"http://ex.org/a1",
    "type":"Annotation","created":"2026-01-02T03:04:05Z","creator":{"type":"Person","name":"dora"},
    "body":{"type":"TextualBody","purpose":"classifying","value":"temporal"},
    "target":{"source":"urn:clausediff:doc:nat-1949","selector":[{"type":"TextQuoteSelector","exact":"forthwith"},
    {"type":"TextPositionSelector","start":3,"end":12}]}})";
  auto f = from_w3c(foreign, "f.json");
  REQUIRE(f.ok());
  CHECK(f->at(0).author == "dora");
  CHECK(f->at(0).doc == "nat-1949");
  CHECK(f->at(0).category == "temporal");
  CHECK(f->at(0).source == "human");
  CHECK(!from_w3c(R"({"type":"Annotation","target":{"source":"x"}})", "bad.json").ok());
}

TEST_CASE("export: brat offsets are code points that select the covered text") {
  const Document d = make_doc("nat-1949", kText);
  auto anns = sample(d);
  const BratFiles b = to_brat(anns, d.text);
  CHECK(b.txt == to_u8(kText));
  CHECK(b.in_ann == 5);
  CHECK(b.sidecar_only == 1);  // the orphan: kept in the sidecar, not dropped
  // Every T line: the text at its offsets (fragments joined by a space) is the
  // covered text, counting code points as brat's Python 3 server does.
  std::istringstream in(b.ann);
  std::string line;
  std::size_t t_lines = 0;
  bool saw_fragments = false;
  while (std::getline(in, line)) {
    if (line[0] != 'T') continue;
    ++t_lines;
    const auto tab1 = line.find('\t'), tab2 = line.find('\t', tab1 + 1);
    std::string offs = line.substr(tab1 + 1, tab2 - tab1 - 1);
    offs = offs.substr(offs.find(' ') + 1);
    std::string covered;
    std::istringstream frags(offs);
    std::string frag;
    while (std::getline(frags, frag, ';')) {
      const auto sp = frag.find(' ');
      const auto s = std::stoul(frag.substr(0, sp)), e = std::stoul(frag.substr(sp + 1));
      const std::u32string piece = kText.substr(s, e - s);
      CHECK(piece.find(U'\n') == std::u32string::npos);
      if (!covered.empty()) covered += ' ';
      covered += to_u8(piece);
    }
    saw_fragments = saw_fragments || offs.find(';') != std::string::npos;
    CHECK(covered == line.substr(tab2 + 1));
  }
  CHECK(t_lines == 5);
  CHECK(saw_fragments);
  CHECK(b.ann.find("Subtype T") != std::string::npos);
  CHECK(b.ann.find("AnnotatorNotes") != std::string::npos);
  // Round trip with the sidecar: identical records.
  auto back = from_brat(b.txt, b.ann, b.map, "x.ann", "nat-1949", "alice", "2026-11-27");
  REQUIRE(back.ok());
  auto expect = anns;
  for (auto& a : expect) a.file.clear();  // brat: the file is the .ann's name (set by the CLI)
  sort_annotations(expect);
  auto got = back.value();
  sort_annotations(got);
  CHECK(got == expect);
  // Without the sidecar, a plain brat file still imports its spans.
  auto plain = from_brat(b.txt, b.ann, "", "x.ann", "nat-1949", "erin", "2026-11-29");
  REQUIRE(plain.ok());
  CHECK(plain->size() == 5);
  for (const auto& a : plain.value()) {
    CHECK(a.author == "erin");
    CHECK(to_u8(kText.substr(a.start, a.end - a.start)) == a.exact);
  }
  // A .ann whose covered text does not match the .txt is refused with its line.
  auto broken = from_brat(b.txt, "T1\ttrigger 0 5\tWRONG\n", "", "x.ann", "d", "a", "2026-11-27");
  REQUIRE(!broken.ok());
  CHECK(broken.status().line == 1);
}

TEST_CASE("export: CSV quotes fields as RFC 4180") {
  const Document d = make_doc("nat-1949", kText);
  const std::string csv = to_csv(sample(d));
  CHECK(csv.rfind("id,doc,doc_sha256,start,end,category", 0) == 0);
  CHECK(csv.find("\"in Europe or\nNorth America\"") != std::string::npos);
  std::size_t rows = 0;
  for (std::size_t p = 0; (p = csv.find("\r\n", p)) != std::string::npos; p += 2) ++rows;
  CHECK(rows == 7);
}
