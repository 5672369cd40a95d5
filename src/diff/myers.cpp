// diff/myers.cpp: LCS of two id sequences (see myers.h for the algorithms).
#include "diff/myers.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>
#include <unordered_map>

namespace cd::diff::detail {
namespace {

constexpr int32_t kNone = -1;
constexpr int32_t kInf = std::numeric_limits<int32_t>::max();
// Once the global work bound is spent, each split searches this many edit
// steps before taking the furthest-reaching point as split.
constexpr int32_t kHeuristicSteps = 32;
// Regions at most this large are always solved by exact Myers.
constexpr int32_t kSmallRegion = 64;
// Regions up to this size first try exact Myers with a work budget
// proportional to their size; anchors only when that fails.
constexpr int32_t kTrialRegion = 20000;
constexpr int kMaxAnchorDepth = 8;
// Top-level regions at least this large solve their gaps on two threads.
constexpr int32_t kParallelRegion = 1 << 20;

}  // namespace

Matcher::Matcher(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b,
                 uint32_t vocabulary, MatchOptions options)
    : a_(a),
      b_(b),
      options_(options),
      own_match_(a.size(), kNone),
      match_(own_match_),
      vocabulary_(vocabulary) {}

Matcher::Matcher(Matcher& parent)
    : a_(parent.a_),
      b_(parent.b_),
      options_(parent.options_),
      match_(parent.match_),
      vocabulary_(parent.vocabulary_) {}

void Matcher::run() {
  const auto n = static_cast<int32_t>(a_.size());
  const auto m = static_cast<int32_t>(b_.size());
  if (options_.minimal) {
    if (myers(0, n, 0, m, options_.max_cost)) return;
    // Exact search too costly: anchors plus bounded Myers, flagged.
    approximate_ = true;
    work_ = 0;
  }
  solve(0, n, 0, m, 0);
}

void Matcher::mark(int32_t a, int32_t b, int32_t len) {
  for (int32_t k = 0; k < len; ++k) match_[a + k] = b + k;
}

void Matcher::solve(int32_t a0, int32_t a1, int32_t b0, int32_t b1, int depth) {
  while (a0 < a1 && b0 < b1 && a_[a0] == b_[b0]) match_[a0++] = b0++;
  while (a0 < a1 && b0 < b1 && a_[a1 - 1] == b_[b1 - 1]) match_[--a1] = --b1;
  if (a0 == a1 || b0 == b1) return;
  const int32_t size = (a1 - a0) + (b1 - b0);
  if (size <= kSmallRegion || depth >= kMaxAnchorDepth) {
    myers(a0, a1, b0, b1, 0);
    return;
  }
  // Exact when cheap: minimality is kept wherever the edit distance is small
  // relative to the region; anchors only where Myers would be expensive.
  if (size <= kTrialRegion && myers(a0, a1, b0, b1, 16ULL * static_cast<uint64_t>(size) + 4096))
    return;
  if (anchored(a0, a1, b0, b1, depth)) return;
  myers(a0, a1, b0, b1, 0);
}

// Extends the match at (i, j) along its diagonal into a maximal run.
Matcher::Run Matcher::extend(int32_t i, int32_t j, int32_t a0, int32_t a1, int32_t b0,
                             int32_t b1) const {
  int32_t s = 0;
  while (i - s > a0 && j - s > b0 && a_[i - s - 1] == b_[j - s - 1]) ++s;
  int32_t e = 0;
  while (i + e < a1 && j + e < b1 && a_[i + e] == b_[j + e]) ++e;
  return {i - s, j - s, s + e, j};
}

// Patience anchors: tokens that occur exactly once in each side.
std::vector<Matcher::Run> Matcher::unique_token_runs(int32_t a0, int32_t a1, int32_t b0,
                                                     int32_t b1) {
  if (count_a_.empty()) {  // per-id tables only when needed (many small matchers in map_clauses)
    count_a_.assign(vocabulary_, 0);
    count_b_.assign(vocabulary_, 0);
    pos_b_.assign(vocabulary_, 0);
  }
  for (int32_t i = a0; i < a1; ++i) {
    const uint32_t id = a_[i];
    if (count_a_[id] < 2) ++count_a_[id];
  }
  for (int32_t j = b0; j < b1; ++j) {
    const uint32_t id = b_[j];
    if (count_b_[id] < 2) ++count_b_[id];
    pos_b_[id] = j;
  }
  std::vector<Run> runs;
  for (int32_t i = a0; i < a1; ++i) {
    const uint32_t id = a_[i];
    if (count_a_[id] != 1 || count_b_[id] != 1) continue;
    const int32_t j = pos_b_[id];
    if (!runs.empty()) {
      const Run& last = runs.back();
      if (i - j == last.a - last.b && i < last.a + last.len) continue;  // same run
    }
    runs.push_back(extend(i, j, a0, a1, b0, b1));
  }
  for (int32_t i = a0; i < a1; ++i) count_a_[a_[i]] = 0;
  for (int32_t j = b0; j < b1; ++j) count_b_[b_[j]] = 0;
  return runs;
}

// Anchors for large regions, where single tokens are rarely unique: k-grams
// of token ids that occur exactly once in each side. On big regions only
// k-grams whose hash falls in a fixed residue class are considered (a
// content-defined sample, so both sides pick the same ones), which keeps the
// table small while leaving an anchor every few words of unchanged text.
std::vector<Matcher::Run> Matcher::kgram_runs(int32_t a0, int32_t a1, int32_t b0, int32_t b1) {
  constexpr int32_t k = 8;
  std::vector<Run> runs;
  if (a1 - a0 < k || b1 - b0 < k) return runs;
  const int32_t size = (a1 - a0) + (b1 - b0);
  const uint64_t sample_mask = size > (1 << 16) ? 15 : size > (1 << 12) ? 3 : 0;
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  uint64_t top = 1;  // kMul^(k-1)
  for (int32_t t = 1; t < k; ++t) top *= kMul;
  struct Slot {
    uint64_t hash;
    int32_t pos_a, pos_b;  // -1 not seen, -2 seen more than once
  };
  std::size_t cap = 64;
  while (cap < static_cast<std::size_t>(size) / (sample_mask + 1) * 2 + 16) cap <<= 1;
  std::vector<Slot> table(cap, Slot{0, -1, -1});
  const std::size_t mask = cap - 1;
  auto mix = [](uint64_t h) {
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 29);
  };
  auto scan = [&](const std::vector<uint32_t>& seq, int32_t lo, int32_t hi, bool side_a) {
    uint64_t h = 0;
    for (int32_t t = lo; t < lo + k - 1; ++t) h = h * kMul + seq[t] + 1;
    for (int32_t i = lo; i + k <= hi; ++i) {
      h = h * kMul + seq[i + k - 1] + 1;
      const uint64_t key = mix(h) | 1;  // 0 marks an empty slot
      if ((key >> 1 & sample_mask) == 0) {
        std::size_t x = key & mask;
        while (table[x].hash != 0 && table[x].hash != key) x = (x + 1) & mask;
        Slot& sl = table[x];
        sl.hash = key;
        int32_t& pos = side_a ? sl.pos_a : sl.pos_b;
        pos = pos == -1 ? i : -2;
      }
      h -= (seq[i] + 1) * top;
    }
  };
  scan(a_, a0, a1, true);
  scan(b_, b0, b1, false);
  std::vector<std::pair<int32_t, int32_t>> anchors;
  for (const Slot& sl : table) {
    if (sl.pos_a >= 0 && sl.pos_b >= 0) anchors.emplace_back(sl.pos_a, sl.pos_b);
  }
  std::sort(anchors.begin(), anchors.end());
  for (const auto& [i, j] : anchors) {
    if (!std::equal(a_.begin() + i, a_.begin() + i + k, b_.begin() + j))
      continue;  // hash collision
    if (!runs.empty()) {
      const Run& last = runs.back();
      if (i - j == last.a - last.b && i < last.a + last.len) continue;  // same run
    }
    runs.push_back(extend(i, j, a0, a1, b0, b1));
  }
  return runs;
}

