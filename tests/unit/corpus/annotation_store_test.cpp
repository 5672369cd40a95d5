#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/fs.h"
#include "core/sha256.h"
#include "corpus/annotation_store.h"
#include "corpus_test_util.h"

using namespace cd;
using namespace cd::corpus;
using cd::testing::annotate_quote;
using cd::testing::make_doc;
using cd::testing::ScratchDir;
namespace fs = std::filesystem;

namespace {
const std::u32string kText =
    U"Article 5\n\nThe Parties agree that an armed attack against one or more of them "
    U"shall be considered an attack against them all. Each of them will assist the Party so "
    U"attacked by taking forthwith such action as it deems necessary, including the use of "
    U"armed force. Ünïcödé “quotes” count as one code point each.";
}

TEST_CASE("store: an annotation serialises with a fixed key order and reads back equal") {
  const Document d = make_doc("nat-1949", kText);
  auto a = annotate_quote(d, U"shall be considered an attack against them all", "trigger_frame");
  a.note = "the collective frame";
  a.decisions.push_back({"accept", "carol", "2026-11-27", "bob:x", ""});
  const std::string line = to_json_line(a);
  CHECK(line.rfind("{\"id\":\"a", 0) == 0);
  // Key order is the documented one.
  const char* keys[] = {"\"id\"",       "\"doc\"",     "\"doc_sha256\"", "\"start\"",
                        "\"end\"",      "\"exact\"",   "\"prefix\"",     "\"suffix\"",
                        "\"category\"", "\"subtype\"", "\"author\"",     "\"created\"",
                        "\"note\"",     "\"status\"",  "\"source\"",     "\"decisions\""};
  std::size_t last = 0;
  for (const char* k : keys) {
    const auto p = line.find(k);
    REQUIRE_MESSAGE(p != std::string::npos, k);
    CHECK_MESSAGE(p >= last, k);
    last = p;
  }
  std::vector<Issue> issues;
  auto back = parse_jsonl(line + "\n", "f.jsonl", issues);
  CHECK(issues.empty());
  REQUIRE(back.size() == 1);
  CHECK(back[0] == a);
  // Context is 32 code points, counted in code points (non-ASCII text).
  auto u = annotate_quote(d, U"count", "vagueness");
  CHECK(to_u32(u.prefix).size() == 32);
  CHECK(to_u32(u.prefix) == kText.substr(kText.find(U"count") - 32, 32));
}

TEST_CASE("store: files are sorted by position, and parse errors name every bad line") {
  const Document d = make_doc("nat-1949", kText);
  std::vector<StoredAnnotation> v = {annotate_quote(d, U"forthwith", "temporal"),
                                     annotate_quote(d, U"shall", "obligation")};
  const std::string jsonl = to_jsonl(v);
  CHECK(jsonl.find("\"shall\"") < jsonl.find("\"forthwith\""));
  std::string broken = jsonl + "{not json}\n\n{\"id\":\"x\"}\n" + to_json_line(v[0]) + "\n";
  std::vector<Issue> issues;
  std::vector<uint32_t> lines;
  auto back = parse_jsonl(broken, "a/b.jsonl", issues, &lines);
  CHECK(back.size() == 3);
  REQUIRE(issues.size() == 2);
  CHECK(issues[0].line == 3);
  CHECK(issues[0].message.find("not valid JSON") != std::string::npos);
  CHECK(issues[1].line == 5);
  CHECK(issues[1].message.find("missing") != std::string::npos);
  CHECK(lines == std::vector<uint32_t>{1, 2, 6});
  CHECK(issues[0].to_string().rfind("a/b.jsonl:3: error: ", 0) == 0);
}

