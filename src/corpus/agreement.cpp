#include "corpus/agreement.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

namespace cd::corpus {

namespace {

bool word_char(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c <= 0xBF) return false;                   // Latin-1 punctuation, NBSP, section sign
  if (c == 0xD7 || c == 0xF7) return false;      // multiplication and division signs
  if (c >= 0x2000 && c <= 0x206F) return false;  // general punctuation, spaces, quotes, dashes
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c == 0xFEFF || c == 0xFFFD) return false;
  return true;
}

}  // namespace

std::vector<Span> word_tokens(std::u32string_view text) {
  std::vector<Span> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!word_char(text[i])) {
      ++i;
      continue;
    }
    const std::size_t s = i;
    while (i < text.size() && word_char(text[i])) ++i;
    out.push_back(Span{static_cast<uint32_t>(s), static_cast<uint32_t>(i)});
  }
  return out;
}

std::vector<std::string> token_labels(const std::vector<Span>& tokens,
                                      const std::vector<StoredAnnotation>& annotations) {
  std::vector<std::string> labels(tokens.size());
  for (const auto& a : annotations) {
    const Span sp = a.span();
    if (sp.empty()) continue;
    // First token that ends after the span starts.
    auto it = std::lower_bound(tokens.begin(), tokens.end(), sp.start,
                               [](const Span& t, uint32_t v) { return t.end <= v; });
    for (; it != tokens.end() && it->start < sp.end; ++it) {
      auto& l = labels[static_cast<std::size_t>(it - tokens.begin())];
      if (l.empty() || category_rank(a.category) < category_rank(l) ||
          (category_rank(a.category) == category_rank(l) && a.category < l)) {
        l = a.category;
      }
    }
  }
  return labels;
}

Kappa cohen_kappa(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  Kappa k;
  const std::size_t n = std::min(a.size(), b.size());
  k.items = n;
  if (n == 0) return k;
  std::map<std::string, double> pa, pb;
  std::size_t agree = 0;
  for (std::size_t i = 0; i < n; ++i) {
    agree += a[i] == b[i] ? 1 : 0;
    pa[a[i]] += 1.0;
    pb[b[i]] += 1.0;
  }
  const auto dn = static_cast<double>(n);
  k.observed = static_cast<double>(agree) / dn;
  for (const auto& [label, count] : pa) {
    auto it = pb.find(label);
    if (it != pb.end()) k.expected += (count / dn) * (it->second / dn);
  }
  if (k.expected < 1.0 - 1e-12) k.kappa = (k.observed - k.expected) / (1.0 - k.expected);
  return k;
}

SpanAgreement span_f1(const std::vector<StoredAnnotation>& a,
                      const std::vector<StoredAnnotation>& b, bool overlap) {
  SpanAgreement r;
  r.a = a.size();
  r.b = b.size();
  // Candidate pairs, best first (largest shared length, then document order),
  // matched one to one so that one long span cannot count twice.
  std::vector<std::tuple<uint32_t, std::size_t, std::size_t>> pairs;
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t j = 0; j < b.size(); ++j) {
      if (a[i].category != b[j].category) continue;
      const Span x = a[i].span(), y = b[j].span();
      if (overlap ? x.overlaps(y) : x == y) {
        const uint32_t shared = std::min(x.end, y.end) - std::max(x.start, y.start);
        pairs.emplace_back(shared, i, j);
      }
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const auto& p, const auto& q) {
    return std::get<0>(p) != std::get<0>(q) ? std::get<0>(p) > std::get<0>(q)
                                            : std::tie(std::get<1>(p), std::get<2>(p)) <
                                                  std::tie(std::get<1>(q), std::get<2>(q));
  });
  std::vector<bool> used_a(a.size()), used_b(b.size());
  for (const auto& [shared, i, j] : pairs) {
    if (used_a[i] || used_b[j]) continue;
    used_a[i] = used_b[j] = true;
    ++r.matched;
  }
  if (r.a + r.b == 0) return r;
  const auto m = static_cast<double>(r.matched);
  r.precision = r.b ? m / static_cast<double>(r.b) : 0.0;
  r.recall = r.a ? m / static_cast<double>(r.a) : 0.0;
  r.f1 = 2.0 * m / static_cast<double>(r.a + r.b);
  return r;
}

std::optional<double> krippendorff_alpha_nominal(
    const std::vector<std::vector<std::string>>& units) {
  // Coincidence matrix o_ck: each ordered pair of values from different coders
  // within a unit adds 1 / (m_u - 1); units with fewer than two values are
  // not pairable and drop out.
  std::map<std::pair<std::string, std::string>, double> o;
  std::map<std::string, double> nc;
  double n = 0.0;
  for (const auto& u : units) {
    const std::size_t m = u.size();
    if (m < 2) continue;
    const double w = 1.0 / static_cast<double>(m - 1);
    for (std::size_t i = 0; i < m; ++i) {
      for (std::size_t j = 0; j < m; ++j) {
        if (i == j) continue;
        o[{u[i], u[j]}] += w;
        nc[u[i]] += w;
        n += w;
      }
    }
  }
  if (n <= 1.0) return std::nullopt;
  double disagree_observed = 0.0;
  for (const auto& [ck, v] : o) {
    if (ck.first != ck.second) disagree_observed += v;
  }
  double disagree_expected = 0.0;
  for (const auto& [c, x] : nc) {
    for (const auto& [k, y] : nc) {
      if (c != k) disagree_expected += x * y;
    }
  }
  if (disagree_expected <= 0.0) return std::nullopt;  // one value everywhere
  return 1.0 - (n - 1.0) * disagree_observed / disagree_expected;
}

