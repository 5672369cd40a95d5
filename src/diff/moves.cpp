// diff/moves.cpp: moved text as a deleted and an inserted run with the same
// text. Myers (and every LCS diff) can only say "deleted here, inserted
// there"; pairing such runs afterwards is the approach of git's
// --color-moved and of VS Code's move detector. We pair whole changes, then
// paragraphs inside changes (a moved paragraph often sits in a larger
// change), comparing case-folded text with whitespace runs collapsed.
// Then moved text that was also edited: a deleted and an inserted run of at
// least kEditedMinWords words whose token sequences have an LCS ratio
// (2 * LCS / (|x| + |y|)) of at least kEditedMin. Candidates come from an
// inverted index over each deleted run's rarest tokens and must pass the
// bag-of-tokens Dice bound (an upper bound of the LCS ratio) before an LCS
// is computed, so the pass stays near linear on large drafts.
#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <unordered_map>

#include "diff/myers.h"
#include "diff/script.h"
#include "text/fold.h"

namespace cd::diff::detail {
namespace {

struct Candidate {
  std::size_t op;   // index into ops
  uint32_t t0, t1;  // token range (side a for deletions, b for insertions)
  bool whole;
  std::u32string key;
  bool used = false;
  uint32_t words = 0;
};

// An edited move must be this long (shorter runs pair by chance) and this
// similar (four words in five kept, in order).
constexpr uint32_t kEditedMinWords = 8;
constexpr double kEditedMin = 0.8;
constexpr std::size_t kRareTokens = 4;  // index entries per deleted run
constexpr std::size_t kMaxProbes = 64;  // deleted runs tried per inserted run

std::vector<uint32_t> word_ids(const TokenSeq& q, uint32_t t0, uint32_t t1) {
  std::vector<uint32_t> ids;
  for (uint32_t t = t0; t < t1; ++t) {
    if (q.kind(t) != text::TokenKind::space) ids.push_back(q.id[t]);
  }
  return ids;
}

std::size_t sorted_common(const std::vector<uint32_t>& x, const std::vector<uint32_t>& y) {
  std::size_t i = 0, j = 0, n = 0;
  while (i < x.size() && j < y.size()) {
    if (x[i] < y[j]) {
      ++i;
    } else if (y[j] < x[i]) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

std::u32string normalized(std::u32string_view s, const TokenSeq& q, uint32_t t0, uint32_t t1) {
  std::u32string out;
  for (uint32_t t = t0; t < t1; ++t) {
    if (q.kind(t) == text::TokenKind::space) {
      if (!out.empty() && out.back() != U' ') out.push_back(U' ');
      continue;
    }
    for (uint32_t i = q.start[t]; i < q.start[t + 1]; ++i) out.push_back(text::fold_char(s[i]));
  }
  while (!out.empty() && out.back() == U' ') out.pop_back();
  return out;
}

uint32_t word_count(const TokenSeq& q, uint32_t t0, uint32_t t1) {
  uint32_t n = 0;
  for (uint32_t t = t0; t < t1; ++t) {
    const bool w = q.kind(t) == text::TokenKind::word || q.kind(t) == text::TokenKind::number;
    // In chars mode count runs of letters, not letters.
    if (w &&
        !(t > t0 && q.start[t] == q.start[t - 1] + 1 && q.start[t + 1] == q.start[t] + 1 &&
          (q.kind(t - 1) == text::TokenKind::word || q.kind(t - 1) == text::TokenKind::number)))
      ++n;
  }
  return n;
}

// Trims whitespace tokens off both ends.
void trim(const TokenSeq& q, uint32_t& t0, uint32_t& t1) {
  while (t0 < t1 && q.kind(t0) == text::TokenKind::space) ++t0;
  while (t1 > t0 && q.kind(t1 - 1) == text::TokenKind::space) --t1;
}

// Candidates of one op: the whole (trimmed) run, and its paragraphs when it
// holds more than one (paragraphs are separated by whitespace with 2+ line feeds).
void add_candidates(std::vector<Candidate>& out, std::size_t op, uint32_t t0, uint32_t t1,
                    std::u32string_view s, const TokenSeq& q, uint32_t min_tokens) {
  auto add = [&](uint32_t x0, uint32_t x1, bool whole) {
    trim(q, x0, x1);
    if (x0 >= x1) return;
    const uint32_t words = word_count(q, x0, x1);
    if (words < min_tokens) return;
    out.push_back({op, x0, x1, whole, normalized(s, q, x0, x1), false, words});
  };
  add(t0, t1, true);
  std::vector<std::pair<uint32_t, uint32_t>> paras;
  uint32_t p0 = t0;
  uint32_t t = t0;
  while (t < t1) {
    if (q.kind(t) != text::TokenKind::space) {
      ++t;
      continue;
    }
    uint32_t e = t, nl = 0;
    while (e < t1 && q.kind(e) == text::TokenKind::space) {
      for (uint32_t i = q.start[e]; i < q.start[e + 1]; ++i) nl += s[i] == U'\n';
      ++e;
    }
    if (nl >= 2) {
      paras.emplace_back(p0, t);
      p0 = e;
    }
    t = e;
  }
  if (paras.empty()) return;
  paras.emplace_back(p0, t1);
  for (const auto& [x0, x1] : paras) add(x0, x1, false);
}

}  // namespace

std::vector<TokMove> detect_moves(std::vector<TokOp>& ops, const Pair& p, uint32_t min_tokens) {
  std::vector<TokMove> moves;
  if (min_tokens == 0) min_tokens = 1;
  std::vector<Candidate> dels, inss;
  for (std::size_t k = 0; k < ops.size(); ++k) {
    if (ops[k].kind == OpKind::del)
      add_candidates(dels, k, ops[k].a0, ops[k].a1, p.a, p.ta, min_tokens);
    if (ops[k].kind == OpKind::ins)
      add_candidates(inss, k, ops[k].b0, ops[k].b1, p.b, p.tb, min_tokens);
  }
  if (dels.empty() || inss.empty()) return moves;

  // An op is used whole, or by some of its paragraphs, never both.
  std::vector<int> op_state(ops.size(), 0);  // 0 free, 1 whole used, 2 parts used
  auto usable = [&](const Candidate& c) {
    return !c.used && (c.whole ? op_state[c.op] == 0 : op_state[c.op] != 1);
  };
  std::unordered_map<std::u32string, std::vector<std::size_t>> by_key;
  for (std::size_t i = 0; i < dels.size(); ++i) by_key[dels[i].key].push_back(i);

  struct Hit {
    uint32_t t0, t1;
    int move;
  };
  std::map<std::size_t, std::vector<Hit>> hits;  // op index -> moved subranges
  for (int pass = 0; pass < 2; ++pass) {
    for (auto& ins : inss) {
      if (!usable(ins) || (pass == 0 && !ins.whole)) continue;
      auto it = by_key.find(ins.key);
      if (it == by_key.end()) continue;
      for (std::size_t di : it->second) {
        Candidate& del = dels[di];
        if (!usable(del) || (pass == 0 && !del.whole)) continue;
        const int id = static_cast<int>(moves.size());
        moves.push_back({del.t0, del.t1, ins.t0, ins.t1});
        del.used = ins.used = true;
        op_state[del.op] = del.whole ? 1 : 2;
        op_state[ins.op] = ins.whole ? 1 : 2;
        hits[del.op].push_back({del.t0, del.t1, id});
        hits[ins.op].push_back({ins.t0, ins.t1, id});
        break;
      }
    }
  }
  // Edited moves among what is left (see the file comment).
  if (p.edited_moves) {
    std::vector<std::vector<uint32_t>> del_ids(dels.size()), del_bag(dels.size());
    std::unordered_map<uint32_t, uint32_t> df;  // id -> deleted runs holding it
    for (std::size_t i = 0; i < dels.size(); ++i) {
      if (!usable(dels[i]) || dels[i].words < kEditedMinWords) continue;
      del_ids[i] = word_ids(p.ta, dels[i].t0, dels[i].t1);
      del_bag[i] = del_ids[i];
      std::sort(del_bag[i].begin(), del_bag[i].end());
      for (std::size_t k = 0; k < del_bag[i].size(); ++k) {  // distinct ids
        if (k == 0 || del_bag[i][k] != del_bag[i][k - 1]) ++df[del_bag[i][k]];
      }
    }
    auto rarest = [&](const std::vector<uint32_t>& bag) {
      std::vector<std::pair<uint32_t, uint32_t>> by_df;  // (df, id), distinct ids
      for (std::size_t k = 0; k < bag.size(); ++k) {
        if (k > 0 && bag[k] == bag[k - 1]) continue;
        const auto it = df.find(bag[k]);
        if (it != df.end()) by_df.emplace_back(it->second, bag[k]);
      }
      std::sort(by_df.begin(), by_df.end());
      if (by_df.size() > kRareTokens) by_df.resize(kRareTokens);
      return by_df;
    };
    std::unordered_map<uint32_t, std::vector<std::size_t>> postings;
    for (std::size_t i = 0; i < dels.size(); ++i) {
      if (del_ids[i].empty()) continue;
      for (const auto& [n, id] : rarest(del_bag[i])) postings[id].push_back(i);
    }
    for (int pass = 0; pass < 2 && !postings.empty(); ++pass) {
      for (auto& ins : inss) {
        if (!usable(ins) || (pass == 0 && !ins.whole) || ins.words < kEditedMinWords) continue;
        const auto ids = word_ids(p.tb, ins.t0, ins.t1);
        auto bag = ids;
        std::sort(bag.begin(), bag.end());
        std::vector<std::size_t> probes;
        for (const auto& [n, id] : rarest(bag)) {
          const auto it = postings.find(id);
          if (it == postings.end()) continue;
          for (std::size_t di : it->second) {
            if (probes.size() < kMaxProbes &&
                std::find(probes.begin(), probes.end(), di) == probes.end())
              probes.push_back(di);
          }
        }
        std::sort(probes.begin(), probes.end());  // deterministic: document order
        double best = 0.0;
        std::size_t best_di = SIZE_MAX;
        for (std::size_t di : probes) {
          Candidate& del = dels[di];
          if (!usable(del) || (pass == 0 && !del.whole)) continue;
          // A deletion right before the insertion is one change (text
          // rewritten in place), not a move.
          if (del.op + 1 == ins.op) continue;
          const double total = static_cast<double>(ids.size() + del_ids[di].size());
          const double dice = 2.0 * static_cast<double>(sorted_common(bag, del_bag[di])) / total;
          if (dice < kEditedMin || dice <= best) continue;
          const double r = lcs_ratio(del_ids[di], ids);
          if (r >= kEditedMin && r > best) best = r, best_di = di;
        }
        if (best_di == SIZE_MAX) continue;
        Candidate& del = dels[best_di];
        const int id = static_cast<int>(moves.size());
        moves.push_back({del.t0, del.t1, ins.t0, ins.t1, std::round(best * 1000.0) / 1000.0});
        del.used = ins.used = true;
        op_state[del.op] = del.whole ? 1 : 2;
        op_state[ins.op] = ins.whole ? 1 : 2;
        hits[del.op].push_back({del.t0, del.t1, id});
        hits[ins.op].push_back({ins.t0, ins.t1, id});
      }
    }
  }
  if (moves.empty()) return moves;

  // Split the ops around their moved subranges.
  std::vector<TokOp> out;
  for (std::size_t k = 0; k < ops.size(); ++k) {
    auto h = hits.find(k);
    if (h == hits.end()) {
      out.push_back(ops[k]);
      continue;
    }
    auto& list = h->second;
    std::sort(list.begin(), list.end(), [](const Hit& x, const Hit& y) { return x.t0 < y.t0; });
    const TokOp o = ops[k];
    const bool del = o.kind == OpKind::del;
    uint32_t pos = del ? o.a0 : o.b0;
    const uint32_t end = del ? o.a1 : o.b1;
    auto piece = [&](uint32_t x0, uint32_t x1, int mv) {
      if (x0 >= x1) return;
      TokOp q = o;
      if (del)
        q.a0 = x0, q.a1 = x1;
      else
        q.b0 = x0, q.b1 = x1;
      q.move = mv;
      out.push_back(q);
    };
    for (const auto& hit : list) {
      piece(pos, hit.t0, -1);
      piece(hit.t0, hit.t1, hit.move);
      pos = hit.t1;
    }
    piece(pos, end, -1);
  }
  ops.swap(out);
  return moves;
}

}  // namespace cd::diff::detail
