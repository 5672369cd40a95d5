// diff/script.cpp: building and normalizing token-level edit scripts.
#include "diff/script.h"

namespace cd::diff::detail {

std::vector<TokOp> ops_from_matches(const std::vector<int32_t>& match, uint32_t m) {
  std::vector<TokOp> ops;
  const auto n = static_cast<uint32_t>(match.size());
  uint32_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && match[i] >= 0 && static_cast<uint32_t>(match[i]) == j) {
      const uint32_t i0 = i, j0 = j;
      while (i < n && match[i] >= 0 && static_cast<uint32_t>(match[i]) == j) ++i, ++j;
      ops.push_back({OpKind::equal, i0, i, j0, j});
      continue;
    }
    const uint32_t i0 = i;
    while (i < n && match[i] < 0) ++i;
    const uint32_t jend = i < n ? static_cast<uint32_t>(match[i]) : m;
    if (i > i0) ops.push_back({OpKind::del, i0, i, j, j});
    if (jend > j) ops.push_back({OpKind::ins, i, i, j, jend});
    j = jend;
  }
  return ops;
}

void canonicalize(std::vector<TokOp>& ops) {
  std::vector<TokOp> out;
  out.reserve(ops.size());
  std::size_t k = 0;
  while (k < ops.size()) {
    if (ops[k].kind == OpKind::equal) {
      TokOp e = ops[k++];
      if (e.a0 == e.a1 && e.b0 == e.b1) continue;
      if (!out.empty() && out.back().kind == OpKind::equal) {
        out.back().a1 = e.a1;
        out.back().b1 = e.b1;
      } else {
        out.push_back(e);
      }
      continue;
    }
    // A maximal stretch of changes: deletions in order, then insertions.
    std::vector<TokOp> dels, inss;
    while (k < ops.size() && ops[k].kind != OpKind::equal) {
      const TokOp& o = ops[k++];
      if (o.kind == OpKind::del && o.a1 > o.a0) dels.push_back(o);
      if (o.kind == OpKind::ins && o.b1 > o.b0) inss.push_back(o);
    }
    auto append = [&](std::vector<TokOp>& list) {
      for (const auto& o : list) {
        if (!out.empty() && out.back().kind == o.kind && out.back().move == o.move && o.move < 0) {
          out.back().a1 = o.a1;
          out.back().b1 = o.b1;
        } else {
          out.push_back(o);
        }
      }
    };
    // Re-anchor empty sides: a deletion sits at the b offset where the
    // stretch begins, an insertion at the a offset where it ends.
    if (!dels.empty() || !inss.empty()) {
      const uint32_t b_at = !inss.empty() ? inss.front().b0 : dels.front().b0;
      const uint32_t a_end = !dels.empty() ? dels.back().a1 : inss.front().a0;
      for (auto& d : dels) d.b0 = d.b1 = b_at;
      for (auto& s : inss) s.a0 = s.a1 = a_end;
    }
    append(dels);
    append(inss);
  }
  ops.swap(out);
}

void absorb_punct_changes(std::vector<TokOp>& ops, const Pair& p) {
  canonicalize(ops);
  auto only_punct = [](const TokenSeq& s, uint32_t t0, uint32_t t1) {
    for (uint32_t t = t0; t < t1; ++t) {
      if (s.kind(t) != text::TokenKind::punct && s.kind(t) != text::TokenKind::space) return false;
    }
    return true;
  };
  std::vector<TokOp> out;
  for (std::size_t k = 0; k < ops.size();) {
    if (ops[k].kind == OpKind::equal) {
      out.push_back(ops[k++]);
      continue;
    }
    std::size_t e = k;
    TokOp g{OpKind::equal, ops[k].a0, ops[k].a1, ops[k].b0, ops[k].b1};
    while (e < ops.size() && ops[e].kind != OpKind::equal) {
      g.a1 = std::max(g.a1, ops[e].a1);
      g.b1 = std::max(g.b1, ops[e].b1);
      ++e;
    }
    if (only_punct(p.ta, g.a0, g.a1) && only_punct(p.tb, g.b0, g.b1)) {
      out.push_back(g);
    } else {
      out.insert(out.end(), ops.begin() + static_cast<std::ptrdiff_t>(k),
                 ops.begin() + static_cast<std::ptrdiff_t>(e));
    }
    k = e;
  }
  ops.swap(out);
  canonicalize(ops);
}

}  // namespace cd::diff::detail