bool Matcher::anchored(int32_t a0, int32_t a1, int32_t b0, int32_t b1, int depth) {
  std::vector<Run> runs = kgram_runs(a0, a1, b0, b1);
  if (runs.empty()) runs = unique_token_runs(a0, a1, b0, b1);
  if (runs.empty()) return false;

  // Heaviest increasing subsequence of the runs (ordered by anchor in a,
  // increasing anchor in b, weight = run length): a Fenwick tree over the
  // rank of the anchor's b position holds the best chain ending below it.
  const auto k = static_cast<int32_t>(runs.size());
  std::vector<int32_t> order(k);
  for (int32_t r = 0; r < k; ++r) order[r] = r;
  std::sort(order.begin(), order.end(),
            [&](int32_t x, int32_t y) { return runs[x].anchor_b < runs[y].anchor_b; });
  std::vector<int32_t> rank(k);
  for (int32_t r = 0; r < k; ++r) rank[order[r]] = r + 1;
  std::vector<std::pair<int64_t, int32_t>> tree(k + 1, {0, -1});
  std::vector<int32_t> prev(k, -1);
  std::vector<int64_t> best(k, 0);
  for (int32_t r = 0; r < k; ++r) {
    std::pair<int64_t, int32_t> q{0, -1};
    for (int32_t p = rank[r] - 1; p > 0; p -= p & -p) q = std::max(q, tree[p]);
    best[r] = q.first + runs[r].len;
    prev[r] = q.second;
    for (int32_t p = rank[r]; p <= k; p += p & -p) tree[p] = std::max(tree[p], {best[r], r});
  }
  int32_t tail = static_cast<int32_t>(std::max_element(best.begin(), best.end()) - best.begin());
  std::vector<int32_t> chain;
  for (int32_t r = tail; r >= 0; r = prev[r]) chain.push_back(r);
  std::reverse(chain.begin(), chain.end());

  // Clip the chained runs so that they do not overlap (runs on different
  // diagonals may share tokens), then solve the gaps between them.
  std::vector<Run> picked;
  picked.reserve(chain.size());
  int32_t pa = a0, pb = b0;
  for (int32_t r : chain) {
    Run run = runs[r];
    const int32_t shift = std::max({pa - run.a, pb - run.b, 0});
    run.a += shift;
    run.b += shift;
    run.len -= shift;
    if (run.len <= 0) continue;
    picked.push_back(run);
    pa = run.a + run.len;
    pb = run.b + run.len;
  }
  runs.clear();
  runs.shrink_to_fit();
  const std::size_t half = picked.size() / 2;
  if (depth == 0 && a1 - a0 + b1 - b0 >= kParallelRegion && half > 0) {
    // The gaps are independent: the second half goes to a helper matcher on
    // another thread (own scratch and work counter) that writes its matches
    // into the same array, in index ranges this thread does not touch.
    const int32_t ha = picked[half - 1].a + picked[half - 1].len;
    const int32_t hb = picked[half - 1].b + picked[half - 1].len;
    Matcher helper(*this);
    std::thread worker(
        [&] { helper.solve_gaps(picked, half, picked.size(), ha, hb, a1, b1, true, depth); });
    solve_gaps(picked, 0, half, a0, b0, a1, b1, false, depth);
    worker.join();
    approximate_ = approximate_ || helper.approximate_;
    return true;
  }
  solve_gaps(picked, 0, picked.size(), a0, b0, a1, b1, true, depth);
  return true;
}

