#include "compare/quotes.h"

#include <algorithm>
#include <set>

#include "core/utf8.h"
#include "text/fold.h"
#include "text/segment.h"

namespace cd::compare {
namespace {

struct Word {
  Span span;  // in the document
  std::u32string folded;
};

std::vector<Word> words_in(const Document& doc, Span s) {
  std::vector<Word> out;
  const auto view = std::u32string_view(doc.text).substr(s.start, s.size());
  for (const auto& t : text::tokenize(view, s.start)) {
    if (t.kind != text::TokenKind::word && t.kind != text::TokenKind::number) continue;
    out.push_back(
        {t.span, text::fold(std::u32string_view(doc.text).substr(t.span.start, t.span.size()))});
  }
  return out;
}

// Quoted passages of a unit: between matching curly quotes, or straight
// double quotes paired in order.
std::vector<Span> quoted_passages(const Document& doc, Span s) {
  std::vector<Span> out;
  uint32_t open = 0;
  bool in_curly = false, in_straight = false;
  for (uint32_t i = s.start; i < s.end; ++i) {
    const char32_t c = doc.text[i];
    if (c == U'\u201C' && !in_straight) {
      in_curly = true;
      open = i + 1;
    } else if (c == U'\u201D' && in_curly) {
      in_curly = false;
      out.push_back(Span{open, i});
    } else if (c == U'"' && !in_curly) {
      if (in_straight)
        out.push_back(Span{open, i});
      else
        open = i + 1;
      in_straight = !in_straight;
    }
  }
  return out;
}

}  // namespace

std::vector<Quotation> find_quotations(const Document& a, const Document& b) {
  std::vector<Quotation> out;
  const auto b_units = units_of(b);
  std::set<std::string> parents;
  for (const auto& u : b_units) {
    if (!u.parent.empty()) parents.insert(u.parent);
  }
  // One document against itself: each quotation is looked for among the
  // quotations before it (several outlets' renderings of one draft in one
  // file), not in the text that holds it.
  const bool self = a.text == b.text && a.meta.sha256 == b.meta.sha256;
  std::vector<Unit> a_units;
  if (self) {
    for (const auto& u : b_units) {
      if (parents.count(u.id) != 0) continue;
      for (const Span p : quoted_passages(b, u.body)) {
        Unit pu = u;
        pu.body = p;
        a_units.push_back(pu);
      }
    }
  } else {
    a_units = units_of(a);
  }
  for (const auto& bu : b_units) {
    // Only innermost units, so that a quotation is reported once.
    if (parents.count(bu.id) != 0) continue;
    for (const Span q : quoted_passages(b, bu.body)) {
      const auto qw = words_in(b, q);
      if (static_cast<int>(qw.size()) < kMinQuoteWords) continue;
      Quotation best;
      double best_rank = 0.0;
      for (const auto& au : a_units) {
        if (self && au.body.end > q.start) continue;
        const auto aw = words_in(a, au.body);
        if (aw.empty()) continue;
        // Word-level LCS by dynamic programming: a quotation is short (tens
        // of words) and a unit a few hundred, so O(n m) is cheap, and exact.
        const std::size_t n = aw.size(), m = qw.size();
        std::vector<uint16_t> dp((n + 1) * (m + 1), 0);
        auto at = [&](std::size_t i, std::size_t j) -> uint16_t& { return dp[i * (m + 1) + j]; };
        for (std::size_t i = n; i-- > 0;) {
          for (std::size_t j = m; j-- > 0;) {
            at(i, j) = aw[i].folded == qw[j].folded ? static_cast<uint16_t>(at(i + 1, j + 1) + 1)
                                                    : std::max(at(i + 1, j), at(i, j + 1));
          }
        }
        // Matched word pairs (A word, quote word), in order. Among equal
        // choices prefer matching the quote word to the nearest A word.
        std::vector<std::pair<int, int>> pairs;
        for (std::size_t i = 0, j = 0; i < n && j < m;) {
          if (aw[i].folded == qw[j].folded && at(i, j) == at(i + 1, j + 1) + 1) {
            pairs.emplace_back(static_cast<int>(i), static_cast<int>(j));
            ++i, ++j;
          } else if (at(i + 1, j) >= at(i, j + 1)) {
            ++i;
          } else {
            ++j;
          }
        }
        // The quotation is the densest run of matches: split where A skips
        // more than three words, keep the run with the most matches (a
        // minimal diff may match a stray "the" far away).
        std::size_t best_from = 0, best_to = 0;
        for (std::size_t from = 0; from < pairs.size();) {
          std::size_t to = from + 1;
          while (to < pairs.size() && pairs[to].first - pairs[to - 1].first <= 4) ++to;
          if (to - from > best_to - best_from) best_from = from, best_to = to;
          from = to;
        }
        std::vector<bool> q_matched(qw.size(), false), a_matched(aw.size(), false);
        for (std::size_t k = best_from; k < best_to; ++k) {
          a_matched[static_cast<std::size_t>(pairs[k].first)] = true;
          q_matched[static_cast<std::size_t>(pairs[k].second)] = true;
        }
        int first = -1, last = -1, found = 0;
        for (std::size_t k = 0; k < aw.size(); ++k) {
          if (!a_matched[k]) continue;
          if (first < 0) first = static_cast<int>(k);
          last = static_cast<int>(k);
        }
        for (bool hit : q_matched) found += hit ? 1 : 0;
        const double score = static_cast<double>(found) / static_cast<double>(qw.size());
        // Between two quotations the shorter may be a fragment of the longer
        // ("significant, deliberate and sustained" of "significant,
        // deliberate, and sustained armed attack"): the share of the shorter.
        const double rank =
            self ? static_cast<double>(found) / static_cast<double>(std::min(aw.size(), qw.size()))
                 : score;
        if (first < 0 || rank <= best_rank || (self && found < kMinQuoteWords)) continue;
        best_rank = rank;
        Quotation cand;
        cand.b_unit = bu.id;
        cand.b = Span{qw.front().span.start, qw.back().span.end};
        cand.a_unit = au.id;
        cand.a = Span{aw[static_cast<std::size_t>(first)].span.start,
                      aw[static_cast<std::size_t>(last)].span.end};
        // Between quotations: the whole earlier one, so that the variance
        // shows where the two renderings part ("null and void" / "invalid").
        if (self) cand.a = Span{aw.front().span.start, aw.back().span.end};
        cand.score = score;
        for (int k = first; k <= last; ++k) {
          if (!a_matched[static_cast<std::size_t>(k)])
            cand.dropped.push_back(a.utf8(aw[static_cast<std::size_t>(k)].span));
        }
        for (std::size_t k = 0; k < qw.size(); ++k) {
          if (!q_matched[k]) cand.added.push_back(b.utf8(qw[k].span));
        }
        cand.exact = cand.dropped.empty() && cand.added.empty();
        best = std::move(cand);
      }
      if (!best.a_unit.empty() && best_rank >= 0.7) out.push_back(std::move(best));
    }
  }
  return out;
}

}  // namespace cd::compare
