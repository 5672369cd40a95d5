// align/align.h: which unit of one document corresponds to which of another.
//
// What it does: pairs units (clauses, or sentences of a report) across two
// documents. First by number and heading (Article 5 with Article 5, ARTICLE V
// with Article 5), then by similarity: stemmed terms (Snowball, libstemmer)
// weighted by BM25 over both documents, taxonomy cue words shared, and
// equivalences (deliberate ~ intentional, armistice line ~ ceasefire line).
// Exact and near-exact quotations of one unit inside another are found and
// reported with their extent. A unit may take part in several pairs; pairs
// below the threshold are left unaligned and listed.
// What it does not do: word diff of a pair (src/diff) or deltas (src/annotate).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/analysis.h"
#include "model/document.h"

namespace cd::align {

// Work bounds (docs/LIMITS.md). Scoring visits, for every B unit and each of
// its terms, every A unit that has the term: in two documents of a million
// near-identical sentences that is ~10^13 visits (hours). Above the bound
// the most common terms (present in most units on both sides, so nearly
// weightless under BM25) are left out of the search for candidates, most
// costly first, until the rest fits. Grouping tries at most
// kMaxGroupCandidates B units per A unit (best first); the others pair alone.
inline constexpr uint64_t kMaxPostingVisits = 50'000'000;
inline constexpr std::size_t kMaxGroupCandidates = 64;
// Above the bound, each B unit is scored exactly (all terms, by merging
// sorted term vectors) against at most this many A units: the best by the
// rare terms' partial cosine, and a quarter of it by shared pairs of
// consecutive stems (near-copies of common words). Top-k retrieval, then
// re-ranking.
inline constexpr std::size_t kMaxApproxCandidates = 32;

struct Options {
  double threshold = 0.2;            // minimum score of a pair (calibrated on annotations/gold)
  std::vector<std::string> a_units;  // restrict side A to these unit ids (empty = all)
  bool group_b = true;               // several B units may together match one A unit
  bool numbers_first = true;         // pair equal numbers before similarity
  // Taxonomy cue categories present in each unit (from src/annotate, filled
  // by compare): a trigger clause pairs more readily with a trigger sentence.
  std::map<std::string, std::set<std::string>> a_cues, b_cues;
  uint64_t max_posting_visits = kMaxPostingVisits;  // the work bound above
};

struct Alignment {
  std::vector<AlignedPair> pairs;  // diff and deltas left empty here
  std::vector<std::string> unaligned_a;
  std::vector<std::string> unaligned_b;
  // True when a work bound above was hit and the result is an approximation;
  // `notes` then says what was left out, for the user (Severity::note).
  bool approximate = false;
  std::vector<Diagnostic> notes;
};

Alignment align(const Document& a, const Document& b, const Options& options = {});

// The score of a pair combines three things, each in [0, 1]:
//   0.4 x cosine of BM25 term vectors (how alike the two units are),
//   0.4 x coverage: the idf-weighted share of B's terms that A has (a short
//         news sentence is "explained" by a long article that contains it),
//   0.2 x cue overlap: shared cue categories / (B's cue categories + 1), the
//         add-one (Laplace) estimate, so that one shared category out of one
//         counts as half, not as full agreement.
// What depends on the genres (docs/LIMITS.md, "How units are paired"):
//   - a report sentence without cue categories is scored on words alone
//     (0.5 cosine + 0.5 coverage); a legal clause without cues keeps cue 0;
//   - a report sentence naming an article ("Article 5 does not require")
//     adds 0.25 for that article; one naming it only as a model ("modeled
//     on Article 5") never pairs with it; questions pair with nothing;
//   - between two legal texts a preamble pairs only with a preamble.
// The kind of a pair (paraphrase or related) is read from the unsmoothed
// score (plain share of B's cue categories that A has, no bonus): a sentence
// that names the article is related; one that restates it is a paraphrase.
// Similarity of two spans of text in [0, 1] (stemmed, stop words removed).
double similarity(std::u32string_view a, std::u32string_view b);

}  // namespace cd::align