TEST_CASE("store: validation lists every problem with file and line") {
  ScratchDir tmp("store");
  const Document d = make_doc("nat-1949", kText);
  auto good = annotate_quote(d, U"armed attack", "trigger");
  auto wrong_text = annotate_quote(d, U"forthwith", "temporal");
  wrong_text.exact = "immediately";
  auto bad_cat = annotate_quote(d, U"deems necessary", "not_a_category");
  auto past_end = annotate_quote(d, U"each", "obligor");
  past_end.start = 5000;
  past_end.end = 5004;
  auto stale = annotate_quote(d, U"Parties", "obligor");
  stale.doc_sha256 = std::string(64, '0');
  auto orphan = annotate_quote(d, U"them all", "trigger_frame");
  orphan.status = AnchorStatus::orphaned;
  fs::create_directories(tmp.path("nat-1949"));
  std::ofstream(tmp.path("nat-1949/alice.jsonl")) << to_json_line(good) << "\n"
                                                  << to_json_line(wrong_text) << "\n"
                                                  << to_json_line(bad_cat) << "\n"
                                                  << to_json_line(past_end) << "\n"
                                                  << to_json_line(stale) << "\n"
                                                  << to_json_line(orphan) << "\n"
                                                  << "{oops\n"
                                                  << to_json_line(good) << "\n";
  fs::create_directories(tmp.path("unknown-doc"));
  std::ofstream(tmp.path("unknown-doc/bob.jsonl")) << "";
  auto store = AnnotationStore::open(tmp.path());
  REQUIRE(store.ok());
  const auto issues = validate(*store, {{"nat-1949", &d}});
  std::vector<std::pair<uint32_t, std::string>> got;
  std::size_t errors = 0;
  for (const auto& i : issues) {
    got.emplace_back(i.line, i.message);
    if (i.severity == Severity::error) ++errors;
  }
  // line 2 text, 3 category, 4 past end, 5 other version, 6 orphan (warning), 7 JSON, 8 duplicate
  // id, unknown doc
  CHECK(errors == 7);
  auto has = [&](uint32_t line, const std::string& what) {
    for (const auto& [l, m] : got)
      if (l == line && m.find(what) != std::string::npos) return true;
    return false;
  };
  CHECK(has(2, "not \"immediately\""));
  CHECK(has(3, "unknown category 'not_a_category'"));
  CHECK(has(4, "past the end"));
  CHECK(has(5, "another version"));
  CHECK(has(6, "orphaned"));
  CHECK(has(7, "not valid JSON"));
  CHECK(has(8, "duplicate id"));
  CHECK(has(0, "no document 'unknown-doc'"));
}

TEST_CASE("store: save is atomic, refuses lost updates, and a failed write keeps the old file") {
  ScratchDir tmp("save");
  const Document d = make_doc("nat-1949", kText);
  auto store = AnnotationStore::open(tmp.path());
  REQUIRE(store.ok());
  auto f = store->file_for("nat-1949", "alice");
  REQUIRE(f.ok());
  REQUIRE(add(**f, annotate_quote(d, U"shall", "obligation")).ok());
  REQUIRE(store->save(**f).ok());
  const std::string path = tmp.path("nat-1949/alice.jsonl");
  const std::string before = read_file(path).value();
  CHECK(before.find("\"shall\"") != std::string::npos);
  // The same span and category twice is refused.
  CHECK(!add(**f, annotate_quote(d, U"shall", "obligation")).ok());

  SUBCASE("another writer changed the file: nothing is written") {
    auto other = AnnotationStore::open(tmp.path());
    auto* g = other->find("nat-1949", "alice");
    REQUIRE(g != nullptr);
    REQUIRE(add(*g, annotate_quote(d, U"forthwith", "temporal")).ok());
    REQUIRE(other->save(*g).ok());
    REQUIRE(add(**f, annotate_quote(d, U"armed attack", "trigger")).ok());
    Status s = store->save(**f);
    CHECK(!s.ok());
    CHECK(s.message.find("changed on disk") != std::string::npos);
    CHECK(read_file(path).value().find("armed attack") == std::string::npos);
  }
  SUBCASE("a write that fails leaves the old file intact") {
    if (::getuid() != 0) {
      // A read-only folder: the temporary file cannot be created.
      REQUIRE(add(**f, annotate_quote(d, U"forthwith", "temporal")).ok());
      ::chmod(tmp.path("nat-1949").c_str(), 0555);
      Status s = store->save(**f);
      ::chmod(tmp.path("nat-1949").c_str(), 0755);
      CHECK(!s.ok());
      CHECK(read_file(path).value() == before);
    }
    // As root permissions do not stop writes; a target that is a folder does
    // (rename fails after the temporary file was written and is removed).
    fs::create_directories(tmp.path("dir-target"));
    REQUIRE(write_file_atomic(tmp.path("dir-target/x"), "new").ok());
    Status s2 = write_file_atomic(tmp.path("dir-target"), "replacement");
    CHECK(!s2.ok());
    CHECK(read_file(tmp.path("dir-target/x")).value() == "new");
    std::size_t leftovers = 0;
    for (const auto& e : fs::directory_iterator(tmp.path())) {
      if (e.path().filename().string().find(".tmp") != std::string::npos) ++leftovers;
    }
    CHECK(leftovers == 0);
  }
  SUBCASE("annotator names are file names; paths stay inside the store") {
    CHECK(!store->file_for("nat-1949", "../evil").ok());
    CHECK(!store->file_for("nat-1949", "Alice").ok());
    CHECK(!store->file_for("../x", "alice").ok());
  }
}

