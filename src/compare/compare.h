// compare/compare.h: one comparison, end to end.
//
// load() = ingest + structure. compare() takes two loaded documents, aligns
// their units, word-diffs each pair, annotates both sides and computes the
// deltas of each pair; it returns a Comparison value that every renderer in
// src/report consumes. This is the only module that knows the whole pipeline.
#pragma once

#include <string>
#include <vector>

#include "annotate/annotate.h"
#include "core/status.h"
#include "ingest/ingest.h"
#include "model/analysis.h"
#include "structure/structure.h"

namespace cd::compare {

Result<Document> load(const std::string& path, const ingest::Options& options = {},
                      const structure::Options& structure_options = {});

struct Options {
  std::vector<std::string> a_units;  // compare only these units of A (e.g. {"art5"})
  double threshold = 0.2;
};

Comparison compare(Document a, Document b, const annotate::RuleSet& rules,
                   const Options& options = {});

// The alignment step of compare() alone, with the same inputs (including the
// cue categories of each unit): what `clausediff eval align` scores.
std::vector<AlignedPair> align_documents(const Document& a, const Document& b,
                                         const annotate::RuleSet& rules,
                                         const Options& options = {});

}  // namespace cd::compare
