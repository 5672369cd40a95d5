// corpus/agreement.h: how far annotators agree.
//
// What it does:
//  - Cohen's kappa (Cohen 1960) over word tokens: every token of the text is
//    labelled, per annotator, with the category of the annotation covering
//    it, or "" (none); kappa = (p_o - p_e) / (1 - p_e) with p_e from each
//    annotator's own label distribution.
//  - Span-level precision, recall and F1 between two annotators, with exact
//    matching (same start, end and category) and overlap matching (same
//    category, spans share a code point; one-to-one, greedy by largest
//    overlap). Annotator A is the reference: precision = matches / |B|,
//    recall = matches / |A|; F1 is symmetric.
//  - Krippendorff's alpha, nominal metric, for any number of annotators and
//    missing data (Krippendorff, "Computing Krippendorff's Alpha-Reliability",
//    2011): coincidence matrix over the tokens, alpha = 1 - D_o / D_e.
// Tokens are maximal runs of letters and digits (ASCII alphanumerics and any
// code point above U+00BF that is not white space or general punctuation);
// punctuation is not a token. A token is covered by an annotation when they
// share a code point; when one annotator's spans overlap on a token, the
// more specific category wins (taxonomy priority, annotation_store.h).
// What it does not do: unitizing alpha or gamma (span boundaries are only
// measured through the token labels and the exact/overlap F1).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/annotation_store.h"

namespace cd::corpus {

std::vector<Span> word_tokens(std::u32string_view text);
std::vector<std::string> token_labels(const std::vector<Span>& tokens,
                                      const std::vector<StoredAnnotation>& annotations);

struct Kappa {
  std::optional<double> kappa;  // undefined when p_e == 1 (one label everywhere)
  double observed = 0.0;        // p_o
  double expected = 0.0;        // p_e
  std::size_t items = 0;
};
Kappa cohen_kappa(const std::vector<std::string>& a, const std::vector<std::string>& b);

struct SpanAgreement {
  std::size_t a = 0, b = 0, matched = 0;
  double precision = 1.0, recall = 1.0, f1 = 1.0;  // 1 when both are empty
};
SpanAgreement span_f1(const std::vector<StoredAnnotation>& a,
                      const std::vector<StoredAnnotation>& b, bool overlap);

// units[u] holds the values given to unit u by the coders who coded it.
std::optional<double> krippendorff_alpha_nominal(
    const std::vector<std::vector<std::string>>& units);

struct PairAgreement {
  std::string a, b;
  std::vector<std::string> documents;  // those both annotated
  Kappa kappa;
  SpanAgreement exact, overlap;
};

struct AgreementReport {
  std::vector<std::string> annotators;
  std::vector<PairAgreement> pairs;  // every pair, in the order given
  std::optional<double> alpha;       // over all annotators (also for two)
  std::size_t tokens = 0;            // tokens in the documents any two annotated
  std::size_t skipped = 0;           // orphaned or stale annotations left out
};

// `texts` maps document ids to their current canonical text. Only documents
// with a file from at least two of the annotators count; orphaned annotations
// and annotations made on another version are skipped (and counted).
AgreementReport agreement(const AnnotationStore& store, const std::vector<std::string>& annotators,
                          const std::map<std::string, std::u32string>& texts);

std::string to_json(const AgreementReport& r);

}  // namespace cd::corpus
