// diff/script.h (private): edit scripts in token units, and the passes that
// rewrite them (readability cleanup, moves) before offsets are computed.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "diff/tokens.h"
#include "model/analysis.h"

namespace cd::diff::detail {

// One op over token ranges [a0,a1) and [b0,b1). Equal ops normally pair
// tokens one to one; under ignore_punct an equal op may pair ranges of
// different length (punctuation-only differences), and such ops are never
// split or shifted by cleanup.
struct TokOp {
  OpKind kind = OpKind::equal;
  uint32_t a0 = 0, a1 = 0, b0 = 0, b1 = 0;
  int move = -1;
  bool one_to_one() const { return a1 - a0 == b1 - b0; }
};

struct Pair {
  std::u32string_view a, b;
  const TokenSeq& ta;
  const TokenSeq& tb;
  bool edited_moves = true;  // Options::edited_moves
};

// Ops from a monotone matching (match[i] = matched j or -1): equal runs, and
// between them a deletion then an insertion.
std::vector<TokOp> ops_from_matches(const std::vector<int32_t>& match, uint32_t m);

// Merges neighbours of the same kind (and move), drops empty ops, and orders
// each change as deletion before insertion.
void canonicalize(std::vector<TokOp>& ops);

// ignore_punct: a change made only of punctuation and whitespace becomes an
// equal op (its two ranges may differ).
void absorb_punct_changes(std::vector<TokOp>& ops, const Pair& p);

// Readability cleanup (diff-match-patch's semantic cleanup idea, adapted to
// tokens): widen changes that cut a word to the whole word, merge tiny
// equalities sandwiched between changes into them, and slide lone
// insertions/deletions to the best word/line/sentence boundary.
void cleanup(std::vector<TokOp>& ops, const Pair& p);

// Pairs deleted and inserted runs with the same folded, whitespace-normalized
// text (whole ops or paragraphs within them) of at least min_tokens word
// tokens, then (p.edited_moves) runs of 8+ words that were moved and edited
// (LCS ratio >= 0.8); splits ops so each moved run is its own op with `move`.
struct TokMove {
  uint32_t a0, a1, b0, b1;
  double similarity = 1.0;  // 1 for an exact move, the LCS ratio for an edited one
};
std::vector<TokMove> detect_moves(std::vector<TokOp>& ops, const Pair& p, uint32_t min_tokens);

}  // namespace cd::diff::detail
