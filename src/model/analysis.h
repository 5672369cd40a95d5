// model/analysis.h: results of the analysis stages as plain values:
// annotations and profiles (annotate), edit scripts and clause mappings (diff),
// alignments (align), deltas and whole comparisons (compare). Renderers in
// src/report consume only these types and model/document.h.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/document.h"

namespace cd {

// ---- annotate ---------------------------------------------------------------

// One cue span found by a rule (or written by a person).
struct Annotation {
  std::string id;  // stable within a document: "<unit>-<rule>-<start>"
  Span span;
  std::string category;         // taxonomy id: obligation, trigger, geo_scope, ...
  std::string subtype;          // e.g. self_judging
  std::string rule;             // rule id, e.g. DSC-01; empty for human annotations
  int strength = 0;             // the rule's signed strength
  std::string unit;             // unit id the span lies in ("" if none)
  std::string source = "rule";  // rule | human
  std::string reading;          // genre-aware reading, e.g. "prediction" for news "will"
  std::string rationale;        // why the rule says so (from the rule file)
};

// The slot values of one unit (taxonomy.md): ordinal strengths and sets.
struct Profile {
  std::string unit;
  std::map<std::string, int> slots;                      // obligation, means, ...
  std::map<std::string, std::vector<std::string>> sets;  // trigger restrictions, places, ...
};

// ---- diff --------------------------------------------------------------------

enum class OpKind { equal, del, ins };

// One operation of an edit script over two texts. Spans are code points in
// each text; for `del` only the old span is non-empty, for `ins` only the new.
struct DiffOp {
  OpKind op = OpKind::equal;
  Span a;         // old
  Span b;         // new
  int move = -1;  // index into EditScript::moves when this op is part of a move
};

struct Move {
  Span a;                   // where the text was in the old version
  Span b;                   // where it is in the new one
  double similarity = 1.0;  // 1: moved unchanged; below 1: moved and edited (LCS ratio)
};

struct DiffStats {
  uint32_t tokens_old = 0;
  uint32_t tokens_new = 0;
  uint32_t tokens_deleted = 0;
  uint32_t tokens_inserted = 0;
  bool approximate = false;  // the bounded fallback was used (see diff.h)
};

struct EditScript {
  std::vector<DiffOp> ops;  // cover both texts completely and in order
  std::vector<Move> moves;
  DiffStats stats;
};

struct ClauseMapping {
  std::vector<std::string> a;  // old clause ids (empty for inserted)
  std::vector<std::string> b;  // new clause ids (empty for deleted)
  std::string status;          // equal|changed|renumbered|moved|inserted|deleted|split|merged
  double similarity = 0.0;
};

// History across N versions (diff::history): for each clause of the last
// version, its id in each version and, per token range, the version that
// introduced the text.
struct BlameRange {
  Span span;        // in the last version's text
  int version = 0;  // index into the versions
};
struct ClauseHistory {
  std::string clause;              // id in the last version
  std::vector<std::string> chain;  // id in each version (empty string: absent)
  std::vector<BlameRange> blame;
};

// ---- align / compare ----------------------------------------------------------

struct Delta {
  std::string dimension;  // taxonomy id
  std::string change;     // narrowed, weakened, added, ...
  std::vector<Span> a_evidence;
  std::vector<Span> b_evidence;
  std::string explanation;
};

// One difference between two renderings of the same text (compare/variance.h).
struct Variant {
  std::string kind;  // punctuation | case | spelling | equivalent | inflection | substitution |
                     // added | dropped
  Span a;            // the words of A (empty, at the position, when B adds)
  Span b;            // the words of B (empty, at the position, when B drops)
  std::string note;  // what the difference is, e.g. "serial comma", "defence ~ defense"
};

// How B renders A's text where the two overlap (compare/variance.h).
struct Variance {
  std::string verdict;   // identical | cosmetic | equivalent | substantive
  Span a;                // the stretch of A that B renders
  Span b;                // the stretch of B that renders it
  bool partial = false;  // one side goes on beyond that stretch (a fragment, a cut text)
  std::vector<Variant> variants;
};

struct AlignedPair {
  std::vector<std::string> a;  // unit ids on side A (usually one)
  std::vector<std::string> b;  // unit ids on side B (one or a group)
  double score = 0.0;
  std::string kind;                   // same | renumbered | quote | paraphrase | related
  std::vector<std::string> evidence;  // shared terms and cues that explain the pair
  std::vector<DiffOp> diff;           // word diff of the two bodies, in document offsets
  std::vector<Delta> deltas;
  // Set when the two units render the same text (compare/variance.h).
  std::optional<Variance> variance;
};

// A quotation in B of A's words (compare/quotes.h): exact, or near-exact
// (a misquote) with the words that differ.
struct Quotation {
  std::string b_unit;
  Span b;  // the quoted words in B, without the quotation marks
  std::string a_unit;
  Span a;  // the words of A they quote
  bool exact = false;
  double score = 0.0;                // share of the quoted words found in A, in order
  std::vector<std::string> dropped;  // words of A missing inside the quotation
  std::vector<std::string> added;    // words of the quotation not in A
  std::optional<Variance> variance;  // punctuation, case, spelling and words that differ
};

struct Comparison {
  Document a;
  Document b;
  std::vector<Annotation> a_annotations;
  std::vector<Annotation> b_annotations;
  std::vector<Profile> a_profiles;
  std::vector<Profile> b_profiles;
  std::vector<AlignedPair> pairs;
  std::vector<std::string> unaligned_a;
  std::vector<std::string> unaligned_b;
  std::map<std::string, std::string> summary;  // dimension -> change, over all pairs
  std::vector<Quotation> quotations;           // B quoting A, exact or not
};

}  // namespace cd

namespace cd {

// A comparison set as declared in corpus/manifest.json: one reference unit
// (e.g. Article 5 of the North Atlantic Treaty) against several documents.
struct ReportSet {
  std::string name;  // "default"
  std::string title;
  std::string description;
  std::string reference;                     // document id of side A
  std::vector<std::string> reference_units;  // e.g. {"art5"}
  std::vector<Comparison> comparisons;       // one per compared document, in manifest order
};

}  // namespace cd
