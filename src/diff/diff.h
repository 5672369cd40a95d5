// diff/diff.h: word-level (or character-level) differences between texts.
//
// Algorithm: Myers 1986, "An O(ND) difference algorithm and its variations",
// in its linear-space form (divide and conquer on the middle snake), over
// tokens from ICU word boundaries (text/segment.h). Before the O(ND) search,
// common prefix and suffix are stripped and tokens that occur exactly once in
// both texts serve as anchors (the idea of patience diff), which keeps the
// result minimal on typical documents and fast on large ones. When the edit
// distance exceeds `max_cost` the search stops refining and returns a valid
// but possibly non-minimal script with stats.approximate = true.
// A cleanup pass (on unless `minimal`) merges short equalities between
// changes and slides edits to word boundaries, for display; moves are
// detected as deleted and inserted runs of the same text.
// Guarantee: the ops cover both texts in order; concatenating the text of
// equal+del ops gives the old text exactly, equal+ins the new one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/analysis.h"
#include "model/document.h"

namespace cd::diff {

struct Options {
  bool ignore_case = false;
  bool ignore_punct = false;       // punctuation tokens compare equal to nothing (treated as skippable)
  bool ignore_whitespace = false;  // whitespace runs compare equal regardless of content
  bool ignore_numbering = false;   // clause numbers/labels compare equal
  bool chars = false;              // character granularity instead of words
  bool minimal = false;            // no readability cleanup
  bool detect_moves = true;
  uint32_t min_move_tokens = 4;    // a moved run must hold at least this many word tokens
  uint64_t max_cost = 50'000'000;  // bound on the O(ND) search (approximate beyond)
};

// Edit script between two texts. Offsets in the ops are code points plus
// a_base / b_base, so that callers can diff a clause body in place.
EditScript diff_texts(std::u32string_view a, std::u32string_view b, const Options& options = {},
                      uint32_t a_base = 0, uint32_t b_base = 0);

// Clause-level mapping between two versions of a document: equal, changed,
// renumbered, moved, inserted, deleted, split, merged, with similarity.
std::vector<ClauseMapping> map_clauses(const Document& older, const Document& newer);

// History across N versions: for each clause of the last version, the chain of
// clause ids back through the versions, and for each token range of its text
// the index of the version that introduced it.
struct BlameRange {
  Span span;        // in the last version's text
  int version = 0;  // index into the versions passed in
};
struct ClauseHistory {
  std::string clause;               // id in the last version
  std::vector<std::string> chain;   // id in each version (empty string: absent)
  std::vector<BlameRange> blame;
};
std::vector<ClauseHistory> history(const std::vector<Document>& versions);

}  // namespace cd::diff
