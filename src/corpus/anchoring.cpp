#include "corpus/anchoring.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "core/utf8.h"

namespace cd::corpus {

// ---- offset mapping through an edit script ---------------------------------------

OffsetMap::OffsetMap(const EditScript& script) : pieces_(pieces_of(script)) {}

void OffsetMap::add_fallback(const EditScript& script) {
  // Keep the parts of the other script's runs that no run of ours covers.
  std::vector<Piece> extra;
  for (const Piece& p : pieces_of(script)) {
    uint32_t a = p.a0;
    for (const Piece& q : pieces_) {
      if (q.a1 <= a || q.a0 >= p.a1) continue;
      if (q.a0 > a) extra.push_back({a, q.a0, p.b0 + (a - p.a0)});
      a = std::max(a, q.a1);
    }
    if (a < p.a1) extra.push_back({a, p.a1, p.b0 + (a - p.a0)});
  }
  pieces_.insert(pieces_.end(), extra.begin(), extra.end());
  std::sort(pieces_.begin(), pieces_.end(),
            [](const Piece& x, const Piece& y) { return x.a0 < y.a0; });
}

std::vector<OffsetMap::Piece> OffsetMap::pieces_of(const EditScript& script) {
  std::vector<Piece> pieces_;
  for (const auto& op : script.ops) {
    if (op.a.empty()) continue;
    if (op.op == OpKind::equal) {
      // Equal runs hold the same text on both sides (diff.h), so lengths agree;
      // a mismatch would come from ignore-* options, which reanchoring never sets.
      const uint32_t len = std::min(op.a.size(), op.b.size());
      pieces_.push_back({op.a.start, op.a.start + len, op.b.start});
    }
  }
  // Moved text (diff.h: a deleted and an inserted run paired as a move; the
  // pair may be a paragraph inside a larger change, so it is read from
  // `moves`, not from the ops). Moves are matched case-folded with white
  // space collapsed: only runs of equal length map offset by offset, and the
  // caller checks the text at the mapped place anyway.
  for (const Move& m : script.moves) {
    if (!m.a.empty() && m.a.size() == m.b.size())
      pieces_.push_back({m.a.start, m.a.end, m.b.start});
  }
  std::sort(pieces_.begin(), pieces_.end(),
            [](const Piece& x, const Piece& y) { return x.a0 < y.a0; });
  return pieces_;
}

int64_t OffsetMap::map_start(uint32_t s) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), s,
                             [](uint32_t v, const Piece& p) { return v < p.a0; });
  if (it == pieces_.begin()) return -1;
  --it;
  if (s < it->a1) return static_cast<int64_t>(it->b0) + (s - it->a0);
  return -1;
}

int64_t OffsetMap::map_end(uint32_t e) const {
  // The piece with a0 < e <= a1: an end at a run's last character belongs to
  // that run, not to an insertion that follows it.
  auto it = std::lower_bound(pieces_.begin(), pieces_.end(), e,
                             [](const Piece& p, uint32_t v) { return p.a0 < v; });
  if (it == pieces_.begin()) return -1;
  --it;
  if (e <= it->a1) return static_cast<int64_t>(it->b0) + (e - it->a0);
  return -1;
}

uint32_t OffsetMap::kept(uint32_t s, uint32_t e, uint32_t ns, uint32_t ne) const {
  uint32_t n = 0;
  for (const auto& p : pieces_) {
    const uint32_t lo = std::max(s, p.a0), hi = std::min(e, p.a1);
    if (lo >= hi) continue;
    const uint32_t b_lo = p.b0 + (lo - p.a0), b_hi = p.b0 + (hi - p.a0);
    const uint32_t in_lo = std::max(b_lo, ns), in_hi = std::min(b_hi, ne);
    if (in_lo < in_hi) n += in_hi - in_lo;
  }
  return n;
}

// ---- approximate matching --------------------------------------------------------------

uint32_t edit_distance(std::u32string_view a, std::u32string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  std::vector<uint32_t> row(b.size() + 1);
  for (uint32_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    uint32_t diag = row[0];
    row[0] = static_cast<uint32_t>(i);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const uint32_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0u : 1u)});
      diag = up;
    }
  }
  return row[b.size()];
}

