// diff/clause_map.cpp: clause-level mapping between two versions.
//
// Each clause (top-level and nested, Document::clauses) is compared by its
// body text as a sequence of case-folded non-space word tokens.
// Similarity = 2 * LCS / (|A| + |B|) (the LCS ratio, a Dice coefficient over
// the common subsequence), computed with the same Myers/anchor matcher as the
// text diff; a bag-of-tokens Dice, which is an upper bound of it, filters
// pairs first.
// Assignment: greedy by score (similarity, then same number, then nearer
// relative position), one to one, among clauses of the same level, threshold
// 0.5; similarities are computed lazily (best upper bound first), so most
// pairs never need an LCS. Documents with more than 250 000 clause pairs
// compare each clause with clauses near its expected position only (40-150
// either side) plus every clause of identical text.
// Statuses: equal (same number, same text), changed (same number, lower
// similarity), renumbered (different number), moved (a pair with similarity
// >= 0.9 that falls outside the longest increasing subsequence of the pairs'
// positions, i.e. its order changed relative to its neighbours), split (one
// old clause whose tokens are found in 2+ consecutive new clauses of the same
// level: each holds >= 80 % tokens of the old one and together they cover
// >= 60 % of it), merged (the reverse), inserted, deleted.
#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <unordered_map>

#include "core/phase_timer.h"
#include "diff/diff.h"
#include "diff/myers.h"
#include "diff/tokens.h"
#include "text/fold.h"
#include "text/segment.h"

namespace cd::diff {
namespace {

constexpr double kThreshold = 0.5;
constexpr double kMovedMin = 0.9;
constexpr double kWeakPair = 0.8;
constexpr double kContainment = 0.8;
constexpr double kCoverage = 0.6;
constexpr std::size_t kAllPairsLimit = 250'000;
// Beyond kAllPairsLimit pairs, a clause is compared with clauses within
// this many positions of its expected place (fewer on very long documents).
constexpr int kMaxWindow = 150;
constexpr int kMinWindow = 40;
constexpr std::size_t kWindowPairs = 500'000;

struct ClauseText {
  const Clause* clause = nullptr;
  int index = 0;              // pre-order position
  std::vector<uint32_t> seq;  // token ids in order
  std::u32string_view body;   // the clause body in the document's text
  uint64_t text_key = 0;      // hash of the folded token ids: equal for equal texts
};

// Clauses with the same text have the same folded token ids; hashing the ids
// (not the characters) finds candidates for same_norm() in a fifth of the work.
uint64_t ids_hash(const std::vector<uint32_t>& ids) {
  uint64_t h = 0xCBF29CE484222325ULL ^ ids.size();
  for (uint32_t id : ids) h = (h ^ id) * 0x100000001B3ULL;
  return h;
}

// The normalized text of a body (for_each_norm_char) read one character at
// a time, so that two bodies compare without building either.
class NormCursor {
 public:
  explicit NormCursor(std::u32string_view s) : s_(s) { skip_space(); }
  // Next character, or U'\0' at the end (bodies hold no NUL: ingest refuses it).
  char32_t next() {
    if (pending_space_) {
      pending_space_ = false;
      return U' ';
    }
    if (i_ >= s_.size()) return U'\0';
    const char32_t c = s_[i_++];
    const std::size_t before = i_;
    skip_space();
    pending_space_ = i_ > before && i_ < s_.size();
    return c;
  }

