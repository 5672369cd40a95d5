// diff/myers.h (private): longest common subsequence of two id sequences.
//
// Myers 1986, "An O(ND) difference algorithm and its variations", linear-space
// form: find the middle snake by searching forward from the start and
// backward from the end until the paths overlap, split there and solve both
// halves. Around it: common prefix/suffix stripping, and for large regions
// anchors in the manner of patience diff: k-grams of tokens (or, failing
// those, single tokens) that occur exactly once in each side, chained by a
// heaviest increasing subsequence weighted by the length of the matching run
// around each anchor; they cut a big problem into small independent gaps. A work bound turns the
// search into a heuristic split (the furthest-reaching point, as GNU diff and xdiff do) once
// exceeded.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cd::diff::detail {

struct MatchOptions {
  bool minimal = false;  // exact Myers on the whole; anchors only as fallback
  uint64_t max_cost = 50'000'000;
};

class Matcher {
 public:
  Matcher(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b, uint32_t vocabulary,
          MatchOptions options);

  // Fills match_of_a(): for every a index the matched b index, or -1.
  void run();
  const std::vector<int32_t>& match_of_a() const { return match_; }
  bool approximate() const { return approximate_; }

 private:
  // A helper for the parallel gap pass: writes into `parent`'s matches
  // (disjoint index ranges), with its own scratch and work counter.
  explicit Matcher(Matcher& parent);
  struct Point {
    int32_t x, y;
  };
  struct Run {
    int32_t a, b, len, anchor_b;
  };
  Run extend(int32_t i, int32_t j, int32_t a0, int32_t a1, int32_t b0, int32_t b1) const;
  std::vector<Run> unique_token_runs(int32_t a0, int32_t a1, int32_t b0, int32_t b1);
  std::vector<Run> kgram_runs(int32_t a0, int32_t a1, int32_t b0, int32_t b1);
  void solve(int32_t a0, int32_t a1, int32_t b0, int32_t b1, int depth);
  // Exact (within budget) linear-space Myers on a region. With a trial
  // budget it returns false when the budget runs out (and clears its marks);
  // without, it switches to heuristic splits and sets approximate_.
  bool myers(int32_t a0, int32_t a1, int32_t b0, int32_t b1, uint64_t trial_budget);
  Point split(int32_t a0, int32_t a1, int32_t b0, int32_t b1, uint64_t trial_limit, bool& aborted);
  bool anchored(int32_t a0, int32_t a1, int32_t b0, int32_t b1, int depth);
  void solve_gaps(const std::vector<Run>& runs, std::size_t from, std::size_t to, int32_t pa,
                  int32_t pb, int32_t a1, int32_t b1, bool tail, int depth);
  void mark(int32_t a, int32_t b, int32_t len);

  const std::vector<uint32_t>& a_;
  const std::vector<uint32_t>& b_;
  MatchOptions options_;
  std::vector<int32_t> own_match_;
  std::vector<int32_t>& match_;  // own_match_, or the parent's for a helper
  uint32_t vocabulary_ = 0;
  std::vector<int32_t> fd_, bd_;             // furthest-reaching x per diagonal
  std::vector<uint32_t> count_a_, count_b_;  // per id, saturating at 2
  std::vector<int32_t> pos_b_;               // per id, last position seen in b
  uint64_t work_ = 0;
  bool approximate_ = false;
};

// LCS ratio 2 * |LCS| / (|x| + |y|) of two id sequences (1 for two empty
// ones), by the matcher above. `vocabulary` bounds the ids; 0 = ids may be
// anything, and they are first renumbered densely for the pair (the matcher
// sizes per-id tables by the vocabulary: too costly per call for a
// document-wide vocabulary when the sequences are short).
double lcs_ratio(const std::vector<uint32_t>& x, const std::vector<uint32_t>& y,
                 uint32_t vocabulary = 0);

}  // namespace cd::diff::detail
