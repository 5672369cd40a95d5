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

#include <string>
#include <vector>

#include "model/analysis.h"
#include "model/document.h"

namespace cd::align {

struct Options {
  double threshold = 0.15;              // minimum score of a similarity pair
  std::vector<std::string> a_units;     // restrict side A to these unit ids (empty = all)
  bool group_b = true;                  // several B units may together match one A unit
  bool numbers_first = true;            // pair equal numbers before similarity
};

struct Alignment {
  std::vector<AlignedPair> pairs;       // diff and deltas left empty here
  std::vector<std::string> unaligned_a;
  std::vector<std::string> unaligned_b;
};

Alignment align(const Document& a, const Document& b, const Options& options = {});

// Similarity of two spans of text in [0, 1] (stemmed, stop words removed).
double similarity(std::u32string_view a, std::u32string_view b);

}  // namespace cd::align
