// diff/history.cpp: clause chains and blame across N versions.
//
// Chains follow map_clauses between consecutive versions backwards from the
// last one (a split clause points to the clause it came from; a merged one to
// the first of its sources). Blame works forwards along each chain, as
// `git blame` does along commits: the clause's tokens in its first version
// carry that version's index; in each later version, tokens that the word
// diff (minimal, no cleanup, so that equal means unchanged) pairs with a
// token of the previous version inherit its label, all others get the new
// version's index.
#include <algorithm>
#include <map>

#include "diff/diff.h"
#include "text/segment.h"

namespace cd::diff {
namespace {

Span body_of(const Document& doc, const Clause& c) {
  Span s = c.body.empty() ? c.span : c.body;
  const auto n = static_cast<uint32_t>(doc.text.size());
  s.end = std::min(s.end, n);
  s.start = std::min(s.start, s.end);
  return s;
}

// Index of the token of `tokens` starting at code point `at`.
std::size_t token_at(const std::vector<text::Token>& tokens, uint32_t at) {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), at,
                             [](const text::Token& t, uint32_t v) { return t.span.start < v; });
  return static_cast<std::size_t>(it - tokens.begin());
}

}  // namespace

std::vector<ClauseHistory> history(const std::vector<Document>& versions) {
  std::vector<ClauseHistory> out;
  if (versions.empty()) return out;
  const std::size_t n = versions.size();
  // pred[v]: clause id in version v+1 -> id in version v.
  std::vector<std::map<std::string, std::string>> pred(n > 0 ? n - 1 : 0);
  for (std::size_t v = 0; v + 1 < n; ++v) {
    for (const auto& m : map_clauses(versions[v], versions[v + 1])) {
      if (m.a.empty() || m.b.empty()) continue;
      for (const auto& id : m.b) pred[v].emplace(id, m.a.front());
    }
  }
  Options exact;
  exact.minimal = true;
  exact.detect_moves = false;
  const Document& last = versions.back();
  for (const auto& clause : last.clauses) {
    ClauseHistory h;
    h.clause = clause.id;
    h.chain.assign(n, std::string());
    h.chain[n - 1] = clause.id;
    std::size_t first = n - 1;
    for (std::size_t v = n - 1; v > 0; --v) {
      auto it = pred[v - 1].find(h.chain[v]);
      if (it == pred[v - 1].end()) break;
      h.chain[v - 1] = it->second;
      first = v - 1;
    }
    // Labels per token of the clause body, version by version.
    const Clause* c0 = versions[first].clause(h.chain[first]);
    Span prev_body = c0 ? body_of(versions[first], *c0) : Span{};
    std::u32string_view prev_text =
        std::u32string_view(versions[first].text).substr(prev_body.start, prev_body.size());
    std::vector<text::Token> prev_tokens = text::tokenize(prev_text);
    std::vector<int> prev_labels(prev_tokens.size(), static_cast<int>(first));
    for (std::size_t v = first + 1; v < n; ++v) {
      const Clause* cv = versions[v].clause(h.chain[v]);
      const Span body = cv ? body_of(versions[v], *cv) : Span{};
      const std::u32string_view cur_text =
          std::u32string_view(versions[v].text).substr(body.start, body.size());
      std::vector<text::Token> cur_tokens = text::tokenize(cur_text);
      std::vector<int> labels(cur_tokens.size(), static_cast<int>(v));
      const EditScript es = diff_texts(prev_text, cur_text, exact);
      for (const auto& op : es.ops) {
        if (op.op != OpKind::equal) continue;
        std::size_t ta = token_at(prev_tokens, op.a.start), tb = token_at(cur_tokens, op.b.start);
        for (; tb < cur_tokens.size() && cur_tokens[tb].span.start < op.b.end &&
               ta < prev_tokens.size();
             ++ta, ++tb)
          labels[tb] = prev_labels[ta];
      }
      prev_text = cur_text;
      prev_tokens = std::move(cur_tokens);
      prev_labels = std::move(labels);
      prev_body = body;
    }
    // Ranges of equal labels, in the last version's offsets.
    for (std::size_t t = 0; t < prev_tokens.size(); ++t) {
      const Span s{prev_body.start + prev_tokens[t].span.start,
                   prev_body.start + prev_tokens[t].span.end};
      if (!h.blame.empty() && h.blame.back().version == prev_labels[t] &&
          h.blame.back().span.end == s.start) {
        h.blame.back().span.end = s.end;
      } else {
        h.blame.push_back({s, prev_labels[t]});
      }
    }
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace cd::diff
