// Alignment by weighted term overlap.
//
// Each unit becomes a vector of stems weighted by BM25 term weights
// (Robertson & Zaragoza 2009) with document frequencies counted over the
// units of both documents, so that words every clause shares ("Parties",
// "Treaty") count little and distinctive ones ("armed", "attack",
// "forthwith") count much. Similarity is the cosine of two such vectors.
// Each unit of B is paired with its best unit of A when the score passes the
// threshold; in a legal document several B units that together restate one A
// unit are grouped into one pair when the group covers A better than its best
// member alone.
#include "align/align.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>
#include <future>
#include <map>
#include <set>
#include <unordered_map>

#include "align/terms.h"
#include "core/utf8.h"
#include "text/fold.h"

namespace cd::align {
namespace {

using Vector = std::map<std::string, double>;

struct UnitTerms {
  Unit unit;
  std::vector<Term> terms;
  std::map<std::string, int> tf;
  double length = 0;                 // number of terms
  std::vector<std::string> bigrams;  // filled on a bounded run only
};

// Per-thread accumulators of the scoring loop, one slot per A unit.
struct Scratch {
  explicit Scratch(std::size_t n_a)
      : dot(n_a, 0.0), cover(n_a, 0.0), mark(n_a, 0), shared_bigrams(n_a, 0) {}
  std::vector<double> dot;
  std::vector<double> cover;
  std::vector<uint8_t> mark;
  std::vector<uint32_t> shared_bigrams;
  std::vector<uint32_t> touched;
  std::vector<uint32_t> bigram_touched;
  std::vector<std::pair<double, uint32_t>> ranked;
};

// From this many B units on, the scoring loop runs in two threads.
constexpr std::size_t kParallelUnits = 512;

// Distinct pairs of consecutive stems ("arm\x1fattack"), for finding
// near-copies on a bounded run.
std::vector<std::string> bigrams_of(const std::vector<Term>& terms) {
  std::vector<std::string> out;
  for (std::size_t k = 1; k < terms.size(); ++k)
    out.push_back(terms[k - 1].stem + '\x1f' + terms[k].stem);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

struct Weighting {
  std::unordered_map<std::string, int> df;
  int n = 0;
  double avg_len = 1;

  double idf(const std::string& t) const {
    auto it = df.find(t);
    const double d = it == df.end() ? 0.0 : it->second;
    return std::log(1.0 + (n - d + 0.5) / (d + 0.5));
  }
};

UnitTerms make_unit(const Document& doc, const Unit& u) {
  UnitTerms ut;
  ut.unit = u;
  const Span s = u.body;
  ut.terms = terms_of(std::u32string_view(doc.text).substr(s.start, s.size()));
  for (const auto& t : ut.terms) ++ut.tf[t.stem];
  ut.length = static_cast<double>(ut.terms.size());
  return ut;
}

Vector vector_of(const std::map<std::string, int>& tf, double len, const Weighting& w) {
  // BM25 term weight with k1 = 1.2, b = 0.75.
  constexpr double k1 = 1.2, b = 0.75;
  Vector v;
  for (const auto& [t, f] : tf) {
    const double norm = f * (k1 + 1) / (f + k1 * (1 - b + b * len / w.avg_len));
    v[t] = w.idf(t) * norm;
  }
  return v;
}

// A term vector as (term id, weight) sorted by id: two of them are compared
// by one merge, without hashing.
struct SparseVector {
  std::vector<std::pair<uint32_t, double>> entries;

  // Dot product with `b`, and the summed idf of the terms of `b` found here.
  std::pair<double, double> dot_and_cover(const SparseVector& b,
                                          const std::vector<double>& idf) const {
    double d = 0, c = 0;
    for (std::size_t p = 0, q = 0; p < entries.size() && q < b.entries.size();) {
      if (entries[p].first < b.entries[q].first) {
        ++p;
      } else if (b.entries[q].first < entries[p].first) {
        ++q;
      } else {
        d += entries[p].second * b.entries[q].second;
        c += idf[entries[p].first];
        ++p, ++q;
      }
    }
    return {d, c};
  }
};

struct TermIds {
  std::unordered_map<std::string, uint32_t> id;
  std::vector<double> idf;

  SparseVector sparse(const Vector& v, const Weighting& w) {
    SparseVector out;
    for (const auto& [t, x] : v) {
      auto [it, added] = id.emplace(t, static_cast<uint32_t>(idf.size()));
      if (added) idf.push_back(w.idf(t));
      out.entries.emplace_back(it->second, x);
    }
    std::sort(out.entries.begin(), out.entries.end());
    return out;
  }
};

double cosine(const Vector& x, const Vector& y) {
  double dot = 0, nx = 0, ny = 0;
  for (const auto& [t, v] : x) {
    nx += v * v;
    auto it = y.find(t);
    if (it != y.end()) dot += v * it->second;
  }
  for (const auto& [t, v] : y) ny += v * v;
  if (nx == 0 || ny == 0) return 0;
  return dot / std::sqrt(nx * ny);
}

std::map<std::string, int> merge_tf(const std::vector<const UnitTerms*>& units, double& len) {
  std::map<std::string, int> tf;
  len = 0;
  for (const auto* u : units) {
    for (const auto& [t, f] : u->tf) tf[t] += f;
    len += u->length;
  }
  return tf;
}

// Shared terms, most weighted first, as written in A.
std::vector<std::string> shared_terms(const UnitTerms& a, const std::map<std::string, int>& btf,
                                      const Weighting& w) {
  std::vector<std::pair<double, std::string>> shared;
  std::set<std::string> seen;
  for (const auto& t : a.terms) {
    if (btf.count(t.stem) == 0 || !seen.insert(t.stem).second) continue;
    shared.emplace_back(-w.idf(t.stem), t.surface);
  }
  std::sort(shared.begin(), shared.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < shared.size() && i < 8; ++i) out.push_back(shared[i].second);
  return out;
}

std::u32string folded_words(const Document& doc, Span s) {
  // Folded text with whitespace runs collapsed, for "same text" tests.
  std::u32string out;
  bool space = false;
  for (uint32_t i = s.start; i < s.end && i < doc.text.size(); ++i) {
    const char32_t c = text::fold_char(doc.text[i]);
    if (text::is_whitespace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(U' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string kind_of(const Document& a, const UnitTerms& ua, const Document& b,
                    const std::vector<const UnitTerms*>& group, double score) {
  if (group.size() == 1) {
    const auto fa = folded_words(a, ua.unit.body);
    const auto fb = folded_words(b, group.front()->unit.body);
    if (fa == fb) return ua.unit.number == group.front()->unit.number ? "same" : "renumbered";
    if (!fa.empty() && fb.size() >= 40 && fa.find(fb) != std::u32string::npos) return "quote";
    if (score >= 0.9 && ua.unit.number != group.front()->unit.number && !ua.unit.number.empty())
      return "renumbered";
  }
  return score >= 0.3 ? "paraphrase" : "related";
}

// Article numbers a text refers to: "Article 5", "Art. 5", "Article V",
// "Article 42(7)" (gives "42.7" and "42"). Numbers are normalized as in
// Clause::number (Roman to Arabic). `direct` are references that speak about
// the article; `analogy` those that only name it as a model for something
// else ("guarantees modeled on Article 5").
struct References {
  std::set<std::string> direct;
  std::set<std::string> analogy;
};

References article_references(const Document& doc, Span span) {
  References out;
  const std::u32string t =
      text::fold(std::u32string_view(doc.text).substr(span.start, span.size()));
  for (const std::u32string_view key :
       {std::u32string_view(U"article "), std::u32string_view(U"art. ")}) {
    for (std::size_t at = t.find(key); at != std::u32string::npos; at = t.find(key, at + 1)) {
      std::size_t k = at + key.size();
      std::string num;
      while (k < t.size() && t[k] >= U'0' && t[k] <= U'9') num.push_back(static_cast<char>(t[k++]));
      if (num.empty()) {
        // Roman numeral (folded to lower case).
        int value = 0, prev = 0;
        std::size_t r = k;
        auto val = [](char32_t c) {
          switch (c) {
            case U'i':
              return 1;
            case U'v':
              return 5;
            case U'x':
              return 10;
            case U'l':
              return 50;
            case U'c':
              return 100;
            default:
              return 0;
          }
        };
        for (; r < t.size() && val(t[r]) > 0; ++r) {
          const int v = val(t[r]);
          value += v > prev && prev > 0 ? v - 2 * prev : v;
          prev = v;
        }
        const bool word_end = r == t.size() || !text::is_letter_or_digit(t[r]);
        if (value > 0 && word_end) num = std::to_string(value);
        k = r;
      }
      if (num.empty()) continue;
      // "modeled on Article 5", "replicate Article 5": the text compares
      // something else with the article; it does not speak about it.
      const std::u32string_view before =
          std::u32string_view(t).substr(at >= 24 ? at - 24 : 0, at >= 24 ? 24 : at);
      bool analogy = false;
      for (const std::u32string_view cue :
           {std::u32string_view(U"modeled on "), std::u32string_view(U"modelled on "),
            std::u32string_view(U"replicate "), std::u32string_view(U"comparable to "),
            std::u32string_view(U"similar to "), std::u32string_view(U"based on ")}) {
        if (before.find(cue) != std::u32string_view::npos) analogy = true;
      }
      auto& into = analogy ? out.analogy : out.direct;
      into.insert(num);
      if (k + 2 < t.size() && t[k] == U'(' && t[k + 1] >= U'0' && t[k + 1] <= U'9') {
        std::string sub;
        for (std::size_t q = k + 1; q < t.size() && t[q] >= U'0' && t[q] <= U'9'; ++q)
          sub.push_back(static_cast<char>(t[q]));
        into.insert(num + "." + sub);
      }
    }
  }
  return out;
}

// Cue categories of each unit as a bit set (one bit per category, `words`
// 64-bit words per unit, all units in one array), so that the scoring loop,
// which runs for every candidate pair, intersects two sets with an AND and a
// popcount instead of looking strings up in maps.
struct CueSets {
  std::size_t words = 1;
  std::vector<uint64_t> bits;  // units x words
  std::vector<int> count;      // categories per unit

  const uint64_t* of(std::size_t unit) const { return bits.data() + unit * words; }
  int shared(const CueSets& other, std::size_t mine, std::size_t theirs) const {
    int n = 0;
    for (std::size_t w = 0; w < words; ++w) n += std::popcount(of(mine)[w] & other.of(theirs)[w]);
    return n;
  }
};

std::map<std::string, std::size_t> category_ids(
    const std::map<std::string, std::set<std::string>>& a,
    const std::map<std::string, std::set<std::string>>& b) {
  std::map<std::string, std::size_t> ids;
  for (const auto* side : {&a, &b}) {
    for (const auto& [unit, cats] : *side) {
      for (const auto& c : cats) ids.emplace(c, ids.size());
    }
  }
  return ids;
}

CueSets cue_sets(const std::vector<UnitTerms>& units,
                 const std::map<std::string, std::set<std::string>>& cues,
                 const std::map<std::string, std::size_t>& ids) {
  CueSets out;
  out.words = std::max<std::size_t>(1, (ids.size() + 63) / 64);
  out.bits.assign(units.size() * out.words, 0);
  out.count.assign(units.size(), 0);
  for (std::size_t i = 0; i < units.size(); ++i) {
    auto it = cues.find(units[i].unit.id);
    if (it == cues.end()) continue;
    for (const auto& c : it->second) {
      const std::size_t id = ids.at(c);
      out.bits[i * out.words + id / 64] |= uint64_t{1} << (id % 64);
    }
    out.count[i] = static_cast<int>(it->second.size());
  }
  return out;
}

bool is_question(const Document& doc, Span span) {
  uint32_t e = span.end;
  while (e > span.start && text::is_whitespace(doc.text[e - 1])) --e;
  return e > span.start && doc.text[e - 1] == U'?';
}

}  // namespace

double similarity(std::u32string_view a, std::u32string_view b) {
  std::map<std::string, int> ta, tb;
  for (const auto& t : terms_of(a)) ++ta[t.stem];
  for (const auto& t : terms_of(b)) ++tb[t.stem];
  // Without a corpus, weight terms equally (cosine of term frequencies).
  Vector va, vb;
  for (const auto& [t, f] : ta) va[t] = f;
  for (const auto& [t, f] : tb) vb[t] = f;
  return cosine(va, vb);
}

Alignment align(const Document& a, const Document& b, const Options& options) {
  std::vector<UnitTerms> ua, ub;
  // The terms of B are found while those of A are (tokenizing and stemming
  // is most of the work on large inputs; terms_of keeps its stemmer per
  // thread).
  auto b_terms = std::async(std::launch::async, [&b] {
    std::vector<UnitTerms> out;
    for (const auto& u : units_of(b)) out.push_back(make_unit(b, u));
    return out;
  });
  for (const auto& u : units_of(a)) ua.push_back(make_unit(a, u));
  ub = b_terms.get();

  Weighting w;
  double total = 0;
  for (const auto* side : {&ua, &ub}) {
    for (const auto& u : *side) {
      ++w.n;
      total += u.length;
      for (const auto& [t, f] : u.tf) ++w.df[t];
    }
  }
  w.avg_len = w.n > 0 && total > 0 ? total / w.n : 1.0;

  std::vector<Vector> va, vb;
  {
    // B's vectors while A's are built (the weighting is only read).
    auto b_vectors = std::async(std::launch::async, [&] {
      for (const auto& u : ub) vb.push_back(vector_of(u.tf, u.length, w));
    });
    for (const auto& u : ua) va.push_back(vector_of(u.tf, u.length, w));
    b_vectors.get();
  }

  auto wanted = [&](const std::string& id) {
    return options.a_units.empty() ||
           std::find(options.a_units.begin(), options.a_units.end(), id) != options.a_units.end();
  };

  // Best A unit for each B unit (over all of A, so that a sentence about
  // Article 6 is not claimed for Article 5 just because only 5 was asked for).
  // Dot products are accumulated through an inverted index of A's terms, so
  // the cost follows the shared terms, not |A| x |B| (5,000 x 5,000 units in
  // well under a second; bench/align).
  std::unordered_map<std::string, std::vector<std::pair<uint32_t, double>>> postings;
  std::vector<double> norm_a(ua.size(), 0.0);
  for (std::size_t i = 0; i < va.size(); ++i) {
    for (const auto& [t, v] : va[i]) {
      postings[t].emplace_back(static_cast<uint32_t>(i), v);
      norm_a[i] += v * v;
    }
    norm_a[i] = std::sqrt(norm_a[i]);
  }
  // The work bound (align.h): drop the costliest terms from the search for
  // candidates until the visits fit. They still count in the norms below,
  // and in the exact scores of the candidates.
  Alignment out;
  std::set<std::string> skipped;
  {
    std::unordered_map<std::string, uint64_t> in_b;
    for (const auto& v : vb) {
      for (const auto& [t, x] : v) {
        (void)x;
        ++in_b[t];
      }
    }
    uint64_t visits = 0;
    std::vector<std::pair<uint64_t, std::string>> cost;
    for (const auto& [t, n] : in_b) {
      auto it = postings.find(t);
      if (it == postings.end()) continue;
      const uint64_t c = n * it->second.size();
      visits += c;
      cost.emplace_back(c, t);
    }
    if (visits > options.max_posting_visits) {
      // Candidates come from rare terms only (in at most 1/20 of A's units,
      // where an inverted index is selective) and from word pairs (below),
      // then are scored exactly on all terms. If the rare terms alone still
      // pass the bound, the costliest of them go too.
      const std::size_t rare = std::max(kMaxApproxCandidates, ua.size() / 20);
      std::sort(cost.begin(), cost.end(), std::greater<>());
      for (const auto& [c, t] : cost) {
        if (visits <= options.max_posting_visits && postings.at(t).size() <= rare) continue;
        visits -= c;
        skipped.insert(t);
      }
      out.approximate = true;
      Diagnostic d;
      d.severity = Severity::note;
      d.message = "alignment is approximate: the " + std::to_string(skipped.size()) +
                  " most common terms of " + std::to_string(ua.size()) + " x " +
                  std::to_string(ub.size()) +
                  " units were not used to find candidate pairs (work bound of " +
                  std::to_string(options.max_posting_visits) +
                  " comparisons, docs/LIMITS.md); candidates were scored on all terms";
      out.notes.push_back(std::move(d));
    }
  }
  std::vector<int> best_a(ub.size(), -1);
  std::vector<double> best_score(ub.size(), 0.0);
  // Every A unit a B unit scores against above the threshold; a B unit pairs
  // with its best A unit and with any other within kMargin of the best (the
  // second paragraph of NAT Art. 5 and NAT Art. 7 both speak of what MBT
  // Art. VI says).
  constexpr double kMargin = 0.85;
  constexpr double kStrongExtra = 0.3;
  constexpr int kMaxExtraPairs = 2;
  // A candidate A unit of a B unit: `score` decides whether they pair,
  // `kind_score` whether the pair is a paraphrase or only related (kind_of).
  struct Candidate {
    int a;
    double score;
    double kind_score;
  };
  std::vector<std::vector<Candidate>> candidates(ub.size());
  const std::vector<References> b_refs = [&] {
    std::vector<References> refs;
    for (const auto& u : ub)
      refs.push_back(b.is_report() ? article_references(b, u.unit.body) : References{});
    return refs;
  }();
  const auto categories = category_ids(options.a_cues, options.b_cues);
  const CueSets a_cue = cue_sets(ua, options.a_cues, categories);
  const CueSets b_cue = cue_sets(ub, options.b_cues, categories);
  // Recitals pair with recitals: between two legal texts a preamble states
  // purposes, an article operative terms, and their shared vocabulary ("peace",
  // "Charter", "armed attack") says nothing about correspondence.
  const bool both_legal = !a.is_report() && !b.is_report();
  const bool have_cues = !options.a_cues.empty() || !options.b_cues.empty();
  std::vector<bool> a_preamble(ua.size());
  for (std::size_t i = 0; i < ua.size(); ++i) a_preamble[i] = ua[i].unit.kind == "preamble";
  // Sparse term vectors, for the exact scores of a bounded run.
  TermIds ids;
  std::vector<SparseVector> sparse_a, sparse_b;
  std::unordered_map<std::string, std::vector<uint32_t>> bigram_postings;
  if (out.approximate) {
    for (const auto& v : va) sparse_a.push_back(ids.sparse(v, w));
    for (const auto& v : vb) sparse_b.push_back(ids.sparse(v, w));
    auto b_bigrams = std::async(std::launch::async, [&] {
      for (auto& u : ub) u.bigrams = bigrams_of(u.terms);
    });
    for (auto& u : ua) u.bigrams = bigrams_of(u.terms);
    b_bigrams.get();
    for (std::size_t i = 0; i < ua.size(); ++i) {
      for (const auto& bg : ua[i].bigrams) bigram_postings[bg].push_back(static_cast<uint32_t>(i));
    }
  }
  // Scores of one B unit against A. Each B unit writes only its own
  // candidates, best_a and best_score entries; the accumulators are per
  // thread (Scratch).
  auto score_b = [&](std::size_t j, Scratch& sc) {
    auto& dot = sc.dot;
    auto& cover = sc.cover;
    auto& touched = sc.touched;
    auto& mark = sc.mark;
    auto& ranked = sc.ranked;
    auto& shared_bigrams = sc.shared_bigrams;
    auto& bigram_touched = sc.bigram_touched;
    if (b.is_report() && is_question(b, ub[j].unit.body)) return;  // a question claims nothing
    double norm_b = 0;
    double idf_b = 0;
    for (const auto& [t, v] : vb[j]) {
      norm_b += v * v;
      const double idf = w.idf(t);
      idf_b += idf;
      auto it = postings.find(t);
      if (it == postings.end() || (!skipped.empty() && skipped.count(t) != 0)) continue;
      for (const auto& [i, wa] : it->second) {
        if (mark[i] == 0) {
          mark[i] = 1;
          touched.push_back(i);
        }
        dot[i] += wa * v;
        cover[i] += idf;
      }
    }
    norm_b = std::sqrt(norm_b);
    // Ties go to the earlier A unit, so the touched units are visited in
    // order: sorted when few, read off the marks when many (a sort of
    // thousands of indexes per B unit cost more than the scoring).
    if (touched.size() * 16 < ua.size()) {
      std::sort(touched.begin(), touched.end());
    } else {
      touched.clear();
      for (uint32_t i = 0; i < ua.size(); ++i) {
        if (mark[i] != 0) touched.push_back(i);
      }
    }
    for (uint32_t i : touched) mark[i] = 0;
    const int b_cue_count = b_cue.count[j];
    const bool b_preamble = ub[j].unit.kind == "preamble";
    auto consider = [&](uint32_t i, double cos, double cov) {
      if (both_legal && a_preamble[i] != b_preamble) return;
      // "modeled on Article 5": the sentence names the article as a model for
      // something else; it says nothing about what the article provides
      // (ALIGNMENT_GUIDELINES.md, "Not a pair").
      if (!ua[i].unit.number.empty() && b_refs[j].analogy.count(ua[i].unit.number) != 0 &&
          b_refs[j].direct.count(ua[i].unit.number) == 0)
        return;
      // Cue overlap: the share of B's cue categories that A has, with add-one
      // (Laplace) smoothing in the denominator: one shared category out of one
      // is weak evidence ("obligor" in a news sentence and in a clause on
      // denunciation), three out of three is strong. A report sentence
      // without any cue gives no evidence either way (reports describe
      // commitments, and src/annotate reads their modals as predictions:
      // "would be obliged to provide assistance"), so its score is lexical
      // only, as for callers without cue information. A legal clause without
      // any cue is not operative, and keeps a cue score of 0.
      double s = 0.5 * cos + 0.5 * cov;
      // How much of B restates A, for the kind of the pair: the plain share
      // of B's cue categories that A has (B restates A's trigger, frame or
      // means when it has no category A lacks), without the smoothing,
      // which weighs evidence for pairing, not how close a paraphrase is.
      double kind_s = s;
      if (have_cues && (b_cue_count > 0 || !b.is_report())) {
        const int shared = a_cue.shared(b_cue, i, j);
        s = 0.4 * cos + 0.4 * cov + 0.2 * double(shared) / double(b_cue_count + 1);
        kind_s = 0.4 * cos + 0.4 * cov +
                 (b_cue_count > 0 ? 0.2 * double(shared) / double(b_cue_count) : 0.0);
      }
      // A report sentence that names the article ("Article 5 does not
      // require ...") speaks about it: it pairs, as related, not as a
      // paraphrase (ALIGNMENT_GUIDELINES.md).
      if (!ua[i].unit.number.empty() && b_refs[j].direct.count(ua[i].unit.number) != 0) {
        s += 0.25;
        kind_s = 0.0;
      }
      s = std::min(s, 1.0);
      if (s >= options.threshold) candidates[j].push_back({static_cast<int>(i), s, kind_s});
      if (s > best_score[j] + 1e-9) {
        best_score[j] = s;
        best_a[j] = static_cast<int>(i);
      }
    };
    if (!out.approximate) {
      // Every term took part: the accumulated sums are exact.
      for (uint32_t i : touched) {
        const double cos = norm_a[i] > 0 && norm_b > 0 ? dot[i] / (norm_a[i] * norm_b) : 0.0;
        const double cov = idf_b > 0 ? cover[i] / idf_b : 0.0;
        cover[i] = 0.0;
        dot[i] = 0.0;
        consider(i, cos, cov);
      }
    } else {
      // Over the bound the sums above leave out the most common terms. They
      // only pick candidates: the kMaxApproxCandidates A units with the
      // largest partial cosine, which are then scored exactly, on all terms,
      // by merging the two sorted term vectors (top-k retrieval, then
      // re-ranking).
      ranked.clear();
      for (uint32_t i : touched) {
        ranked.emplace_back(norm_a[i] > 0 ? dot[i] / norm_a[i] : 0.0, i);
        cover[i] = 0.0;
        dot[i] = 0.0;
      }
      auto better = [](const std::pair<double, uint32_t>& x, const std::pair<double, uint32_t>& y) {
        return x.first != y.first ? x.first > y.first : x.second < y.second;
      };
      if (ranked.size() > kMaxApproxCandidates) {
        std::nth_element(ranked.begin(), ranked.begin() + kMaxApproxCandidates, ranked.end(),
                         better);
        ranked.resize(kMaxApproxCandidates);
      }
      // Near-copies are found by shared word pairs as well: the terms left
      // out are the common ones, and a text of common words is told apart
      // by their order ("armed attack" vs "attack ... armed"). Pairs of
      // stems are rare even when the stems are not.
      for (const auto& bg : ub[j].bigrams) {
        auto it = bigram_postings.find(bg);
        if (it == bigram_postings.end()) continue;
        for (uint32_t i : it->second) {
          if (shared_bigrams[i]++ == 0) bigram_touched.push_back(i);
        }
      }
      std::vector<std::pair<double, uint32_t>> by_bigrams;
      for (uint32_t i : bigram_touched) {
        if (shared_bigrams[i] >= 2) by_bigrams.emplace_back(shared_bigrams[i], i);
        shared_bigrams[i] = 0;
      }
      bigram_touched.clear();
      if (by_bigrams.size() > kMaxApproxCandidates / 4) {
        std::nth_element(by_bigrams.begin(), by_bigrams.begin() + kMaxApproxCandidates / 4,
                         by_bigrams.end(), better);
        by_bigrams.resize(kMaxApproxCandidates / 4);
      }
      ranked.insert(ranked.end(), by_bigrams.begin(), by_bigrams.end());
      std::sort(ranked.begin(), ranked.end(),
                [](const auto& x, const auto& y) { return x.second < y.second; });
      ranked.erase(std::unique(ranked.begin(), ranked.end(),
                               [](const auto& x, const auto& y) { return x.second == y.second; }),
                   ranked.end());
      for (const auto& [partial, i] : ranked) {
        (void)partial;
        const auto [d, c] = sparse_a[i].dot_and_cover(sparse_b[j], ids.idf);
        const double cos = norm_a[i] > 0 && norm_b > 0 ? d / (norm_a[i] * norm_b) : 0.0;
        consider(i, cos, idf_b > 0 ? c / idf_b : 0.0);
      }
    }
    touched.clear();
    // Only the best candidate and those that can become extra pairs below
    // are kept (same test as there), so that sorting them stays cheap.
    auto& cands = candidates[j];
    cands.erase(std::remove_if(cands.begin(), cands.end(),
                               [&](const Candidate& c) {
                                 return c.a != best_a[j] && (c.score < kMargin * best_score[j] ||
                                                             c.score < kStrongExtra);
                               }),
                cands.end());
  };
  // Two halves of B at the same time when B is large: the result does not
  // depend on the split.
  auto score_range = [&](std::size_t from, std::size_t to) {
    Scratch sc(ua.size());
    for (std::size_t j = from; j < to; ++j) score_b(j, sc);
  };
  if (ub.size() >= kParallelUnits) {
    auto first_half = std::async(std::launch::async, score_range, 0, ub.size() / 2);
    score_range(ub.size() / 2, ub.size());
    first_half.get();
  } else {
    score_range(0, ub.size());
  }

  // A B-unit whose parent is also a candidate for the same A unit: keep the
  // better of the two.
  std::map<int, std::vector<int>> by_a;  // A index -> B indexes, in B order
  std::map<std::pair<int, int>, double> pair_score, pair_kind_score;
  for (std::size_t j = 0; j < ub.size(); ++j) {
    if (best_a[j] < 0 || best_score[j] < options.threshold) continue;
    // Best first; at most kMaxExtraPairs more. Text with a small vocabulary
    // scores every pair alike, and without a cap one unit paired with dozens
    // (38,000 pairs for 2,000 x 2,000 generated articles).
    auto& cands = candidates[j];
    std::stable_sort(cands.begin(), cands.end(),
                     [](const auto& x, const auto& y) { return x.score > y.score; });
    int extras = 0;
    for (const auto& [i, sc, ks] : cands) {
      // Extra pairs only among strong candidates: a weak second match is noise.
      if (i != best_a[j] && (sc < kMargin * best_score[j] || sc < kStrongExtra)) continue;
      if (i != best_a[j] && ++extras > kMaxExtraPairs) break;
      if (!wanted(ua[static_cast<std::size_t>(i)].unit.id)) continue;
      by_a[i].push_back(static_cast<int>(j));
      pair_score[{i, static_cast<int>(j)}] = sc;
      pair_kind_score[{i, static_cast<int>(j)}] = ks;
    }
  }
  auto score_of = [&](int i, int j) { return pair_score.at({i, j}); };
  auto kind_score_of = [&](int i, int j) { return pair_kind_score.at({i, j}); };
  for (auto& [i, js] : by_a) {
    // Parents and children among the candidates through an index, not all
    // pairs of candidates: an A unit may have thousands of them.
    std::unordered_map<std::string, int> index;
    for (int j : js) index.emplace(ub[static_cast<std::size_t>(j)].unit.id, j);
    std::unordered_map<std::string, std::vector<int>> children;
    for (int j : js) {
      const auto& parent = ub[static_cast<std::size_t>(j)].unit.parent;
      if (!parent.empty() && index.count(parent) != 0) children[parent].push_back(j);
    }
    std::vector<int> keep;
    for (int j : js) {
      const auto& u = ub[static_cast<std::size_t>(j)].unit;
      bool dominated = false;
      // Parent vs child: drop the parent unless it scores clearly better.
      if (auto c = children.find(u.id); c != children.end()) {
        for (int k : c->second) {
          if (k != j && score_of(i, k) >= score_of(i, j) - 0.05) dominated = true;
        }
      }
      if (auto p = index.find(u.parent); !u.parent.empty() && p != index.end()) {
        if (p->second != j && score_of(i, p->second) > score_of(i, j) + 0.05) dominated = true;
      }
      if (!dominated) keep.push_back(j);
    }
    js = keep;
  }

  // Pairs of each A unit, in A order. Each call appends to its own
  // `pairs` and `used` (B indexes that took part), so the A units can be
  // split in two halves done at the same time and joined in order.
  auto single = [&](std::size_t i, int j, std::vector<AlignedPair>& pairs, std::vector<int>& used) {
    const auto& u = ub[static_cast<std::size_t>(j)];
    AlignedPair p;
    p.a = {ua[i].unit.id};
    p.b = {u.unit.id};
    p.score = score_of(static_cast<int>(i), j);
    p.kind = kind_of(a, ua[i], b, {&u}, kind_score_of(static_cast<int>(i), j));
    p.evidence = shared_terms(ua[i], u.tf, w);
    used.push_back(j);
    pairs.push_back(std::move(p));
  };
  auto pairs_of = [&](std::size_t i, std::vector<AlignedPair>& pairs, std::vector<int>& used) {
    auto it = by_a.find(static_cast<int>(i));
    if (it == by_a.end() || it->second.empty()) return;
    const auto& js = it->second;
    if (!options.group_b || b.is_report() || js.size() < 2) {
      for (int j : js) single(i, j, pairs, used);
      return;
    }
    // Greedy grouping: start from the best member, add others (in score
    // order) while the group restates more of A: the group score is half
    // cosine, half the idf-weighted share of A's terms the group contains.
    auto group_score = [&](const std::vector<const UnitTerms*>& g) {
      double glen = 0;
      const auto tf = merge_tf(g, glen);
      double have = 0, all = 0;
      for (const auto& [t, f] : ua[i].tf) {
        const double idf = w.idf(t);
        all += idf;
        if (tf.count(t) != 0) have += idf;
      }
      return 0.5 * cosine(va[i], vector_of(tf, glen, w)) + 0.5 * (all > 0 ? have / all : 0.0);
    };
    std::vector<int> order = js;
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
      return score_of(static_cast<int>(i), x) > score_of(static_cast<int>(i), y);
    });
    if (order.size() > kMaxGroupCandidates) order.resize(kMaxGroupCandidates);  // align.h
    std::vector<int> members = {order[0]};
    std::vector<const UnitTerms*> group = {&ub[static_cast<std::size_t>(order[0])]};
    double score = group_score(group);
    for (std::size_t k = 1; k < order.size(); ++k) {
      auto trial = group;
      trial.push_back(&ub[static_cast<std::size_t>(order[k])]);
      const double s = group_score(trial);
      if (s > score + 0.01) {
        group = trial;
        members.push_back(order[k]);
        score = s;
      }
    }
    if (group.size() == 1) {
      for (int j : js) single(i, j, pairs, used);
      return;
    }
    std::sort(group.begin(), group.end(),
              [](const UnitTerms* x, const UnitTerms* y) { return x->unit.span < y->unit.span; });
    AlignedPair p;
    p.a = {ua[i].unit.id};
    double best_member = 0, best_kind = 0;
    for (const auto* g : group) {
      p.b.push_back(g->unit.id);
      const int j = static_cast<int>(g - ub.data());
      used.push_back(j);
      best_member = std::max(best_member, score_of(static_cast<int>(i), j));
      best_kind = std::max(best_kind, kind_score_of(static_cast<int>(i), j));
    }
    // The group's score is its best member's pair score, on the same scale
    // as single pairs.
    p.score = best_member;
    p.kind = kind_of(a, ua[i], b, group, best_kind);
    double len = 0;
    p.evidence = shared_terms(ua[i], merge_tf(group, len), w);
    pairs.push_back(std::move(p));
    // Members left out of the group still pair on their own.
    for (int j : js) {
      if (std::find(members.begin(), members.end(), j) == members.end()) single(i, j, pairs, used);
    }
  };
  auto pairs_range = [&](std::size_t from, std::size_t to, std::vector<AlignedPair>& pairs,
                         std::vector<int>& used) {
    for (std::size_t i = from; i < to; ++i) pairs_of(i, pairs, used);
  };
  std::vector<AlignedPair> later_pairs;
  std::vector<int> used_first, used_later;
  if (ua.size() >= kParallelUnits) {
    auto first_half = std::async(std::launch::async,
                                 [&] { pairs_range(0, ua.size() / 2, out.pairs, used_first); });
    pairs_range(ua.size() / 2, ua.size(), later_pairs, used_later);
    first_half.get();
  } else {
    pairs_range(0, ua.size(), out.pairs, used_first);
  }
  for (auto& p : later_pairs) out.pairs.push_back(std::move(p));
  std::vector<bool> used_b(ub.size(), false);
  for (const auto* used : {&used_first, &used_later}) {
    for (int j : *used) used_b[static_cast<std::size_t>(j)] = true;
  }

  std::set<std::string> paired_a;
  for (const auto& p : out.pairs) paired_a.insert(p.a.begin(), p.a.end());
  for (const auto& u : ua) {
    if (wanted(u.unit.id) && paired_a.count(u.unit.id) == 0) out.unaligned_a.push_back(u.unit.id);
  }
  for (std::size_t j = 0; j < ub.size(); ++j) {
    if (!used_b[j]) out.unaligned_b.push_back(ub[j].unit.id);
  }
  return out;
}

}  // namespace cd::align