void Matcher::solve_gaps(const std::vector<Run>& runs, std::size_t from, std::size_t to, int32_t pa,
                         int32_t pb, int32_t a1, int32_t b1, bool tail, int depth) {
  for (std::size_t r = from; r < to; ++r) {
    const Run& run = runs[r];
    solve(pa, run.a, pb, run.b, depth + 1);
    mark(run.a, run.b, run.len);
    pa = run.a + run.len;
    pb = run.b + run.len;
  }
  if (tail) solve(pa, a1, pb, b1, depth + 1);
}

bool Matcher::myers(int32_t a0, int32_t a1, int32_t b0, int32_t b1, uint64_t trial_budget) {
  const uint64_t trial_limit = trial_budget ? work_ + trial_budget : 0;
  struct Region {
    int32_t a0, a1, b0, b1;
  };
  std::vector<Region> todo{{a0, a1, b0, b1}};
  while (!todo.empty()) {
    Region r = todo.back();
    todo.pop_back();
    while (r.a0 < r.a1 && r.b0 < r.b1 && a_[r.a0] == b_[r.b0]) match_[r.a0++] = r.b0++;
    while (r.a0 < r.a1 && r.b0 < r.b1 && a_[r.a1 - 1] == b_[r.b1 - 1]) match_[--r.a1] = --r.b1;
    if (r.a0 == r.a1 || r.b0 == r.b1) continue;
    bool aborted = false;
    const Point p = split(r.a0, r.a1, r.b0, r.b1, trial_limit, aborted);
    if (aborted) {
      std::fill(match_.begin() + a0, match_.begin() + a1, kNone);
      return false;
    }
    todo.push_back({p.x, r.a1, p.y, r.b1});
    todo.push_back({r.a0, p.x, r.b0, p.y});
  }
  return true;
}

