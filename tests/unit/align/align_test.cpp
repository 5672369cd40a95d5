#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "align/align.h"
#include "annotate/annotate.h"
#include "compare/compare.h"
#include "core/utf8.h"
#include "structure/structure.h"
#include "test_util.h"

using namespace cd;

namespace {

Document load(const std::string& rel, const std::string& genre = "legal") {
  ingest::Options o;
  o.genre = genre;
  o.kind = genre == "report" ? "news" : "treaty";
  auto d = compare::load(testing::repo_path(rel), o);
  REQUIRE_MESSAGE(d.ok(), d.status().to_string());
  return std::move(d.value());
}

const AlignedPair* pair_with(const align::Alignment& al, const std::string& a,
                             const std::string& b) {
  for (const auto& p : al.pairs) {
    if (std::find(p.a.begin(), p.a.end(), a) != p.a.end() &&
        std::find(p.b.begin(), p.b.end(), b) != p.b.end())
      return &p;
  }
  return nullptr;
}

const char* kNat = "corpus/texts/01_north_atlantic_treaty_1949.txt";

// Alignment as compare() runs it: with the cue categories of each unit.
align::Alignment align_with_cues(const Document& a, const Document& b,
                                 const std::vector<std::string>& a_units = {}) {
  auto rules = annotate::RuleSet::builtin();
  REQUIRE(rules.ok());
  compare::Options opt;
  opt.a_units = a_units;
  align::Alignment al;
  al.pairs = compare::align_documents(a, b, *rules, opt);
  return al;
}

}  // namespace

TEST_CASE("align: a document with itself pairs every unit as 'same'") {
  const Document nat = load(kNat);
  auto al = align::align(nat, nat);
  CHECK(al.unaligned_a.empty());
  for (const char* id : {"art1", "art5", "art14"}) {
    const auto* p = pair_with(al, id, id);
    REQUIRE_MESSAGE(p != nullptr, id);
    CHECK(p->kind == "same");
    CHECK(p->score > 0.99);
  }
}

TEST_CASE("align: Article 5 with the reported draft's operative quotes, as one group") {
  const Document nat = load(kNat);
  const Document draft = load("corpus/texts/11d_us_security_guarantee_draft_nov2025_REPORTED.txt");
  auto al = align_with_cues(nat, draft, {"art5"});
  REQUIRE_FALSE(al.pairs.empty());
  const auto* p = pair_with(al, "art5", "p1");
  REQUIRE(p != nullptr);
  // Quotes (1)-(3) together restate Article 5: trigger, response, means.
  CHECK(p->b == std::vector<std::string>{"p1", "p2", "p3"});
  CHECK(p->kind != "same");
  CHECK_FALSE(p->evidence.empty());
}

TEST_CASE("align: news sentences that paraphrase Article 5 pair with it; unrelated ones do not") {
  const Document nat = load(kNat);
  const Document news = load("corpus/news/platinum_guarantees_article.txt", "report");
  auto al = align::align(nat, news);
  const auto with_cues = align_with_cues(nat, news);
  auto sentence_starting = [&](const std::string& prefix) -> std::string {
    for (const auto& s : news.sentences) {
      if (news.utf8(s.span).rfind(prefix, 0) == 0) return s.id;
    }
    return {};
  };
  const auto attack_on_all = sentence_starting("The core provision");
  const auto each_member = sentence_starting("Each treaty member independently");
  const auto minerals = sentence_starting("The United States was unwilling");
  REQUIRE_FALSE(attack_on_all.empty());
  REQUIRE_FALSE(each_member.empty());
  REQUIRE_FALSE(minerals.empty());
  CHECK(pair_with(with_cues, "art5", attack_on_all) != nullptr);
  CHECK(pair_with(with_cues, "art5", each_member) != nullptr);
  CHECK(pair_with(with_cues, "art5", minerals) == nullptr);
  CHECK(std::find(al.unaligned_b.begin(), al.unaligned_b.end(), minerals) != al.unaligned_b.end());
}

TEST_CASE("align: similarity is symmetric, 1 for equal texts, 0 for disjoint ones") {
  CHECK(align::similarity(U"an armed attack", U"an armed attack") == doctest::Approx(1.0));
  CHECK(align::similarity(U"armed attack in Europe", U"economic cooperation") ==
        doctest::Approx(0.0));
  const double x = align::similarity(U"deliberate armed attack", U"intentional armed attack");
  CHECK(x == doctest::Approx(1.0));  // deliberate ~ intentional (equivalence table)
  CHECK(align::similarity(U"a b armed", U"armed attack") ==
        doctest::Approx(align::similarity(U"armed attack", U"a b armed")));
}

