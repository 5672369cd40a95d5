// corpus/gold_cues.h: the hand-written gold cue annotations
// (annotations/gold/cues.tsv) and gold deltas (annotations/gold/deltas.tsv),
// and how the annotator is scored against them.
//
// A gold cue names its document, unit, category, subtype and the exact words
// (the n-th occurrence inside the unit), so that it survives renumbering of
// sentences; it is resolved to code point offsets when scored. A predicted
// span counts as correct when it overlaps a gold span of the same category
// (the definition); only units the gold declares covered are scored.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "model/analysis.h"
#include "model/document.h"

namespace cd::corpus {

struct GoldCue {
  std::string doc, unit, category, subtype, exact;
  int occurrence = 1;
  uint32_t line = 0;
};

struct GoldDelta {
  std::string a_doc, b_doc, dimension, change;
  std::vector<std::string> a_units, b_units;
  uint32_t line = 0;
};

Result<std::vector<GoldCue>> load_gold_cues(const std::string& path);
Result<std::vector<GoldDelta>> load_gold_deltas(const std::string& path);

struct CategoryScore {
  int predicted = 0, predicted_correct = 0, gold = 0, gold_found = 0;
  double precision() const { return predicted ? double(predicted_correct) / predicted : 1.0; }
  double recall() const { return gold ? double(gold_found) / gold : 1.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct CueEvaluation {
  std::map<std::string, CategoryScore> by_category;
  CategoryScore micro;
  std::vector<std::string> missed;  // "doc unit category \"text\""
  std::vector<std::string> spurious;
};

using DocumentLoader = std::function<Result<Document>(const std::string& id)>;
using Annotator = std::function<std::vector<Annotation>(const Document&)>;

Result<CueEvaluation> score_cues(const std::vector<GoldCue>& gold, const DocumentLoader& load,
                                 const Annotator& annotator, const std::string& gold_path);

struct DeltaEvaluation {
  int gold = 0, correct = 0;
  std::vector<std::string>
      wrong;  // "nat-1949 art5 ~ anzus-1951 art4: geo_scope changed (got: ...)"
  double accuracy() const { return gold ? double(correct) / gold : 1.0; }
};

using DeltaFunction =
    std::function<std::vector<Delta>(const Document& a, const std::vector<std::string>& a_units,
                                     const Document& b, const std::vector<std::string>& b_units)>;

Result<DeltaEvaluation> score_deltas(const std::vector<GoldDelta>& gold, const DocumentLoader& load,
                                     const DeltaFunction& deltas, const std::string& gold_path);

}  // namespace cd::corpus