// Middle snake of [a0,a1) x [b0,b1), both non-empty, first and last tokens
// differing. Diagonal k = x - y. fd holds the furthest x reached forward on
// each diagonal with d edits, bd the smallest x reached backward. Moves are
// only taken where they stay inside the box, so every stored point is
// reachable; the returned point lies on a shortest path, because the edit
// distance to either end never grows when one moves along a diagonal towards it.
Matcher::Point Matcher::split(int32_t a0, int32_t a1, int32_t b0, int32_t b1, uint64_t trial_limit,
                              bool& aborted) {
  const int32_t n = a1 - a0;
  const int32_t m = b1 - b0;
  const auto budget_steps = static_cast<int32_t>(
      std::min<double>(std::sqrt(static_cast<double>(options_.max_cost)) + 64.0, 1e9));
  const int32_t dcap = std::min((n + m) / 2 + 2, budget_steps);
  const int32_t off = dcap + 2;
  const std::size_t width = static_cast<std::size_t>(2 * off + 1);
  if (fd_.size() < width) {
    fd_.resize(width);
    bd_.resize(width);
  }
  const int32_t dmin = a0 - b1, dmax = a1 - b0;
  const int32_t fmid = a0 - b0, bmid = a1 - b1;
  const bool odd = ((fmid - bmid) & 1) != 0;
  auto F = [&](int32_t k) -> int32_t& { return fd_[static_cast<std::size_t>(k - fmid + off)]; };
  auto B = [&](int32_t k) -> int32_t& { return bd_[static_cast<std::size_t>(k - bmid + off)]; };
  int32_t fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
  F(fmid) = a0;
  B(bmid) = a1;
  for (int32_t d = 1;; ++d) {
    if (fmin > dmin)
      F(--fmin - 1) = kNone;
    else
      ++fmin;
    if (fmax < dmax)
      F(++fmax + 1) = kNone;
    else
      --fmax;
    for (int32_t k = fmax; k >= fmin; k -= 2) {
      const int32_t lo = F(k - 1), hi = F(k + 1);
      int32_t x = kNone;
      if (lo != kNone && lo < a1) x = lo + 1;                  // delete a[lo]
      if (hi != kNone && hi - (k + 1) < b1 && hi > x) x = hi;  // insert b[y]
      if (x == kNone) {
        F(k) = kNone;
        continue;
      }
      int32_t y = x - k;
      while (x < a1 && y < b1 && a_[x] == b_[y]) ++x, ++y;
      F(k) = x;
      if (odd && bmin <= k && k <= bmax && B(k) != kInf && B(k) <= x) return {x, y};
    }
    if (bmin > dmin)
      B(--bmin - 1) = kInf;
    else
      ++bmin;
    if (bmax < dmax)
      B(++bmax + 1) = kInf;
    else
      --bmax;
    for (int32_t k = bmax; k >= bmin; k -= 2) {
      const int32_t lo = B(k - 1), hi = B(k + 1);
      int32_t x = kInf;
      if (hi != kInf && hi > a0) x = hi - 1;                  // a[hi-1] deleted
      if (lo != kInf && lo - (k - 1) > b0 && lo < x) x = lo;  // b[y-1] inserted
      if (x == kInf) {
        B(k) = kInf;
        continue;
      }
      int32_t y = x - k;
      while (x > a0 && y > b0 && a_[x - 1] == b_[y - 1]) --x, --y;
      B(k) = x;
      if (!odd && fmin <= k && k <= fmax && F(k) != kNone && F(k) >= x) return {x, y};
    }
    work_ += static_cast<uint64_t>(fmax - fmin + bmax - bmin) / 2 + 2;
    if (trial_limit != 0 && (work_ > trial_limit || d >= dcap - 1)) {
      aborted = true;
      return {a0, b0};
    }
    if (d >= dcap - 1 || (work_ > options_.max_cost && d >= kHeuristicSteps)) {
      // Bounded search: split at the point that got furthest (forward or
      // backward), measured in x + y. The script stays valid, maybe longer.
      approximate_ = true;
      int64_t best_f = -1, best_b = -1;
      Point pf{a0, b0}, pb{a1, b1};
      for (int32_t k = fmin; k <= fmax; k += 2) {
        const int32_t x = F(k);
        if (x == kNone) continue;
        const int32_t y = x - k;
        if ((x == a1 && y == b1)) continue;
        const int64_t gain = static_cast<int64_t>(x + y) - (a0 + b0);
        if (gain > best_f) best_f = gain, pf = {x, y};
      }
      for (int32_t k = bmin; k <= bmax; k += 2) {
        const int32_t x = B(k);
        if (x == kInf) continue;
        const int32_t y = x - k;
        if (x == a0 && y == b0) continue;
        const int64_t gain = static_cast<int64_t>(a1 + b1) - (x + y);
        if (gain > best_b) best_b = gain, pb = {x, y};
      }
      if (best_f > 0 && best_f >= best_b) return pf;
      if (best_b > 0) return pb;
      return {a0 + (n + 1) / 2, b0 + m / 2};
    }
  }
}

double lcs_ratio(const std::vector<uint32_t>& x, const std::vector<uint32_t>& y,
                 uint32_t vocabulary) {
  if (x.empty() && y.empty()) return 1.0;
  if (x.empty() || y.empty()) return 0.0;
  auto common_of = [](const std::vector<uint32_t>& dx, const std::vector<uint32_t>& dy,
                      uint32_t vocab) {
    Matcher m(dx, dy, vocab, {});
    m.run();
    std::size_t common = 0;
    for (int32_t v : m.match_of_a()) common += v >= 0;
    return common;
  };
  std::size_t common = 0;
  if (vocabulary != 0) {
    common = common_of(x, y, vocabulary);
  } else {
    std::unordered_map<uint32_t, uint32_t> dense;
    auto remap = [&](const std::vector<uint32_t>& v) {
      std::vector<uint32_t> out;
      out.reserve(v.size());
      for (uint32_t id : v) out.push_back(dense.emplace(id, dense.size()).first->second);
      return out;
    };
    const auto dx = remap(x);
    const auto dy = remap(y);
    common = common_of(dx, dy, static_cast<uint32_t>(dense.size()));
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(x.size() + y.size());
}

}  // namespace cd::diff::detail
