// Loading rule files: every problem is a Status with file, line and column.
#include <doctest/doctest.h>

#include <set>

#include "fixtures.h"

using namespace cd;
using namespace cd::testing;
using annotate::RuleSet;

namespace {
const std::string kHeader = "id\tcategory\tsubtype\tstrength\tpattern\trationale\tgenre\n";
}

TEST_CASE("builtin rules load and cover every taxonomy category") {
  const auto& rules = builtin_rules();
  std::set<std::string> seen;
  for (const auto& r : rules.rules()) {
    seen.insert(r.category);
    CHECK_MESSAGE(r.file.rfind("rules/", 0) == 0, r.id);
    CHECK(r.line > 0);
    CHECK_FALSE(r.rationale.empty());
  }
  for (const auto& c : annotate::categories()) CHECK_MESSAGE(seen.count(c), c);
  CHECK(annotate::categories().size() == 16);
  CHECK(annotate::categories().front() == "exception");
  CHECK(annotate::categories().back() == "vagueness");
}

TEST_CASE("rule files: a bad pattern names the file, line and column") {
  RuleSet set;
  const std::string tsv = kHeader +
                          "# comment\n"
                          "OK-01\tobligation\tobligation\t3\t\\bshall\\b\tfine\t\n"
                          "BAD-01\ttrigger\tevent\t0\tarmed (attack\tunbalanced\t\n";
  const Status s = set.add_text("my_rules.tsv", tsv);
  REQUIRE_FALSE(s.ok());
  CHECK(s.code == ErrorCode::invalid_input);
  CHECK(s.path == "my_rules.tsv");
  CHECK(s.line == 4);
  CHECK(s.column == 24);  // after "BAD-01\ttrigger\tevent\t0\t", 23 code points
  CHECK(s.message.find("BAD-01") != std::string::npos);
  CHECK(s.message.find("parenthes") != std::string::npos);  // Boost's own words
  CHECK(s.to_string().find("my_rules.tsv:4:24") != std::string::npos);
  CHECK(set.rules().empty());  // all or nothing
}

TEST_CASE("rule files: duplicate ids, unknown categories, bad strengths, missing columns") {
  SUBCASE("duplicate id, also across files") {
    RuleSet set;
    REQUIRE(set.add_text("a.tsv", kHeader + "X-1\thedge\tepistemic\t-1\tmight\twhy\t\n").ok());
    const Status s = set.add_text("b.tsv", kHeader + "X-1\thedge\tepistemic\t-1\tcould\twhy\t\n");
    CHECK(s.line == 2);
    CHECK(s.message.find("duplicate rule id 'X-1'") != std::string::npos);
    CHECK(s.message.find("a.tsv:2") != std::string::npos);
    CHECK(set.rules().size() == 1);
  }
  SUBCASE("unknown or upper-case category") {
    RuleSet set;
    const Status s = set.add_text("c.tsv", kHeader + "X-2\tOBLIGATION\tx\t1\tshall\twhy\t\n");
    CHECK(s.line == 2);
    CHECK(s.column == 5);
    CHECK(s.message.find("unknown category") != std::string::npos);
  }
  SUBCASE("strength") {
    RuleSet set;
    CHECK(set.add_text("d.tsv", kHeader + "X-3\thedge\tx\tstrong\tmight\twhy\t\n").line == 2);
    CHECK(set.add_text("d.tsv", kHeader + "X-3\thedge\tx\t+1\tmight\twhy\tlegal\n").ok());
  }
  SUBCASE("missing column") {
    RuleSet set;
    const Status s = set.add_text("e.tsv", kHeader + "X-4\thedge\tx\n");
    CHECK_FALSE(s.ok());
    CHECK(s.line == 2);
    const Status h = set.add_text("f.tsv", "id\tcategory\tpattern\n");
    CHECK(h.line == 1);
    CHECK(h.message.find("subtype") != std::string::npos);
  }
  SUBCASE("genre") {
    RuleSet set;
    const Status s = set.add_text("g.tsv", kHeader + "X-5\thedge\tx\t-1\tmight\twhy\tnews\n");
    CHECK(s.message.find("genre") != std::string::npos);
  }
  SUBCASE("missing file") {
    RuleSet set;
    const Status s = set.add_file("/nonexistent/rules.tsv");
    CHECK(s.code == ErrorCode::io);
  }
}