AgreementReport agreement(const AnnotationStore& store, const std::vector<std::string>& annotators,
                          const std::map<std::string, std::u32string>& texts) {
  AgreementReport r;
  r.annotators = annotators;
  // Usable annotations of one file: anchored on the current text.
  auto usable = [&](const AnnotationFile* f, const std::string& sha) {
    std::vector<StoredAnnotation> out;
    if (!f) return out;
    for (const auto& a : f->annotations) {
      if (a.status == AnchorStatus::orphaned || a.doc_sha256 != sha) {
        ++r.skipped;
        continue;
      }
      out.push_back(a);
    }
    return out;
  };
  std::vector<std::vector<std::string>> units;  // for alpha
  std::map<std::pair<std::size_t, std::size_t>,
           std::pair<std::vector<std::string>, std::vector<std::string>>>
      labels;
  std::map<std::pair<std::size_t, std::size_t>,
           std::pair<std::vector<StoredAnnotation>, std::vector<StoredAnnotation>>>
      spans;
  std::map<std::pair<std::size_t, std::size_t>, std::vector<std::string>> docs_of_pair;
  for (const auto& [doc, text] : texts) {
    std::vector<const AnnotationFile*> files;
    std::size_t present = 0;
    for (const auto& name : annotators) {
      files.push_back(store.find(doc, name));
      present += files.back() ? 1 : 0;
    }
    if (present < 2) continue;
    const std::string sha = text_sha256(text);
    const std::vector<Span> tokens = word_tokens(text);
    r.tokens += tokens.size();
    std::vector<std::vector<StoredAnnotation>> anns;
    std::vector<std::vector<std::string>> lab;
    for (const auto* f : files) {
      anns.push_back(usable(f, sha));
      lab.push_back(f ? token_labels(tokens, anns.back()) : std::vector<std::string>());
    }
    for (std::size_t t = 0; t < tokens.size(); ++t) {
      std::vector<std::string> u;
      for (std::size_t c = 0; c < files.size(); ++c) {
        if (files[c]) u.push_back(lab[c][t]);
      }
      units.push_back(std::move(u));
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
      for (std::size_t j = i + 1; j < files.size(); ++j) {
        if (!files[i] || !files[j]) continue;
        auto& l = labels[{i, j}];
        l.first.insert(l.first.end(), lab[i].begin(), lab[i].end());
        l.second.insert(l.second.end(), lab[j].begin(), lab[j].end());
        auto& s = spans[{i, j}];
        s.first.insert(s.first.end(), anns[i].begin(), anns[i].end());
        s.second.insert(s.second.end(), anns[j].begin(), anns[j].end());
        docs_of_pair[{i, j}].push_back(doc);
      }
    }
  }
  for (std::size_t i = 0; i < annotators.size(); ++i) {
    for (std::size_t j = i + 1; j < annotators.size(); ++j) {
      PairAgreement p;
      p.a = annotators[i];
      p.b = annotators[j];
      p.documents = docs_of_pair[{i, j}];
      const auto& l = labels[{i, j}];
      p.kappa = cohen_kappa(l.first, l.second);
      // Span matching is per document: offsets of different documents never match.
      const auto& s = spans[{i, j}];
      SpanAgreement ex, ov;
      for (const auto& d : p.documents) {
        std::vector<StoredAnnotation> x, y;
        for (const auto& a : s.first)
          if (a.doc == d) x.push_back(a);
        for (const auto& b : s.second)
          if (b.doc == d) y.push_back(b);
        const auto e1 = span_f1(x, y, false), o1 = span_f1(x, y, true);
        ex.a += e1.a;
        ex.b += e1.b;
        ex.matched += e1.matched;
        ov.a += o1.a;
        ov.b += o1.b;
        ov.matched += o1.matched;
      }
      for (auto* g : {&ex, &ov}) {
        if (g->a + g->b == 0) continue;
        const auto m = static_cast<double>(g->matched);
        g->precision = g->b ? m / static_cast<double>(g->b) : 0.0;
        g->recall = g->a ? m / static_cast<double>(g->a) : 0.0;
        g->f1 = 2.0 * m / static_cast<double>(g->a + g->b);
      }
      p.exact = ex;
      p.overlap = ov;
      r.pairs.push_back(std::move(p));
    }
  }
  r.alpha = krippendorff_alpha_nominal(units);
  return r;
}

std::string to_json(const AgreementReport& r) {
  using OJson = nlohmann::ordered_json;
  auto round = [](double x) { return std::round(x * 10000.0) / 10000.0; };
  auto opt = [&](const std::optional<double>& x) { return x ? OJson(round(*x)) : OJson(nullptr); };
  auto spans = [&](const SpanAgreement& s) {
    OJson j;
    j["a"] = s.a;
    j["b"] = s.b;
    j["matched"] = s.matched;
    j["precision"] = round(s.precision);
    j["recall"] = round(s.recall);
    j["f1"] = round(s.f1);
    return j;
  };
  OJson j;
  j["annotators"] = r.annotators;
  j["tokens"] = r.tokens;
  j["skipped"] = r.skipped;
  j["alpha_nominal"] = opt(r.alpha);
  OJson pairs = OJson::array();
  for (const auto& p : r.pairs) {
    OJson q;
    q["a"] = p.a;
    q["b"] = p.b;
    q["documents"] = p.documents;
    q["kappa"] = opt(p.kappa.kappa);
    q["observed"] = round(p.kappa.observed);
    q["expected"] = round(p.kappa.expected);
    q["tokens"] = p.kappa.items;
    q["exact"] = spans(p.exact);
    q["overlap"] = spans(p.overlap);
    pairs.push_back(q);
  }
  j["pairs"] = pairs;
  return j.dump(2) + "\n";
}

}  // namespace cd::corpus
