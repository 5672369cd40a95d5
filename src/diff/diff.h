// diff/diff.h: word-level (or character-level) differences between texts.
//
// Algorithm: Myers 1986, "An O(ND) difference algorithm and its variations",
// in its linear-space form (divide and conquer on the middle snake), over
// tokens from ICU word boundaries (text/segment.h; an equivalent direct scan
// for ASCII-only chunks), interned to integer ids. Before the O(ND) search,
// common prefix and suffix are stripped. Regions small enough, or cheap enough
// (few differences), are solved exactly; large, expensive regions are first
// cut by anchors in the manner of patience diff: k-grams of tokens (or single
// tokens) that occur exactly once in each side, chained by a heaviest
// increasing subsequence weighted by the matching run around each anchor.
// With `minimal` the whole input is solved exactly (anchors only as the
// fallback). When the work exceeds `max_cost` the search splits at the
// furthest-reaching point instead (as GNU diff and xdiff do) and returns a
// valid but possibly non-minimal script with stats.approximate = true.
// A cleanup pass (on unless `minimal`) widens changes that cut a word to the
// whole word, merges tiny equalities between changes and slides edits to the
// best boundary (diff-match-patch's semantic cleanup idea), for display.
// Moves are deleted and inserted runs (whole changes or paragraphs inside
// them) with the same case-folded, whitespace-normalized text of at least
// `min_move_tokens` words, or (edited_moves) of 8+ words with an LCS ratio of
// at least 0.8 (moved, then edited); both ops carry DiffOp::move, and
// Move::similarity says how much of the text survived the move.
// Guarantee: the ops cover both texts in order; concatenating the text of
// equal+del ops gives the old text exactly, equal+ins the new one. Adjacent
// ops of one kind (and move) are merged; a del op has an empty b span at the
// current new offset, an ins op an empty a span at the current old offset.
// With ignore_* options an equal op may pair spans whose text differs (by
// case, whitespace, numbers, or punctuation; under ignore_punct one side may
// even be empty).
// Stats count non-space tokens (words, numbers, punctuation; in chars mode
// non-space code points), deleted/inserted ones as in the final ops (after
// cleanup).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/analysis.h"
#include "model/document.h"

namespace cd::diff {

struct Options {
  bool ignore_case = false;
  bool ignore_punct = false;       // punctuation tokens take no part in matching (skipped); a
                                   // change of only punctuation/space becomes an equal op
  bool ignore_whitespace = false;  // whitespace runs compare equal regardless of content
  bool ignore_numbering = false;   // numbers, Roman numerals after Article/Section/..., and
                                   // short labels in parentheses "(a)" compare equal
  bool chars = false;              // character granularity instead of words
  bool minimal = false;            // no readability cleanup
  bool detect_moves = true;
  bool edited_moves = true;        // also moves whose text was edited (LCS ratio >= 0.8)
  uint32_t min_move_tokens = 4;    // a moved run must hold at least this many word tokens
  uint64_t max_cost = 50'000'000;  // bound on the O(ND) search (approximate beyond)
};

// Edit script between two texts. Offsets in the ops are code points plus
// a_base / b_base, so that callers can diff a clause body in place.
EditScript diff_texts(std::u32string_view a, std::u32string_view b, const Options& options = {},
                      uint32_t a_base = 0, uint32_t b_base = 0);

// Clause-level mapping between two versions of a document: equal, changed,
// renumbered, moved, inserted, deleted, split, merged, with similarity.
// Clauses (all levels; a clause pairs only with one of the same level) are
// compared by body text as case-folded non-space tokens; similarity is the
// LCS ratio 2*LCS/(|a|+|b|). Pairs are assigned greedily by similarity
// (>= 0.5), then same number, then nearer relative position. See
// clause_map.cpp for the split/merge and moved rules. Result in the newer
// version's order (deleted clauses after the clause that preceded them).
std::vector<ClauseMapping> map_clauses(const Document& older, const Document& newer);
// The same, reusing a text diff of the two documents' canonical texts that
// the caller already has (large documents take candidate pairs from it).
std::vector<ClauseMapping> map_clauses(const Document& older, const Document& newer,
                                       const EditScript& text_script);

// The text diff and the clause mapping of two documents together, as
// `clausediff diff` reports them: the documents are tokenized once and the
// mapping reuses the diff's tokens (case-folded) and its equal runs.
// Same result as diff_texts() then map_clauses(older, newer, script).
struct DocumentDiff {
  EditScript script;
  std::vector<ClauseMapping> clauses;
};
DocumentDiff diff_documents(const Document& older, const Document& newer,
                            const Options& options = {});

// History across N versions: for each clause of the last version, the chain of
// clause ids back through the versions (via map_clauses between consecutive
// versions; the chain stops where the clause was inserted), and for each token
// range of its body the index of the earliest version from which that text
// survives unchanged (blame, by exact word diffs along the chain).
using cd::BlameRange;     // model/analysis.h
using cd::ClauseHistory;  // model/analysis.h
std::vector<ClauseHistory> history(const std::vector<Document>& versions);

}  // namespace cd::diff