 private:
  void skip_space() {
    while (i_ < s_.size() && text::is_whitespace(s_[i_])) ++i_;
  }
  std::u32string_view s_;
  std::size_t i_ = 0;
  bool pending_space_ = false;
};

bool same_norm(const ClauseText& x, const ClauseText& y) {
  if (x.text_key != y.text_key) return false;
  NormCursor a(x.body), b(y.body);
  for (;;) {
    const char32_t ca = a.next(), cb = b.next();
    if (ca != cb) return false;
    if (ca == U'\0') return true;
  }
}

// Token ids of every clause body, from one case-folded tokenization of each
// whole document (tokenize_pair: both texts on two threads, one id space;
// the same UAX #29 tokens as per clause, since clause bodies start and end at
// word boundaries). A clause takes the non-space tokens inside its body.
void clause_texts(const Document& older, const Document& newer, const detail::TokenSeq& ta,
                  const detail::TokenSeq& tb, std::vector<ClauseText>& ca,
                  std::vector<ClauseText>& cb) {
  auto fill = [](const Document& doc, const detail::TokenSeq& ts, std::vector<ClauseText>& out) {
    out.reserve(doc.clauses.size());
    int index = 0;
    const auto first_at = [&](uint32_t pos) {  // first token starting at or after pos
      return static_cast<uint32_t>(std::lower_bound(ts.start.begin(), ts.start.end() - 1, pos) -
                                   ts.start.begin());
    };
    for (const auto& c : doc.clauses) {
      ClauseText ct;
      ct.clause = &c;
      ct.index = index++;
      Span body = c.body.empty() ? c.span : c.body;
      body.end = std::min<uint32_t>(body.end, static_cast<uint32_t>(doc.text.size()));
      body.start = std::min(body.start, body.end);
      ct.body = std::u32string_view(doc.text).substr(body.start, body.size());
      for (uint32_t t = first_at(body.start); t < ts.size() && ts.start[t + 1] <= body.end; ++t) {
        if (ts.kind(t) != text::TokenKind::space) ct.seq.push_back(ts.id[t]);
      }
      ct.text_key = ids_hash(ct.seq);
      out.push_back(std::move(ct));
    }
  };
  fill(older, ta, ca);
  fill(newer, tb, cb);
}

// Size of the multiset intersection of two id sequences (the bag-of-tokens
// overlap), by counting in a table indexed by id instead of sorting each
// clause's ids: O(|x| + |y|), and no sorted copy of every clause is kept.
class BagCounter {
 public:
  explicit BagCounter(uint32_t vocabulary) : count_(vocabulary, 0) {}
  std::size_t common(const std::vector<uint32_t>& x, const std::vector<uint32_t>& y) {
    for (uint32_t id : x) ++count_[id];
    std::size_t n = 0;
    for (uint32_t id : y) {
      if (count_[id] > 0) --count_[id], ++n;
    }
    for (uint32_t id : x) count_[id] = 0;
    return n;
  }