namespace {

double similarity(std::u32string_view a, std::u32string_view b) {
  const std::size_t n = std::max(a.size(), b.size());
  if (n == 0) return 1.0;
  return 1.0 - static_cast<double>(edit_distance(a, b)) / static_cast<double>(n);
}

struct Candidate {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t cost = 0;
};

// Every end position j where the pattern matches text[s, j) with at most k
// edits (Sellers 1980: the first row is all zeros, so a match may start
// anywhere), with the start of one optimal alignment carried along each
// cell. Ukkonen's cut-off computes only the rows that can still be <= k, so
// the cost is O(k * n) on typical text rather than O(m * n).
std::vector<Candidate> approximate_matches(std::u32string_view text, std::u32string_view pat,
                                           uint32_t k) {
  const std::size_t m = pat.size();
  std::vector<Candidate> out;
  if (m == 0) return out;
  std::vector<uint32_t> cost(m + 1), next(m + 1);
  std::vector<uint32_t> from(m + 1), next_from(m + 1);
  for (std::size_t i = 0; i <= m; ++i) {
    cost[i] = static_cast<uint32_t>(i);
    from[i] = 0;
  }
  std::size_t last = std::min<std::size_t>(k, m);  // deepest row with cost <= k
  const uint32_t big = k + 1;
  for (std::size_t j = 1; j <= text.size(); ++j) {
    next[0] = 0;
    next_from[0] = static_cast<uint32_t>(j);
    const std::size_t rows = std::min(m, last + 1);
    for (std::size_t i = 1; i <= rows; ++i) {
      const uint32_t c_diag =
          (i - 1 <= last ? cost[i - 1] : big) + (pat[i - 1] == text[j - 1] ? 0u : 1u);
      const uint32_t c_up = next[i - 1] + 1;                    // pattern char left out
      const uint32_t c_left = (i <= last ? cost[i] : big) + 1;  // text char left out
      if (c_diag <= c_up && c_diag <= c_left) {
        next[i] = c_diag;
        next_from[i] = from[i - 1];
      } else if (c_left <= c_up) {
        next[i] = c_left;
        next_from[i] = from[i];
      } else {
        next[i] = c_up;
        next_from[i] = next_from[i - 1];
      }
    }
    std::size_t new_last = rows;
    while (new_last > 0 && next[new_last] > k) --new_last;
    for (std::size_t i = 0; i <= rows; ++i) {
      cost[i] = next[i];
      from[i] = next_from[i];
    }
    last = new_last;
    if (last == m && cost[m] <= k) {
      out.push_back({from[m], static_cast<uint32_t>(j), cost[m]});
    }
  }
  // Keep the best non-overlapping matches: each real occurrence produces a
  // run of neighbouring ends with rising costs.
  std::sort(out.begin(), out.end(), [m](const Candidate& x, const Candidate& y) {
    const auto lx = static_cast<int64_t>(x.end - x.start) - static_cast<int64_t>(m);
    const auto ly = static_cast<int64_t>(y.end - y.start) - static_cast<int64_t>(m);
    return std::tuple(x.cost, std::llabs(lx), x.start) <
           std::tuple(y.cost, std::llabs(ly), y.start);
  });
  std::vector<Candidate> picked;
  for (const auto& c : out) {
    bool overlaps = false;
    for (const auto& p : picked) overlaps = overlaps || (c.start < p.end && p.start < c.end);
    if (!overlaps) picked.push_back(c);
    if (picked.size() >= 32) break;
  }
  return picked;
}

// Hypothesis's weights (match-quote.ts): quote 50, prefix 20, suffix 20, position 2.
double weighted_score(std::u32string_view text, uint32_t s, uint32_t e, double quote_sim,
                      std::u32string_view prefix, std::u32string_view suffix, uint32_t hint) {
  const uint32_t ps = s > prefix.size() ? s - static_cast<uint32_t>(prefix.size()) : 0;
  const double p = similarity(prefix, text.substr(ps, s - ps));
  const double q =
      similarity(suffix, text.substr(e, std::min<std::size_t>(suffix.size(), text.size() - e)));
  const double dist = std::fabs(static_cast<double>(s) - static_cast<double>(hint));
  const double pos =
      1.0 - std::min(1.0, dist / std::max<double>(1.0, static_cast<double>(text.size())));
  return (50.0 * quote_sim + 20.0 * p + 20.0 * q + 2.0 * pos) / 92.0;
}

QuoteMatch best_match(std::u32string_view text, std::u32string_view exact,
                      std::u32string_view prefix, std::u32string_view suffix, uint32_t hint,
                      const AnchorOptions& o, const std::vector<std::pair<Span, double>>& extra) {
  QuoteMatch best;
  if (exact.size() < o.min_quote_length) return best;
  const auto m = static_cast<double>(exact.size());
  const auto k = static_cast<uint32_t>(std::floor(m * (1.0 - o.min_quote_similarity)));
  std::vector<Candidate> cands = approximate_matches(text, exact, k);
  std::vector<double> sims;
  for (const auto& c : cands) {
    sims.push_back(1.0 - static_cast<double>(c.cost) /
                             std::max<double>(m, static_cast<double>(c.end - c.start)));
  }
  for (const auto& [sp, sim] : extra) {
    if (sp.end > text.size() || sp.end < sp.start) continue;
    cands.push_back({sp.start, sp.end, 0});
    sims.push_back(sim);
  }
  for (std::size_t ci = 0; ci < cands.size(); ++ci) {
    const Candidate& c = cands[ci];
    const double qs = sims[ci];
    if (qs < o.min_quote_similarity) continue;
    const double score = weighted_score(text, c.start, c.end, qs, prefix, suffix, hint);
    const auto d = [hint](uint32_t s) { return s > hint ? s - hint : hint - s; };
    const bool better = !best.found || score > best.score + 1e-12 ||
                        (std::fabs(score - best.score) <= 1e-12 &&
                         std::pair(d(c.start), c.start) < std::pair(d(best.start), best.start));
    if (better) {
      best.found = true;
      best.start = c.start;
      best.end = c.end;
      best.quote_similarity = qs;
      best.score = score;
    }
  }
  if (best.found && best.score < o.min_score) best.found = false;
  return best;
}

void place(StoredAnnotation& a, uint32_t s, uint32_t e, AnchorStatus st, double score,
           std::u32string_view text, const std::string& sha) {
  a.anchored_from = PreviousAnchor{a.doc_sha256, a.start, a.end, a.exact};
  a.start = s;
  a.end = e;
  fill_quote(a, text, sha);
  a.status = st;
  a.score = score;
}

void record(ReanchorReport& r, const StoredAnnotation& a, Span before, AnchorStatus st,
            double score, std::string why, const std::string& author) {
  switch (st) {
    case AnchorStatus::exact:
      ++r.exact;
      break;
    case AnchorStatus::shifted:
      ++r.shifted;
      break;
    case AnchorStatus::fuzzy:
      ++r.fuzzy;
      break;
    case AnchorStatus::orphaned:
      ++r.orphaned;
      break;
  }
  r.outcomes.push_back({a.id, author, st, before, a.span(), score, std::move(why)});
}

// Step 2 and 3 for one annotation: fuzzy search, else orphan.
void search_or_orphan(ReanchorReport& r, StoredAnnotation& a, std::u32string_view text,
                      const std::string& sha, uint32_t hint,
                      const std::vector<std::pair<Span, double>>& extra, const AnchorOptions& o,
                      const std::string& author, const char* why_moved) {
  const Span before = a.span();
  const std::u32string exact = to_u32(a.exact), prefix = to_u32(a.prefix),
                       suffix = to_u32(a.suffix);
  QuoteMatch m = best_match(text, exact, prefix, suffix, hint, o, extra);
  if (m.found) {
    place(a, m.start, m.end, AnchorStatus::fuzzy, m.score, text, sha);
    record(r, a, before, AnchorStatus::fuzzy, m.score, why_moved, author);
    return;
  }
  a.status = AnchorStatus::orphaned;
  a.score = 0.0;
  record(r, a, before, AnchorStatus::orphaned, 0.0,
         exact.size() < o.min_quote_length
             ? "quote changed or gone, and too short for a fuzzy search"
             : "quote not found above the minimum score",
         author);
}

}  // namespace

