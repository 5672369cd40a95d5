// corpus/anchoring.h: moving annotations to a new version of their document.
//
// What it does: after a corpus text changes, each annotation made on the old
// version gets a place in the new one, or is marked orphaned and kept. The
// order follows the research notes (§2, "Re-anchoring procedure"):
//  1. Map both ends through the edit script of the diff old -> new
//     (diff::diff_texts: equal runs shift, moved runs follow their move). If
//     the text there equals the quote: `exact` when the offsets are unchanged,
//     `shifted` otherwise.
//  2. Otherwise a fuzzy quote search: approximate matches of the quote
//     anywhere in the new text (Sellers 1980 semi-global edit distance with
//     Ukkonen's 1985 cut-off), plus the diff-mapped span if both ends mapped,
//     (its quote similarity is the share of the old quote that survived,
//     so words inserted inside a span do not count against it)
//     are ranked as Hypothesis does (match-quote.ts): quote similarity x50,
//     prefix x20, suffix x20, closeness to the mapped position x2, normalised
//     to 0..1. The best is accepted only when the quote is at least
//     `min_quote_length` code points, its similarity at least
//     `min_quote_similarity` and the score at least `min_score`: `fuzzy`.
//     Hypothesis has no minimum and re-attaches short quotes to unrelated
//     text (hypothesis/h#2634, #2798); the bounds are the fix.
//  3. Anything else is `orphaned`: kept with its old anchor and reported,
//     never dropped.
// A re-anchored annotation records where it was before (`anchored_from`).
// What it does not do: read files or decide which version is old (the CLI).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/annotation_store.h"
#include "model/analysis.h"

namespace cd::corpus {

struct AnchorOptions {
  uint32_t min_quote_length = 8;       // shorter quotes are never searched for
  double min_quote_similarity = 0.75;  // 1 - edit distance / quote length
  double min_score = 0.7;              // weighted score, 0..1
};

// Maps code point offsets of the old text into the new one through an edit
// script whose ops cover both texts (diff.h's guarantee).
class OffsetMap {
 public:
  explicit OffsetMap(const EditScript& script);
  // Adds the runs of another script of the same two texts where this map has
  // none (e.g. the moves that only a cleaned-up script pairs).
  void add_fallback(const EditScript& script);
  // New offset of a span's start / end, or -1 when it lies in deleted text.
  int64_t map_start(uint32_t old_offset) const;
  int64_t map_end(uint32_t old_offset) const;
  // Code points of old [s, e) that survive (equal or moved) and land inside new [ns, ne).
  uint32_t kept(uint32_t s, uint32_t e, uint32_t ns, uint32_t ne) const;

 private:
  struct Piece {
    uint32_t a0, a1, b0;  // old [a0, a1) corresponds to new [b0, b0 + a1 - a0)
  };
  std::vector<Piece> pieces_;  // sorted by a0, non-overlapping
  static std::vector<Piece> pieces_of(const EditScript& script);
};

struct QuoteMatch {
  bool found = false;
  uint32_t start = 0;
  uint32_t end = 0;
  double quote_similarity = 0.0;
  double score = 0.0;
};

// Best place of `exact` (with its context) in `text`, or found = false when
// nothing passes the options' bounds. `hint` is the expected start.
QuoteMatch find_quote(std::u32string_view text, std::u32string_view exact,
                      std::u32string_view prefix, std::u32string_view suffix, uint32_t hint,
                      const AnchorOptions& options = {});

// Levenshtein distance (unit costs), exposed for tests.
uint32_t edit_distance(std::u32string_view a, std::u32string_view b);

struct AnchorOutcome {
  std::string id;
  std::string author;
  AnchorStatus status = AnchorStatus::exact;
  Span before;
  Span after;  // equals before for orphans
  double score = 1.0;
  std::string why;  // one phrase: "moved with the text", "quote changed", "not found", ...
};

struct ReanchorReport {
  std::size_t exact = 0, shifted = 0, fuzzy = 0, orphaned = 0, unchanged = 0;
  std::vector<AnchorOutcome> outcomes;
  std::size_t total() const { return exact + shifted + fuzzy + orphaned + unchanged; }
  std::string summary() const;  // "12 exact, 3 shifted, 1 fuzzy, 1 orphaned"
};
std::string to_json(const ReanchorReport& r);

// Re-anchors every annotation of `annotations` that was made on `old_text`
// (doc_sha256 equal to its hash) into `new_text`, using `script` =
// diff(old_text, new_text). Annotations already on new_text are counted as
// unchanged; annotations on some third version are searched for by quote only.
ReanchorReport reanchor(std::vector<StoredAnnotation>& annotations, std::u32string_view old_text,
                        std::u32string_view new_text, const EditScript& script,
                        const AnchorOptions& options = {}, const std::string& author = {});
ReanchorReport reanchor(std::vector<StoredAnnotation>& annotations, std::u32string_view old_text,
                        std::u32string_view new_text, const OffsetMap& map,
                        const AnchorOptions& options = {}, const std::string& author = {});

// Same, computing the diff with diff::diff_texts at word level: a minimal
// script (no cleanup, so short unchanged words between two changes keep
// their offsets) with the moves of the cleaned-up script as fallback (move
// detection pairs whole paragraphs, which cleanup's word-boundary sliding
// exposes).
// Lives in anchoring_diff.cpp so that the pure parts link without src/diff.
ReanchorReport reanchor_texts(std::vector<StoredAnnotation>& annotations,
                              std::u32string_view old_text, std::u32string_view new_text,
                              const AnchorOptions& options = {}, const std::string& author = {});

// Without the old text: annotations whose quote is still at their offsets
// stay (exact); the others are searched for by quote only (hint = old start).
ReanchorReport reanchor_by_quote(std::vector<StoredAnnotation>& annotations,
                                 std::u32string_view new_text, const AnchorOptions& options = {},
                                 const std::string& author = {});

}  // namespace cd::corpus