 private:
  std::vector<uint32_t> count_;
};

// Indices (into `keys`) of a longest strictly increasing subsequence.
std::vector<std::size_t> lis(const std::vector<int>& keys) {
  std::vector<std::size_t> tails, prev(keys.size(), SIZE_MAX);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    auto it = std::lower_bound(tails.begin(), tails.end(), keys[i],
                               [&](std::size_t t, int k) { return keys[t] < k; });
    if (it != tails.begin()) prev[i] = *(it - 1);
    if (it == tails.end())
      tails.push_back(i);
    else
      *it = i;
  }
  std::vector<std::size_t> out;
  for (std::size_t i = tails.empty() ? SIZE_MAX : tails.back(); i != SIZE_MAX; i = prev[i])
    out.push_back(i);
  std::reverse(out.begin(), out.end());
  return out;
}

// Candidate pairs from the text diff: old clause i and new clause j (same
// level) share text that the token diff keeps equal (or detects as moved).
// One pass over the ops with binary search over each level's clause spans:
// linear in ops + candidates, used when all-pairs would be too many. Each
// candidate carries the number of non-space tokens the diff keeps equal
// between the two clauses: a common subsequence, so 2 * common / (|i| + |j|)
// is a lower bound of their LCS ratio, found without running an LCS.
struct ScriptCandidate {
  int j = 0;
  uint32_t common = 0;
};
std::vector<std::vector<ScriptCandidate>> script_candidates(const EditScript& script,
                                                            const std::vector<ClauseText>& ca,
                                                            const std::vector<ClauseText>& cb,
                                                            const detail::TokenSeq& ta) {
  // Non-space tokens before each token of the old text, to count a range.
  std::vector<uint32_t> words_before(ta.size() + 1, 0);
  for (uint32_t t = 0; t < ta.size(); ++t)
    words_before[t + 1] = words_before[t] + (ta.kind(t) != text::TokenKind::space);
  auto words_in = [&](uint32_t s, uint32_t e) {  // tokens starting in [s, e) and ending by e
    const auto at = [&](uint32_t pos) {
      return static_cast<std::size_t>(std::lower_bound(ta.start.begin(), ta.start.end() - 1, pos) -
                                      ta.start.begin());
    };
    std::size_t t0 = at(s), t1 = at(e);
    if (t1 > t0 && ta.start[t1] > e) --t1;
    return t1 > t0 ? words_before[t1] - words_before[t0] : 0u;
  };
  struct Entry {
    Span span;
    int index;
  };
  std::map<int, std::vector<Entry>> la, lb;  // level -> clauses sorted by start
  auto body_of = [](const ClauseText& c) {
    return c.clause->body.empty() ? c.clause->span : c.clause->body;
  };
  for (const auto& c : ca) la[c.clause->level].push_back({body_of(c), c.index});
  for (const auto& c : cb) lb[c.clause->level].push_back({body_of(c), c.index});
  for (auto* m : {&la, &lb}) {
    for (auto& [lvl, v] : *m) {
      std::sort(v.begin(), v.end(),
                [](const Entry& x, const Entry& y) { return x.span.start < y.span.start; });
    }
  }
  // Clauses of one level do not overlap, so those meeting [s, e) are a run
  // found by binary search.
  auto meeting = [](const std::vector<Entry>& v, uint32_t s, uint32_t e, auto&& fn) {
    auto it = std::upper_bound(v.begin(), v.end(), s,
                               [](uint32_t x, const Entry& en) { return x < en.span.start; });
    if (it != v.begin()) --it;
    for (; it != v.end() && it->span.start < e; ++it) {
      const uint32_t a = std::max(s, it->span.start), b = std::min(e, it->span.end);
      if (a < b) fn(*it, a, b);
    }
  };
  std::vector<std::vector<ScriptCandidate>> out(ca.size());
  auto add_range = [&](Span a, Span b, bool count) {
    for (const auto& [lvl, olds] : la) {
      auto nit = lb.find(lvl);
      if (nit == lb.end()) continue;
      meeting(olds, a.start, a.end, [&](const Entry& o, uint32_t s, uint32_t e) {
        // Equal text maps position for position.
        const uint32_t bs = b.start + (s - a.start), be = b.start + (e - a.start);
        meeting(nit->second, bs, be, [&](const Entry& n, uint32_t x, uint32_t y) {
          auto& v = out[static_cast<std::size_t>(o.index)];
          auto it = std::find_if(v.begin(), v.end(),
                                 [&](const ScriptCandidate& c) { return c.j == n.index; });
          if (it == v.end()) it = v.insert(v.end(), ScriptCandidate{n.index, 0});
          // [x, y) in the new text is [s + (x - bs), s + (y - bs)) in the old.
          if (count) it->common += words_in(s + (x - bs), s + (y - bs));
        });
      });
    }
  };
  for (const auto& op : script.ops) {
    // Under ignore_* options an equal op may pair texts of different length:
    // a candidate then, but its tokens are not counted.
    if (op.op == OpKind::equal) add_range(op.a, op.b, op.a.size() == op.b.size());
  }
  for (const auto& mv : script.moves) {
    // A moved run: map its start and end ranges (lengths may differ slightly).
    add_range(mv.a, Span{mv.b.start, mv.b.start + std::min(mv.a.size(), mv.b.size())}, false);
  }
  return out;
}

struct Group {
  std::vector<int> a, b;  // indices into the clause lists
  std::string status;
  double similarity = 0.0;
};

}  // namespace

