// diff/diff.cpp: diff_texts, the word/character diff (see diff.h).
//
// Pipeline: tokens -> interned ids -> LCS (Myers 1986 with anchors, myers.h)
// -> token-level ops -> optional punctuation absorption, readability cleanup
// and move detection (script.h) -> code point ops.
#include "diff/diff.h"

#include "core/phase_timer.h"
#include "diff/myers.h"
#include "diff/script.h"
#include "diff/tokens.h"
#include "text/fold.h"

namespace cd::diff {
namespace {

using detail::TokenSeq;

// Under ignore_punct, punctuation tokens take no part in the matching: the
// LCS is computed on the other tokens and mapped back.
std::vector<int32_t> match_tokens(const TokenSeq& ta, const TokenSeq& tb, uint32_t vocabulary,
                                  const Options& options, bool& approximate) {
  detail::MatchOptions mo;
  mo.minimal = options.minimal;
  mo.max_cost = options.max_cost == 0 ? 1 : options.max_cost;
  if (!options.ignore_punct) {
    detail::Matcher matcher(ta.id, tb.id, vocabulary, mo);
    matcher.run();
    approximate = matcher.approximate();
    return matcher.match_of_a();
  }
  auto filter = [](const TokenSeq& s, std::vector<uint32_t>& ids, std::vector<uint32_t>& where) {
    for (uint32_t t = 0; t < s.size(); ++t) {
      if (s.kind(t) == text::TokenKind::punct) continue;
      ids.push_back(s.id[t]);
      where.push_back(t);
    }
  };
  std::vector<uint32_t> ia, ib, wa, wb;
  filter(ta, ia, wa);
  filter(tb, ib, wb);
  detail::Matcher matcher(ia, ib, vocabulary, mo);
  matcher.run();
  approximate = matcher.approximate();
  std::vector<int32_t> match(ta.size(), -1);
  const auto& fm = matcher.match_of_a();
  for (std::size_t i = 0; i < fm.size(); ++i) {
    if (fm[i] >= 0) match[wa[i]] = static_cast<int32_t>(wb[static_cast<std::size_t>(fm[i])]);
  }
  return match;
}

uint32_t non_space(const TokenSeq& s, uint32_t t0, uint32_t t1) {
  uint32_t n = 0;
  for (uint32_t t = t0; t < t1; ++t) n += s.kind(t) != text::TokenKind::space;
  return n;
}

}  // namespace

namespace detail {

EditScript diff_tokens(std::u32string_view a, std::u32string_view b, const TokenSeq& ta,
                       const TokenSeq& tb, uint32_t vocabulary, const Options& options,
                       uint32_t a_base, uint32_t b_base) {
  EditScript out;
  PhaseTimer timer("diff_texts");
  bool approximate = false;
  const std::vector<int32_t> match = match_tokens(ta, tb, vocabulary, options, approximate);
  timer.lap("match");
  std::vector<detail::TokOp> ops = detail::ops_from_matches(match, tb.size());
  const detail::Pair pair{a, b, ta, tb, options.edited_moves};
  if (options.ignore_punct) detail::absorb_punct_changes(ops, pair);
  if (!options.minimal) detail::cleanup(ops, pair);
  timer.lap("cleanup");
  std::vector<detail::TokMove> moves;
  if (options.detect_moves) moves = detail::detect_moves(ops, pair, options.min_move_tokens);

  // Token ranges to code point spans; adjacent ops of one kind (and move) merge.
  auto span_a = [&](uint32_t t0, uint32_t t1) {
    return Span{a_base + ta.start[t0], a_base + ta.start[t1]};
  };
  auto span_b = [&](uint32_t t0, uint32_t t1) {
    return Span{b_base + tb.start[t0], b_base + tb.start[t1]};
  };
  out.ops.reserve(ops.size());
  for (const auto& o : ops) {
    DiffOp d;
    d.op = o.kind;
    d.a = span_a(o.a0, o.a1);
    d.b = span_b(o.b0, o.b1);
    d.move = o.move;
    if (d.a.empty() && d.b.empty()) continue;
    if (!out.ops.empty() && out.ops.back().op == d.op && out.ops.back().move == d.move &&
        out.ops.back().a.end == d.a.start && out.ops.back().b.end == d.b.start) {
      out.ops.back().a.end = d.a.end;
      out.ops.back().b.end = d.b.end;
    } else {
      out.ops.push_back(d);
    }
    if (o.kind == OpKind::del) out.stats.tokens_deleted += non_space(ta, o.a0, o.a1);
    if (o.kind == OpKind::ins) out.stats.tokens_inserted += non_space(tb, o.b0, o.b1);
  }
  for (const auto& m : moves)
    out.moves.push_back({span_a(m.a0, m.a1), span_b(m.b0, m.b1), m.similarity});
  out.stats.tokens_old = non_space(ta, 0, ta.size());
  out.stats.tokens_new = non_space(tb, 0, tb.size());
  out.stats.approximate = approximate;
  timer.lap("moves+ops");
  return out;
}

}  // namespace detail

EditScript diff_texts(std::u32string_view a, std::u32string_view b, const Options& options,
                      uint32_t a_base, uint32_t b_base) {
  TokenSeq ta, tb;
  uint32_t vocabulary = 0;
  detail::tokenize_pair(a, b, options, ta, tb, vocabulary);
  return detail::diff_tokens(a, b, ta, tb, vocabulary, options, a_base, b_base);
}

DocumentDiff diff_documents(const Document& older, const Document& newer, const Options& options) {
  DocumentDiff out;
  PhaseTimer timer("diff_documents");
  // Word tokens serve the clause mapping too, unless they are code points
  // (--chars) or numbers were merged into one id (--ignore-numbering): then
  // the mapping tokenizes on its own.
  const bool share = !options.chars && !options.ignore_numbering;
  if (!share) {
    out.script = diff_texts(older.text, newer.text, options);
    out.clauses = map_clauses(older, newer, out.script);
    return out;
  }
  TokenSeq ta, tb;
  uint32_t vocabulary = 0;
  detail::Interner interner;
  detail::tokenize_pair(older.text, newer.text, options, ta, tb, vocabulary, &interner);
  timer.lap("tokenize");
  out.script = detail::diff_tokens(older.text, newer.text, ta, tb, vocabulary, options, 0, 0);
  // The mapping compares case-folded tokens: fold each vocabulary entry once
  // (the vocabulary is small next to the texts) and rewrite the ids.
  detail::Interner folded;
  std::vector<uint32_t> to_folded(vocabulary);
  std::u32string key;
  for (uint32_t id = 0; id < vocabulary; ++id) {
    key.assign(interner.key(id));
    for (auto& c : key) c = text::fold_char(c);
    to_folded[id] = folded.intern(key);
  }
  for (auto* seq : {&ta, &tb}) {
    for (auto& id : seq->id) id = to_folded[id];
  }
  timer.lap("fold ids");
  out.clauses = detail::map_clauses_tokens(older, newer, out.script, ta, tb, folded.size());
  return out;
}

}  // namespace cd::diff