TEST_CASE("store: stats, merge and adjudication with logged decisions") {
  const Document d = make_doc("nat-1949", kText);
  AnnotationFile alice{"nat-1949", "alice", "alice.jsonl", {}, {}, {}};
  AnnotationFile bob{"nat-1949", "bob", "bob.jsonl", {}, {}, {}};
  AnnotationFile gold{"nat-1949", "gold", "gold.jsonl", {}, {}, {}};
  REQUIRE(add(alice, annotate_quote(d, U"shall", "obligation", "alice")).ok());
  REQUIRE(add(alice, annotate_quote(d, U"forthwith", "temporal", "alice")).ok());
  REQUIRE(add(bob, annotate_quote(d, U"shall", "obligation", "bob")).ok());
  REQUIRE(add(bob, annotate_quote(d, U"deems necessary", "discretion", "bob")).ok());
  const MergeResult m = merge({&alice, &bob}, gold, "carol", "2026-11-27");
  CHECK(m.added == 3);
  CHECK(m.combined == 1);
  CHECK(gold.annotations.size() == 3);
  for (const auto& a : gold.annotations) {
    if (a.exact == "shall")
      CHECK(a.decisions.size() == 2);
    else
      CHECK(a.decisions.size() == 1);
  }

  AnnotationFile gold2{"nat-1949", "gold", "gold.jsonl", {}, {}, {}};
  Verdict v{"accept", bob.annotations[1].id, "carol", "2026-11-28", "", "", "", {}, {}};
  const std::string bob_id = bob.annotations[1].id;
  REQUIRE(adjudicate(bob, gold2, v, &d).ok());
  REQUIRE(gold2.annotations.size() == 1);
  CHECK(gold2.annotations[0].decisions.at(0).ref == "bob:" + bob_id);
  CHECK(bob.annotations[1].decisions.at(0).action == "accept");
  Verdict r{"reject", alice.annotations[1].id, "carol", "2026-11-28", "not a deadline", "", "", {},
            {}};
  REQUIRE(adjudicate(alice, gold2, r, &d).ok());
  CHECK(gold2.annotations.size() == 1);
  CHECK(alice.annotations[1].decisions.back().action == "reject");
  CHECK(alice.annotations[1].decisions.back().note == "not a deadline");
  // Edit: accept with a new category and a wider span; the quote is re-read.
  const auto s = static_cast<uint32_t>(kText.find(U"shall"));
  Verdict e{
      "edit", alice.annotations[0].id, "carol", "2026-11-28", "", "obligation", "obligation", s,
      s + 12};
  REQUIRE(adjudicate(alice, gold2, e, &d).ok());
  REQUIRE(gold2.annotations.size() == 2);
  const auto& ed = gold2.annotations.back();
  CHECK(ed.exact == "shall be con");
  CHECK(ed.decisions.at(0).action == "edit");
  CHECK(ed.decisions.at(0).note.find("span:") != std::string::npos);
  CHECK(!adjudicate(alice, gold2, Verdict{"accept", "nope", "", "", "", "", "", {}, {}}, &d).ok());

  ScratchDir tmp("stats");
  auto store = AnnotationStore::open(tmp.path());
  auto* fa = store->file_for("nat-1949", "alice").value();
  fa->annotations = alice.annotations;
  auto* fb = store->file_for("nat-1949", "bob").value();
  fb->annotations = bob.annotations;
  const Stats st = stats(*store);
  CHECK(st.total == 4);
  CHECK(st.by_category.at("obligation") == 2);
  CHECK(st.by_author.at("bob") == 2);
  CHECK(st.by_document.at("nat-1949") == 4);
}