TEST_CASE("align: a unit pairs with its best match and at most two more (regression)") {
  // Text with a small vocabulary scores every pair alike; without a cap each
  // unit of B paired with dozens of A's (38,000 pairs for 2,000 x 2,000
  // generated articles, a 121 MB comparison).
  std::string a_src, b_src;
  const char* words[] = {"party",    "attack",  "armed",     "assist", "measures",
                         "security", "council", "territory", "forces", "treaty"};
  uint32_t seed = 7;
  auto next = [&] { return seed = seed * 1103515245u + 12345u; };
  for (int k = 1; k <= 120; ++k) {
    std::string body;
    for (int w = 0; w < 25; ++w) body += std::string(words[(next() >> 16) % 10]) + " ";
    a_src += "Article " + std::to_string(k) + "\n\n" + body + ".\n\n";
    b_src += "Article " + std::to_string(k) + "\n\n" + body + "more.\n\n";
  }
  auto a = ingest::ingest_bytes(a_src, "a.txt");
  auto b = ingest::ingest_bytes(b_src, "b.txt");
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  structure::build(a.value());
  structure::build(b.value());
  const auto al = align::align(*a, *b);
  std::map<std::string, int> pairs_of_b;
  for (const auto& p : al.pairs) {
    for (const auto& id : p.b) ++pairs_of_b[id];
  }
  for (const auto& [id, n] : pairs_of_b) CHECK_MESSAGE(n <= 3, id);
}

TEST_CASE("align: between two treaties a preamble pairs only with a preamble") {
  // Rio's recital ("reciprocal assistance to meet armed attacks") shares
  // words with NAT Art. 3 ("capacity to resist armed attack"); it paired with
  // it before recitals were kept apart from operative articles.
  const Document nat = load(kNat);
  const Document rio = load("corpus/texts/03_rio_treaty_1947_articles_1-3.txt");
  const auto al = align_with_cues(nat, rio);
  for (const auto& p : al.pairs) {
    const bool a_pre = p.a.front() == "preamble";
    for (const auto& b : p.b) CHECK_MESSAGE(a_pre == (b == "preamble"), (p.a.front() + " ~ " + b));
  }
  CHECK(pair_with(al, "art5", "art3.1") != nullptr);
  CHECK(pair_with(al, "art1", "art1") != nullptr);
}

TEST_CASE("align: a news sentence naming Article 5 as a model does not pair with it") {
  const Document nat = load(kNat);
  const Document news = load("corpus/news/platinum_guarantees_article.txt", "report");
  const auto al = align_with_cues(nat, news);
  auto sentence_starting = [&](const std::string& prefix) -> std::string {
    for (const auto& s : news.sentences) {
      if (news.utf8(s.span).rfind(prefix, 0) == 0) return s.id;
    }
    return {};
  };
  // "... security guarantees modeled on Article 5 of the North Atlantic
  // Treaty": the words of the article's name are the overlap, not its content.
  const auto modeled = sentence_starting("The Berlin round ultimately");
  // No cue category at all (the annotator reads "would" in a report as a
  // prediction), yet it restates the duty to assist: scored on words alone.
  const auto obliged = sentence_starting("If Russia were to use force");
  // One shared cue category ("obligor") and almost no shared words.
  const auto zelensky = sentence_starting("This is precisely what");
  REQUIRE_FALSE(modeled.empty());
  REQUIRE_FALSE(obliged.empty());
  REQUIRE_FALSE(zelensky.empty());
  CHECK(pair_with(al, "art5", modeled) == nullptr);
  CHECK(pair_with(al, "art5", obliged) != nullptr);
  for (const auto& p : al.pairs) CHECK(std::find(p.b.begin(), p.b.end(), zelensky) == p.b.end());
}

TEST_CASE("align: one shared cue category and few shared words make no pair") {
  // Draft quote (4), "a joint assessment mechanism ... will evaluate any
  // claimed breach", shares only the 'trigger' category and "joint(ly)" with
  // NAT Art. 3; quotes (1)-(3) and (5) still pair with Article 5.
  const Document nat = load(kNat);
  const Document draft = load("corpus/texts/11d_us_security_guarantee_draft_nov2025_REPORTED.txt");
  const auto al = align_with_cues(nat, draft);
  for (const auto& p : al.pairs) CHECK(std::find(p.b.begin(), p.b.end(), "p4") == p.b.end());
  for (const char* id : {"p1", "p2", "p3", "p5"}) CHECK_MESSAGE(pair_with(al, "art5", id), id);
}

TEST_CASE(
    "align: news sentences restating Article 5 are paraphrases; those naming it are related") {
  const Document nat = load(kNat);
  const Document news = load("corpus/news/platinum_guarantees_article.txt", "report");
  const auto al = align_with_cues(nat, news);
  auto kind_of_sentence = [&](const std::string& prefix) -> std::string {
    for (const auto& s : news.sentences) {
      if (news.utf8(s.span).rfind(prefix, 0) != 0) continue;
      const auto* p = pair_with(al, "art5", s.id);
      return p == nullptr ? "unpaired" : p->kind;
    }
    return "missing";
  };
  // Attack on one is an attack on all; each member determines its response;
  // aid may include armed force: they restate the article.
  CHECK(kind_of_sentence("The core provision of the Alliance") == "paraphrase");
  CHECK(kind_of_sentence("Each treaty member independently") == "paraphrase");
  CHECK(kind_of_sentence("The text explicitly states") == "paraphrase");
  // "Article 5 does not require ...", "Article 5 is often interpreted ...":
  // they speak about the article (the +0.25 for naming it makes them pair,
  // not a paraphrase).
  CHECK(kind_of_sentence("Article 5 does not require") == "related");
  CHECK(kind_of_sentence("In public discourse, Article 5") == "related");
}