TEST_CASE("rule files: spreadsheet quoting and CRLF are accepted") {
  RuleSet set;
  const Status s = set.add_text("q.tsv",
                                "id\tcategory\tsubtype\tstrength\tpattern\trationale\r\n"
                                "Q-1\thedge\tepistemic\t-1\tmight\t\"says \"\"maybe\"\"\"\r\n");
  REQUIRE(s.ok());
  CHECK(set.rules().front().rationale == "says \"maybe\"");
  CHECK(set.rules().front().genre.empty());
}

TEST_CASE("matching: a catastrophic pattern is a diagnostic, not a crash") {
  RuleSet set;
  REQUIRE(set.add_text("slow.tsv", kHeader + "SLOW-1\tvagueness\tx\t-1\t(a+)+$\tbacktracks\t\n"
                                             "OK-1\thedge\tepistemic\t-1\\bcould\\b\twhy\t\n")
              .ok() == false);  // a missing tab: the strength column reads "-1\bcould\b"
  REQUIRE(set.add_text("slow.tsv", kHeader + "SLOW-1\tvagueness\tx\t-1\t(a+)+$\tbacktracks\t\n"
                                             "OK-1\thedge\tepistemic\t-1\t\\bcould\\b\twhy\t\n")
              .ok());
  const Document d = make_doc(
      "report", {{"s1", std::string(3000, 'a') + "b", ""}, {"s2", "It could happen.", ""}});
  std::vector<Diagnostic> diags;
  const auto anns = annotate::annotate(d, set, &diags);
  REQUIRE(diags.size() == 1);  // one warning per rule, not per unit
  CHECK(diags[0].severity == Severity::warning);
  CHECK(diags[0].message.find("SLOW-1") != std::string::npos);
  CHECK(diags[0].message.find("slow.tsv:2") != std::string::npos);
  REQUIRE(anns.size() == 1);  // the other rule still ran
  CHECK(anns[0].rule == "OK-1");
  CHECK(anns[0].unit == "s2");
}

TEST_CASE("matching: code point offsets over non-ASCII text, case-insensitive") {
  const Document d = make_doc(
      "legal", {{"a1", "Die Vertragsparteien — «each of them» — SHALL ASSIST forthwith.", ""}});
  const auto a = annotated(d);
  const auto hits = find_text(a, "forthwith");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].span.start == 53);  // code points, not UTF-8 bytes
  CHECK_FALSE(find_text(a, "SHALL").empty());
  CHECK_FALSE(find_text(a, "each of them").empty());
}

TEST_CASE("matching: a moved-from rule set is empty, not broken") {
  RuleSet a;
  REQUIRE(a.add_text("x.tsv", kHeader + "X-9\thedge\tx\t-1\tmight\twhy\t\n").ok());
  RuleSet b = std::move(a);
  CHECK(b.rules().size() == 1);
  CHECK(a.rules().empty());  // NOLINT: documented moved-from state
  const Document d = make_doc("report", {{"s1", "It might rain.", ""}});
  CHECK(annotate::annotate(d, a).empty());  // NOLINT
  CHECK(annotate::annotate(d, b).size() == 1);
}

TEST_CASE("rule files: a pattern ending in a lone backslash is refused (fuzz regression)") {
  // Boost 1.74 reads past the end of such a pattern inside a character set
  // (heap-buffer-overflow found by fuzz_rules); the loader refuses it first.
  for (const char* pattern : {"submit\\s+it\\s+to\\s+Congress\\", "[a-z\\", "x\\"}) {
    RuleSet set;
    const Status s = set.add_text(
        "bad.tsv", kHeader + "X-1\thedge\tepistemic\t-1\t" + std::string(pattern) + "\twhy\t\n");
    REQUIRE_FALSE(s.ok());
    CHECK(s.message.find("lone backslash") != std::string::npos);
    CHECK(s.line == 2);
  }
  {
    RuleSet set;  // an escaped backslash at the end is fine
    CHECK(set.add_text("ok.tsv", kHeader + "X-1\thedge\tepistemic\t-1\tx\\\\\twhy\t\n").ok());
  }
  // A malformed perl extension at the very end made Boost read past the
  // pattern too (parse_perl_extension); the padded buffer keeps it inside.
  {
    RuleSet other;
    (void)other.add_text("crash2.tsv",
                         read_repo_file("tests/bad_input/rules_perl_extension_crash.tsv"));
  }
  // The input the fuzzer found, replayed.
  RuleSet set;
  CHECK_FALSE(set.add_text("crash.tsv",
                           read_repo_file("tests/bad_input/rules_trailing_backslash_crash.tsv"))
                  .ok());
}