namespace {

std::vector<ClauseMapping> map_clauses_impl(const Document& older, const Document& newer,
                                            const EditScript* text_script,
                                            const detail::TokenSeq& ta, const detail::TokenSeq& tb,
                                            uint32_t vocab) {
  PhaseTimer timer("map_clauses");
  std::vector<ClauseText> ca, cb;
  clause_texts(older, newer, ta, tb, ca, cb);
  BagCounter bags(vocab);
  timer.lap("tokens");
  const int na = static_cast<int>(ca.size()), nb = static_cast<int>(cb.size());

  // Candidate pairs whose upper bound (bag Dice) reaches the threshold.
  // Greedy assignment by exact similarity, evaluated lazily: the queue holds
  // upper bounds; an entry popped as a bound gets its LCS ratio computed and
  // goes back; an exact entry popped is at least every remaining bound, so it
  // is the next greedy choice. Pairs whose clauses are taken are dropped
  // unevaluated, which keeps large documents fast.
  struct Cand {
    double sim;
    bool exact;
    bool same_number;
    double distance;
    int i, j;
  };
  auto worse = [](const Cand& x, const Cand& y) {  // priority_queue puts the best on top
    if (x.sim != y.sim) return x.sim < y.sim;
    if (x.exact != y.exact) return !x.exact;
    if (x.same_number != y.same_number) return !x.same_number;
    if (x.distance != y.distance) return x.distance > y.distance;
    return std::make_pair(x.i, x.j) > std::make_pair(y.i, y.j);
  };
  std::vector<Cand> heap;
  const bool all_pairs =
      static_cast<std::size_t>(na) * static_cast<std::size_t>(nb) <= kAllPairsLimit;
  const int window = static_cast<int>(std::clamp<std::size_t>(
      kWindowPairs / static_cast<std::size_t>(std::max({na, nb, 1})), kMinWindow, kMaxWindow));
  // Large documents: candidates come from the text diff instead of all pairs.
  std::vector<std::vector<ScriptCandidate>> from_script;
  if (!all_pairs) {
    if (text_script != nullptr) {
      from_script = script_candidates(*text_script, ca, cb, ta);
    } else {
      Options opt;
      opt.ignore_case = true;
      from_script = script_candidates(diff_texts(older.text, newer.text, opt), ca, cb, ta);
    }
  }
  // Clauses of the newer version by text hash; a hit is confirmed by same_norm.
  std::unordered_map<uint64_t, std::vector<int>> by_text;
  for (int j = 0; j < nb; ++j) by_text[cb[j].text_key].push_back(j);
  for (int i = 0; i < na; ++i) {
    auto consider = [&](int j, bool same_text) {
      if (ca[i].clause->level != cb[j].clause->level) return;
      const double rel_i = na > 1 ? static_cast<double>(i) / (na - 1) : 0.0;
      const double rel_j = nb > 1 ? static_cast<double>(j) / (nb - 1) : 0.0;
      const bool same_number = ca[i].clause->number == cb[j].clause->number;
      const double distance = std::abs(rel_i - rel_j);
      if (same_text) {
        heap.push_back({1.0, true, same_number, distance, i, j});
        return;
      }
      const std::size_t la = ca[i].seq.size(), lb = cb[j].seq.size();
      if (la + lb == 0) return;
      if (2.0 * static_cast<double>(std::min(la, lb)) / static_cast<double>(la + lb) < kThreshold)
        return;
      const double dice = 2.0 * static_cast<double>(bags.common(ca[i].seq, cb[j].seq)) /
                          static_cast<double>(la + lb);
      if (dice < kThreshold) return;
      // Same tokens, different spacing or case: below a true 1.0.
      heap.push_back({std::min(dice, 0.999), false, same_number, distance, i, j});
    };
    std::vector<int> exact;
    if (const auto hit = by_text.find(ca[i].text_key); hit != by_text.end()) {
      for (int j : hit->second) {
        if (same_norm(ca[i], cb[j])) exact.push_back(j);
      }
    }
    auto is_exact = [&](int j) { return std::binary_search(exact.begin(), exact.end(), j); };
    for (int j : exact) consider(j, true);
    if (!all_pairs) {
      for (const auto& sc : from_script[static_cast<std::size_t>(i)]) {
        if (!is_exact(sc.j)) consider(sc.j, false);
      }
      continue;
    }
    for (int j = 0; j < nb; ++j) {
      if (!is_exact(j)) consider(j, false);
    }
  }
  timer.lap("candidates");
  std::make_heap(heap.begin(), heap.end(), worse);
  std::vector<int> to_b(na, -1), to_a(nb, -1);
  std::vector<double> sim_a(na, 0.0);
  // Budget of exact (LCS) evaluations per clause. Candidates come off the
  // heap best bound first, so a clause's true partner is among its first few;
  // without a budget, text with a small vocabulary (every pair passes the bag
  // bound) costs one Myers run per candidate: 30 s on a 10 MB draft.
  constexpr int kEvaluationsPerClause = 24;
  std::vector<int> evals_a(na, 0), evals_b(nb, 0);
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), worse);
    Cand c = heap.back();
    heap.pop_back();
    if (to_b[c.i] >= 0 || to_a[c.j] >= 0) continue;
    if (!c.exact) {
      if (++evals_a[c.i] > kEvaluationsPerClause || ++evals_b[c.j] > kEvaluationsPerClause)
        continue;
      // Large documents: the diff's own common tokens first (a lower bound
      // of the LCS ratio, free); an LCS only when that bound is too low.
      double sim = 0.0;
      if (!from_script.empty()) {
        const std::size_t total = ca[c.i].seq.size() + cb[c.j].seq.size();
        for (const auto& sc : from_script[static_cast<std::size_t>(c.i)]) {
          if (sc.j == c.j && total > 0)
            sim = 2.0 * static_cast<double>(sc.common) / static_cast<double>(total);
        }
      }
      if (sim < kThreshold) sim = detail::lcs_ratio(ca[c.i].seq, cb[c.j].seq, vocab);
      c.sim = std::min(sim, 0.999);
      c.exact = true;
      if (c.sim < kThreshold) continue;
      heap.push_back(c);
      std::push_heap(heap.begin(), heap.end(), worse);
      continue;
    }
    to_b[c.i] = c.j;
    to_a[c.j] = c.i;
    sim_a[c.i] = c.sim;
  }

  timer.lap("assign");
  std::vector<Group> groups;
  std::vector<bool> grouped_a(na, false), grouped_b(nb, false);
  // Split: one old clause spread over consecutive new clauses; merged: the
  // reverse. `one`/`many` are the two sides, `contained` tells whether a
  // clause of `many` lies (mostly) inside the clause of `one`.
  auto find_spread = [&](const std::vector<ClauseText>& one, const std::vector<ClauseText>& many,
                         std::vector<int>& one_to, std::vector<int>& many_to, bool split) {
    for (int o = 0; o < static_cast<int>(one.size()); ++o) {
      if ((split ? grouped_a[o] : grouped_b[o]) || one[o].seq.empty()) continue;
      double own = 0.0;
      if (one_to[o] >= 0) own = split ? sim_a[o] : sim_a[one_to[o]];
      if (own >= kWeakPair) continue;
      std::vector<int> best;
      double best_cover = 0.0;
      std::vector<int> run;
      double cover = 0.0;
      auto close_run = [&]() {
        if (run.size() >= 2 && cover > best_cover) best = run, best_cover = cover;
        run.clear();
        cover = 0.0;
      };
      // Near the expected position only (the text around a split stays in place).
      const int nm = static_cast<int>(many.size()), no = static_cast<int>(one.size());
      const int center = no > 0 ? static_cast<int>(static_cast<int64_t>(o) * nm / no) : 0;
      const int lo = std::max(0, center - window), hi = std::min(nm, center + window + 1);
      for (int k = lo; k < hi; ++k) {
        if (many[k].clause->level != one[o].clause->level) continue;  // same-level order
        const bool free =
            (many_to[k] < 0 || many_to[k] == o) && !(split ? grouped_b[k] : grouped_a[k]);
        if (!free) {  // taken: ends a run whatever it holds
          close_run();
          continue;
        }
        const std::size_t common = many[k].seq.empty() ? 0 : bags.common(many[k].seq, one[o].seq);
        const double contained = many[k].seq.empty() ? 0.0
                                                     : static_cast<double>(common) /
                                                           static_cast<double>(many[k].seq.size());
        if (contained >= kContainment) {
          run.push_back(k);
          cover += static_cast<double>(common) / static_cast<double>(one[o].seq.size());
        } else {
          close_run();
        }
      }
      close_run();
      if (best.empty() || best_cover < kCoverage) continue;
      Group g;
      std::vector<uint32_t> joined;
      for (int k : best) joined.insert(joined.end(), many[k].seq.begin(), many[k].seq.end());
      g.similarity = detail::lcs_ratio(one[o].seq, joined, vocab);
      g.status = split ? "split" : "merged";
      if (split) {
        g.a = {o};
        g.b = best;
      } else {
        g.a = best;
        g.b = {o};
      }
      // Undo the one-to-one pairs the group replaces.
      if (one_to[o] >= 0) many_to[one_to[o]] = -1, one_to[o] = -1;
      for (int k : best) {
        if (many_to[k] >= 0) one_to[many_to[k]] = -1, many_to[k] = -1;
      }
      for (int x : g.a) grouped_a[x] = true;
      for (int x : g.b) grouped_b[x] = true;
      groups.push_back(std::move(g));
    }
  };
  find_spread(ca, cb, to_b, to_a, true);
  find_spread(cb, ca, to_a, to_b, false);
  timer.lap("split/merge");

  // One-to-one pairs; order changes found by a longest increasing subsequence.
  std::vector<int> pair_a, keys;
  for (int i = 0; i < na; ++i) {
    if (to_b[i] >= 0) pair_a.push_back(i), keys.push_back(to_b[i]);
  }
  std::vector<bool> in_order(pair_a.size(), false);
  for (std::size_t k : lis(keys)) in_order[k] = true;
  for (std::size_t k = 0; k < pair_a.size(); ++k) {
    const int i = pair_a[k], j = to_b[i];
    Group g;
    g.a = {i};
    g.b = {j};
    // Only pairs of the same text get a similarity of exactly 1 (others are
    // capped at 0.999 when pushed).
    const bool same_text = sim_a[i] >= 1.0;
    g.similarity = same_text ? 1.0 : sim_a[i];
    const bool same_number = ca[i].clause->number == cb[j].clause->number;
    if (!in_order[k] && g.similarity >= kMovedMin)
      g.status = "moved";
    else if (!same_number)
      g.status = "renumbered";
    else
      g.status = same_text ? "equal" : "changed";
    groups.push_back(std::move(g));
  }
  for (int i = 0; i < na; ++i) {
    if (to_b[i] < 0 && !grouped_a[i]) groups.push_back({{i}, {}, "deleted", 0.0});
  }
  for (int j = 0; j < nb; ++j) {
    if (to_a[j] < 0 && !grouped_b[j]) groups.push_back({{}, {j}, "inserted", 0.0});
  }

  // Order: by position in the newer version; a deleted clause right after
  // the newer position of the old clause before it.
  std::vector<double> new_pos_of_a(na, -1.0);
  for (const auto& g : groups) {
    if (g.b.empty()) continue;
    for (int i : g.a) new_pos_of_a[i] = *std::min_element(g.b.begin(), g.b.end());
  }
  double last = -1.0;
  for (int i = 0; i < na; ++i) {
    if (new_pos_of_a[i] < 0)
      new_pos_of_a[i] = last + 0.5;
    else
      last = new_pos_of_a[i];
  }
  auto key = [&](const Group& g) {
    const double pos = g.b.empty() ? new_pos_of_a[g.a.front()]
                                   : static_cast<double>(*std::min_element(g.b.begin(), g.b.end()));
    return std::make_pair(pos, g.a.empty() ? -1 : g.a.front());
  };
  std::stable_sort(groups.begin(), groups.end(),
                   [&](const Group& x, const Group& y) { return key(x) < key(y); });

  std::vector<ClauseMapping> out;
  out.reserve(groups.size());
  for (const auto& g : groups) {
    ClauseMapping m;
    for (int i : g.a) m.a.push_back(ca[i].clause->id);
    for (int j : g.b) m.b.push_back(cb[j].clause->id);
    m.status = g.status;
    m.similarity = std::round(g.similarity * 1000.0) / 1000.0;
    out.push_back(std::move(m));
  }
  return out;
}