TEST_CASE("store: dates, names and categories") {
  CHECK(valid_date("2026-11-27"));
  CHECK(valid_date("2026-11-27T10:00:00Z"));
  CHECK(valid_date("2026-11-27T10:00:00.25Z"));
  CHECK(!valid_date("27.11.2026"));
  CHECK(!valid_date("2026-11-27T10:00:00"));
  CHECK(valid_author("alice"));
  CHECK(valid_author("clausediff"));
  CHECK(!valid_author("-x"));
  CHECK(!valid_author("a/b"));
  CHECK(known_category("obligation"));
  CHECK(known_category("trigger_frame"));
  CHECK(!known_category("Obligation"));
  CHECK(category_rank("exception") < category_rank("vagueness"));
}

TEST_CASE("store: machine suggestions keep their review log across re-runs") {
  const Document d = make_doc("nat-1949", kText);
  auto cue = [&](const std::u32string& q, const char* cat, const char* rule) {
    Annotation a;
    const auto p = static_cast<uint32_t>(kText.find(q));
    a.span = Span{p, p + static_cast<uint32_t>(q.size())};
    a.category = cat;
    a.rule = rule;
    return a;
  };
  AnnotationFile f{"nat-1949", "clausediff", "clausediff.jsonl", {}, {}, {}};
  auto first = suggestions(
      d, {cue(U"will assist", "obligation", "OBL-01"), cue(U"forthwith", "temporal", "TMP-01")},
      "clausediff", "2026-11-27");
  REQUIRE(first.size() == 2);
  CHECK(first[0].source == "machine");
  CHECK(first[0].rule == "OBL-01");
  CHECK(first[0].exact == "will assist");
  auto r1 = replace_suggestions(f, first);
  CHECK(r1.added == 2);
  f.annotations[1].decisions.push_back(
      {"reject", "carol", "2026-11-28", "", ""});  // forthwith reviewed
  // A new run no longer proposes "forthwith" and proposes "deems necessary".
  auto second = suggestions(d,
                            {cue(U"will assist", "obligation", "OBL-01"),
                             cue(U"deems necessary", "discretion", "DSC-01")},
                            "clausediff", "2026-12-01");
  auto r2 = replace_suggestions(f, second);
  CHECK(r2.added == 1);
  CHECK(r2.kept == 2);  // will assist (still proposed) + forthwith (reviewed, kept for its log)
  CHECK(r2.removed == 0);
  CHECK(f.annotations.size() == 3);
  for (const auto& a : f.annotations) {
    if (a.exact == "will assist") CHECK(a.created == "2026-11-27");
    if (a.exact == "forthwith") CHECK(a.decisions.size() == 1);
  }
}
