// diff/cleanup.cpp: readability cleanup of a token-level edit script.
//
// The idea is diff-match-patch's (Neil Fraser, "Diff Strategies"): a minimal
// script is often not the most readable one, so (1) a change that starts or
// ends inside a word is widened to the whole word (this matters in chars
// mode), (2) a tiny equality between two changes (a space, a one-letter word,
// "of") is folded into them, when it is no longer than the changes on either
// side, holds at most one word and no line break ("semantic cleanup"), and
// (3) a lone insertion or deletion that can slide sideways without changing
// the texts is moved to the position with the best boundaries: blank line,
// line break, sentence end, space, punctuation ("semantic lossless").
// Every step keeps the ops reproducing both texts exactly.
#include <algorithm>

#include "diff/script.h"
#include "text/fold.h"

namespace cd::diff::detail {
namespace {

struct Piece {
  bool equal;
  uint32_t a0, a1, b0, b1;
  uint32_t alen() const { return a1 - a0; }
  uint32_t blen() const { return b1 - b0; }
  bool one_to_one() const { return a1 - a0 == b1 - b0; }
};

std::vector<Piece> to_pieces(const std::vector<TokOp>& ops) {
  std::vector<Piece> out;
  for (const auto& o : ops) {
    const bool eq = o.kind == OpKind::equal;
    if (!out.empty() && !eq && !out.back().equal) {
      out.back().a1 = std::max(out.back().a1, o.a1);
      out.back().b1 = std::max(out.back().b1, o.b1);
      continue;
    }
    out.push_back({eq, o.a0, o.a1, o.b0, o.b1});
  }
  return out;
}

// Drops empty pieces and merges neighbours of the same kind.
void merge_pieces(std::vector<Piece>& ps) {
  std::vector<Piece> out;
  for (const auto& p : ps) {
    if (p.a0 == p.a1 && p.b0 == p.b1) continue;
    if (!out.empty() && out.back().equal == p.equal) {
      out.back().a1 = p.a1;
      out.back().b1 = p.b1;
    } else {
      out.push_back(p);
    }
  }
  ps.swap(out);
}

std::vector<TokOp> to_ops(const std::vector<Piece>& ps) {
  std::vector<TokOp> out;
  for (const auto& p : ps) {
    if (p.equal) {
      out.push_back({OpKind::equal, p.a0, p.a1, p.b0, p.b1});
      continue;
    }
    if (p.a1 > p.a0) out.push_back({OpKind::del, p.a0, p.a1, p.b0, p.b0});
    if (p.b1 > p.b0) out.push_back({OpKind::ins, p.a1, p.a1, p.b0, p.b1});
  }
  return out;
}

bool alnum(char32_t c) { return text::is_letter_or_digit(c); }

// Token boundary t (between tokens t-1 and t) falls inside a word.
bool mid_word(std::u32string_view s, const TokenSeq& q, uint32_t t) {
  if (t == 0 || t >= q.size()) return false;
  return alnum(s[q.start[t] - 1]) && alnum(s[q.start[t]]);
}

uint32_t newlines(std::u32string_view s, const TokenSeq& q, uint32_t t) {
  if (q.kind(t) != text::TokenKind::space) return 0;
  uint32_t n = 0;
  for (uint32_t i = q.start[t]; i < q.start[t + 1]; ++i) n += s[i] == U'\n';
  return n;
}

// How good token boundary t is as the edge of a change (higher is better).
int boundary_score(std::u32string_view s, const TokenSeq& q, uint32_t t) {
  if (t == 0 || t >= q.size()) return 6;
  if (newlines(s, q, t - 1) >= 2 || newlines(s, q, t) >= 2) return 5;
  const char32_t l = s[q.start[t] - 1], r = s[q.start[t]];
  if (l == U'\n' || r == U'\n') return 4;
  if ((l == U'.' || l == U';' || l == U':' || l == U'!' || l == U'?') && text::is_whitespace(r))
    return 3;
  if (text::is_whitespace(l) || text::is_whitespace(r)) return 2;
  if (!alnum(l) || !alnum(r)) return 1;
  return 0;
}

void widen_to_words(std::vector<Piece>& ps, const Pair& p) {
  for (std::size_t k = 0; k < ps.size(); ++k) {
    if (ps[k].equal) continue;
    Piece& c = ps[k];
    if (k > 0 && ps[k - 1].equal && ps[k - 1].one_to_one()) {
      Piece& e = ps[k - 1];
      uint32_t n = 0;
      while (n < e.alen() && (mid_word(p.a, p.ta, c.a0 - n) || mid_word(p.b, p.tb, c.b0 - n))) ++n;
      e.a1 -= n, e.b1 -= n, c.a0 -= n, c.b0 -= n;
    }
    if (k + 1 < ps.size() && ps[k + 1].equal && ps[k + 1].one_to_one()) {
      Piece& e = ps[k + 1];
      uint32_t n = 0;
      while (n < e.alen() && (mid_word(p.a, p.ta, c.a1 + n) || mid_word(p.b, p.tb, c.b1 + n))) ++n;
      e.a0 += n, e.b0 += n, c.a1 += n, c.b1 += n;
    }
  }
  merge_pieces(ps);
}

void merge_small_equalities(std::vector<Piece>& ps, const Pair& p) {
  for (int pass = 0; pass < 8; ++pass) {
    bool changed = false;
    std::vector<Piece> out;
    for (std::size_t k = 0; k < ps.size(); ++k) {
      const Piece& e = ps[k];
      if (e.equal && e.one_to_one() && !out.empty() && !out.back().equal && k + 1 < ps.size() &&
          !ps[k + 1].equal) {
        const Piece& l = out.back();
        const Piece& r = ps[k + 1];
        const uint32_t echars = p.ta.chars(e.a0, e.a1);
        const uint32_t lchars = std::max(p.ta.chars(l.a0, l.a1), p.tb.chars(l.b0, l.b1));
        const uint32_t rchars = std::max(p.ta.chars(r.a0, r.a1), p.tb.chars(r.b0, r.b1));
        uint32_t words = 0;
        bool line_break = false;
        // Cheap length test first: most equalities are far longer than the changes.
        const bool short_enough = echars <= std::min(lchars, rchars);
        for (uint32_t t = e.a0; short_enough && t < e.a1 && words <= 1 && !line_break; ++t) {
          // Count runs of word tokens (in chars mode a word is a run of letters).
          const auto is_w = [&](uint32_t x) {
            return p.ta.kind(x) == text::TokenKind::word || p.ta.kind(x) == text::TokenKind::number;
          };
          if (is_w(t) && !(t > e.a0 && is_w(t - 1))) ++words;
          line_break = line_break || newlines(p.a, p.ta, t) > 0;
        }
        if (short_enough && words <= 1 && !line_break) {
          out.back().a1 = r.a1;
          out.back().b1 = r.b1;
          ++k;
          changed = true;
          continue;
        }
      }
      out.push_back(e);
    }
    ps.swap(out);
    merge_pieces(ps);
    if (!changed) break;
  }
}

// Slides a pure deletion (side a) or insertion (side b) between two
// one-to-one equalities to its best-scoring position.
void slide(std::vector<Piece>& ps, const Pair& p) {
  for (std::size_t k = 1; k + 1 < ps.size(); ++k) {
    Piece& c = ps[k];
    Piece& e1 = ps[k - 1];
    Piece& e2 = ps[k + 1];
    if (c.equal || !e1.equal || !e2.equal || !e1.one_to_one() || !e2.one_to_one()) continue;
    const bool del = c.blen() == 0;
    if (!del && c.alen() != 0) continue;
    const TokenSeq& q = del ? p.ta : p.tb;
    const std::u32string_view s = del ? p.a : p.b;
    const uint32_t s0 = del ? c.a0 : c.b0, s1 = del ? c.a1 : c.b1;
    uint32_t left = 0, right = 0;
    while (left < e1.alen() && q.id[s0 - 1 - left] == q.id[s1 - 1 - left]) ++left;
    while (right < e2.alen() && q.id[s0 + right] == q.id[s1 + right]) ++right;
    if (left == 0 && right == 0) continue;
    int best_score = -1;
    int64_t best_t = 0;
    for (int64_t t = -static_cast<int64_t>(left); t <= static_cast<int64_t>(right); ++t) {
      const auto x0 = static_cast<uint32_t>(s0 + t), x1 = static_cast<uint32_t>(s1 + t);
      int score = 4 * (boundary_score(s, q, x0) + boundary_score(s, q, x1));
      if (q.kind(x0) != text::TokenKind::space) score += 2;  // change starts with a word
      if (t == 0) score += 1;                                // else keep Myers' choice
      if (score > best_score) best_score = score, best_t = t;
    }
    if (best_t == 0) continue;
    const auto t = static_cast<int32_t>(best_t);
    c.a0 += del ? t : 0, c.a1 += del ? t : 0, c.b0 += del ? 0 : t, c.b1 += del ? 0 : t;
    e1.a1 += t, e1.b1 += t, e2.a0 += t, e2.b0 += t;
    if (del)
      c.b0 = c.b1 = e1.b1;
    else
      c.a0 = c.a1 = e1.a1;
  }
  merge_pieces(ps);
}

}  // namespace

void cleanup(std::vector<TokOp>& ops, const Pair& p) {
  canonicalize(ops);
  std::vector<Piece> ps = to_pieces(ops);
  widen_to_words(ps, p);
  merge_small_equalities(ps, p);
  slide(ps, p);
  ops = to_ops(ps);
  canonicalize(ops);
}

}  // namespace cd::diff::detail