QuoteMatch find_quote(std::u32string_view text, std::u32string_view exact,
                      std::u32string_view prefix, std::u32string_view suffix, uint32_t hint,
                      const AnchorOptions& options) {
  return best_match(text, exact, prefix, suffix, hint, options, {});
}

std::string ReanchorReport::summary() const {
  std::string s = std::to_string(exact) + " exact, " + std::to_string(shifted) + " shifted, " +
                  std::to_string(fuzzy) + " fuzzy, " + std::to_string(orphaned) + " orphaned";
  if (unchanged > 0) s += ", " + std::to_string(unchanged) + " already on this version";
  return s;
}

std::string to_json(const ReanchorReport& r) {
  nlohmann::ordered_json j;
  j["exact"] = r.exact;
  j["shifted"] = r.shifted;
  j["fuzzy"] = r.fuzzy;
  j["orphaned"] = r.orphaned;
  j["unchanged"] = r.unchanged;
  auto list = nlohmann::ordered_json::array();
  for (const auto& o : r.outcomes) {
    nlohmann::ordered_json e;
    e["id"] = o.id;
    e["author"] = o.author;
    e["status"] = to_string(o.status);
    e["before"] = {o.before.start, o.before.end};
    e["after"] = {o.after.start, o.after.end};
    e["score"] = std::round(o.score * 1000.0) / 1000.0;
    e["why"] = o.why;
    list.push_back(e);
  }
  j["outcomes"] = list;
  return j.dump(2) + "\n";
}

