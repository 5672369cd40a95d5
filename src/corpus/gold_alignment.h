// corpus/gold_alignment.h: the hand-written gold alignment
// (annotations/gold/alignment.tsv, guideline beside it) and its scoring.
//
// A gold row names a unit of document A and a unit of document B, by clause
// id or, for sentences, by their first words ("sent:The core provision of"),
// so that the gold does not depend on sentence numbering. Scoring expands
// predicted pairs (which may group several B units) into unit pairs and
// counts precision, recall and F1 over the document pairs the gold covers.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "model/analysis.h"
#include "model/document.h"

namespace cd::corpus {

struct GoldPair {
  std::string a_doc, a_unit, b_doc, b_unit, kind, note;
  uint32_t line = 0;
};

Result<std::vector<GoldPair>> load_gold_alignment(const std::string& path);

struct AlignmentScore {
  std::string a_doc, b_doc;
  int true_positives = 0, predicted = 0, gold = 0;
  std::vector<std::string> missed;  // "art5 ~ s12 (text...)"
  std::vector<std::string> spurious;
  double precision() const { return predicted ? double(true_positives) / predicted : 1.0; }
  double recall() const { return gold ? double(true_positives) / gold : 1.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

// Loads a document by corpus id (ingest + structure, with manifest metadata).
using DocumentLoader = std::function<Result<Document>(const std::string& id)>;
// Aligns two documents (whole documents, all units).
using Aligner = std::function<std::vector<AlignedPair>(const Document&, const Document&)>;

// One score per (a_doc, b_doc) in the gold, in file order; a unit name that
// resolves to nothing is an error naming the gold line.
Result<std::vector<AlignmentScore>> score_alignment(const std::vector<GoldPair>& gold,
                                                    const DocumentLoader& load,
                                                    const Aligner& aligner,
                                                    const std::string& gold_path);

}  // namespace cd::corpus