// Token ids of every clause body come from one case-folded tokenization of
// each whole document (tokenize_pair: both texts on two threads, one id
// space; the same UAX #29 tokens as per clause, since clause bodies start and
// end at word boundaries). A clause takes the non-space tokens in its body.
std::vector<ClauseMapping> map_clauses_folding(const Document& older, const Document& newer,
                                               const EditScript* text_script) {
  Options opt;
  opt.ignore_case = true;
  detail::TokenSeq ta, tb;
  uint32_t vocab = 0;
  detail::tokenize_pair(older.text, newer.text, opt, ta, tb, vocab);
  return map_clauses_impl(older, newer, text_script, ta, tb, vocab);
}

}  // namespace

std::vector<ClauseMapping> map_clauses(const Document& older, const Document& newer) {
  return map_clauses_folding(older, newer, nullptr);
}

std::vector<ClauseMapping> map_clauses(const Document& older, const Document& newer,
                                       const EditScript& text_script) {
  return map_clauses_folding(older, newer, &text_script);
}

namespace detail {

std::vector<ClauseMapping> map_clauses_tokens(const Document& older, const Document& newer,
                                              const EditScript& text_script, const TokenSeq& ta,
                                              const TokenSeq& tb, uint32_t vocabulary) {
  return map_clauses_impl(older, newer, &text_script, ta, tb, vocabulary);
}

}  // namespace detail

}  // namespace cd::diff
