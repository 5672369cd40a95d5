// tests/unit/ingest/robustness_test.cpp: generated inputs (a fixed-seed
// generator, so runs are repeatable) through ingest + structure in every
// format: no crash, and the invariants of model/document.h hold.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "ingest/ingest.h"
#include "structure/structure.h"

using namespace cd;

namespace {

struct Lcg {
  uint64_t s;
  uint32_t next() {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(s >> 33);
  }
};

const char* const kPieces[] = {"Article 5",
                               "ARTICLE V",
                               "\n",
                               "\n\n",
                               "(1) ",
                               "(a) ",
                               "(i) ",
                               "7. ",
                               "SEC. 2.",
                               "[note]",
                               "[",
                               "]",
                               "The Parties agree. ",
                               "word ",
                               "  ",
                               "\r\n",
                               "\xC3\xA9",
                               "e\xCC\x81",
                               "\xFF",
                               "\xE2\x80",
                               "#",
                               "## ",
                               "- ",
                               "> ",
                               "<p>",
                               "</p>",
                               "<section><num>(1)</num><content>x</content></section>",
                               "&amp;",
                               "&",
                               "<",
                               ">",
                               "---\n",
                               "title: x\n",
                               "CHAPTER VII",
                               "Point 5",
                               "Preamble",
                               "\t",
                               "U.S. ",
                               "Art. 5 ",
                               "<recital>Whereas</recital>",
                               "<num>SEC. 3.</num>",
                               "<heading>H</heading>",
                               "<br/>",
                               "<!-- c -->"};

std::string generate(Lcg& g) {
  std::string out;
  const uint32_t n = 1 + g.next() % 60;
  for (uint32_t i = 0; i < n; ++i)
    out += kPieces[g.next() % (sizeof(kPieces) / sizeof(kPieces[0]))];
  return out;
}

void check_invariants(const Document& d) {
  const auto n = static_cast<uint32_t>(d.text.size());
  REQUIRE(d.source.byte_of.size() == n + 1);
  for (const auto& b : d.blocks) CHECK((b.span.start <= b.span.end && b.span.end <= n));
  std::string prev_parent;
  for (const auto& c : d.clauses) {
    CHECK(!c.id.empty());
    CHECK(c.span.end <= n);
    CHECK(c.span.contains(c.body));
    if (!c.parent.empty()) {
      const Clause* p = d.clause(c.parent);
      REQUIRE(p);
      CHECK(p->span.contains(c.span));
      CHECK(c.level == p->level + 1);
      CHECK(p < &c);  // pre-order: the parent comes first
    }
  }
  for (std::size_t i = 0; i < d.clauses.size(); ++i) {
    for (std::size_t j = i + 1; j < d.clauses.size(); ++j)
      CHECK(d.clauses[i].id != d.clauses[j].id);
  }
  uint32_t last = 0;
  for (std::size_t i = 0; i < d.sentences.size(); ++i) {
    const auto& s = d.sentences[i];
    CHECK(s.id == "s" + std::to_string(i + 1));
    CHECK((s.span.start >= last && s.span.end <= n && !s.span.empty()));
    last = s.span.end;
    if (!s.unit.empty()) CHECK(d.clause(s.unit));
  }
}

}  // namespace

TEST_CASE("generated inputs: no crash, invariants hold") {
  Lcg g{42};
  for (const char* path : {"g.txt", "g.md", "g.xml", "g.html"}) {
    for (int k = 0; k < 300; ++k) {
      std::string in = generate(g);
      if (std::string(path) == "g.xml") in = "<doc>" + in + "</doc>";
      auto r = ingest::ingest_bytes(in, path);
      if (!r.ok()) {
        CHECK(r.status().code == ErrorCode::invalid_input);
        continue;
      }
      structure::build(r.value());
      INFO(path << " #" << k);
      check_invariants(r.value());
    }
  }
}