ReanchorReport reanchor(std::vector<StoredAnnotation>& annotations, std::u32string_view old_text,
                        std::u32string_view new_text, const EditScript& script,
                        const AnchorOptions& options, const std::string& author) {
  return reanchor(annotations, old_text, new_text, OffsetMap(script), options, author);
}

ReanchorReport reanchor(std::vector<StoredAnnotation>& annotations, std::u32string_view old_text,
                        std::u32string_view new_text, const OffsetMap& map,
                        const AnchorOptions& options, const std::string& author) {
  ReanchorReport r;
  const std::string old_sha = text_sha256(old_text);
  const std::string new_sha = text_sha256(new_text);
  std::vector<StoredAnnotation*> other_version;
  for (auto& a : annotations) {
    if (a.doc_sha256 == new_sha && a.status != AnchorStatus::orphaned) {
      ++r.unchanged;
      continue;
    }
    if (a.doc_sha256 != old_sha) {
      other_version.push_back(&a);
      continue;
    }
    const Span before = a.span();
    const int64_t ns = map.map_start(a.start);
    const int64_t ne = a.end == a.start ? ns : map.map_end(a.end);
    std::vector<std::pair<Span, double>> extra;
    if (ns >= 0 && ne >= ns) {
      const auto s = static_cast<uint32_t>(ns), e = static_cast<uint32_t>(ne);
      if (to_u8(new_text.substr(s, e - s)) == a.exact) {
        const bool same = s == a.start && e == a.end;
        const AnchorStatus st = same ? AnchorStatus::exact : AnchorStatus::shifted;
        place(a, s, e, st, 1.0, new_text, new_sha);
        record(r, a, before, st, 1.0, same ? "unchanged" : "moved with the text", author);
        continue;
      }
      // Both ends survived and the words between changed: a candidate whose
      // similarity is the share of the old quote still there.
      const double kept = a.end > a.start ? static_cast<double>(map.kept(a.start, a.end, s, e)) /
                                                static_cast<double>(a.end - a.start)
                                          : 0.0;
      extra.push_back({Span{s, e}, kept});
    }
    // Hint: where the diff puts the start, or the nearest mapped offset before it.
    uint32_t hint = 0;
    if (ns >= 0) {
      hint = static_cast<uint32_t>(ns);
    } else {
      for (uint32_t back = a.start; back > 0; --back) {
        const int64_t h = map.map_end(back);
        if (h >= 0) {
          hint = static_cast<uint32_t>(h);
          break;
        }
      }
    }
    search_or_orphan(r, a, new_text, new_sha, hint, extra, options, author,
                     extra.empty() ? "quote found again after its text was edited or moved"
                                   : "words inside the quote changed");
  }
  if (!other_version.empty()) {
    std::vector<StoredAnnotation> rest;
    for (auto* a : other_version) rest.push_back(*a);
    ReanchorReport q = reanchor_by_quote(rest, new_text, options, author);
    for (std::size_t i = 0; i < rest.size(); ++i) *other_version[i] = rest[i];
    r.exact += q.exact;
    r.shifted += q.shifted;
    r.fuzzy += q.fuzzy;
    r.orphaned += q.orphaned;
    r.unchanged += q.unchanged;
    r.outcomes.insert(r.outcomes.end(), q.outcomes.begin(), q.outcomes.end());
  }
  return r;
}

ReanchorReport reanchor_by_quote(std::vector<StoredAnnotation>& annotations,
                                 std::u32string_view new_text, const AnchorOptions& options,
                                 const std::string& author) {
  ReanchorReport r;
  const std::string new_sha = text_sha256(new_text);
  for (auto& a : annotations) {
    if (a.doc_sha256 == new_sha && a.status != AnchorStatus::orphaned) {
      ++r.unchanged;
      continue;
    }
    const Span before = a.span();
    if (a.end >= a.start && a.end <= new_text.size() &&
        to_u8(new_text.substr(a.start, a.end - a.start)) == a.exact) {
      place(a, a.start, a.end, AnchorStatus::exact, 1.0, new_text, new_sha);
      record(r, a, before, AnchorStatus::exact, 1.0, "quote still at its offsets", author);
      continue;
    }
    search_or_orphan(r, a, new_text, new_sha, a.start, {}, options, author,
                     "found by quote (old version unknown)");
  }
  return r;
}

}  // namespace cd::corpus
