// compare/variance.h: how two renderings of the same text differ.
//
// What it does: two reports of one draft often quote it differently
// ("significant, deliberate, and sustained" against "significant, deliberate
// and sustained"), and two copies of one treaty differ in spelling or
// punctuation. variance_of() word-diffs the two texts with the diff engine
// (src/diff: minimal script, white space ignored), finds the stretch they
// share (from the first to the last word they have in common; words only one
// side has before or after it make the result `partial`, as does an
// editorial gap "[... not captured]" at either end), and classifies each
// difference inside it:
//   punctuation   only punctuation, hyphens or spacing differ (serial comma,
//                 ";" for ".", "self-help" / "selfhelp");
//   case          only letter case ("Cold War" / "cold war");
//   spelling      British / American spelling (defence / defense, -ise /
//                 -ize, -our / -or; a short table and three patterns);
//   equivalent    terms the aligner treats as one (src/align/terms.cpp:
//                 armistice ~ ceasefire, undertake ~ agree), "shall" for
//                 "undertake(s) to", an abbreviation and its expansion
//                 (CSCE / Conference on Security and Cooperation in Europe);
//   inflection    another form of the same word (attack / attacks);
//   substitution  other words; added / dropped: words only B / only A has.
// The verdict sums it up for a reader: identical, cosmetic (punctuation,
// case, spelling only), equivalent (also equivalent terms), substantive
// (anything else: the variance may change the meaning).
// span_variance() and pair_variance() first test cheaply whether the two
// can be renderings of one text at all (shared adjacent word pairs, lengths),
// because the minimal diff is quadratic on texts that differ throughout.
// What it does not do: decide which units correspond in the first place
// (the aligner pairs them; these functions only check that most words
// agree), or read the meaning of a substitution (src/annotate does).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/analysis.h"
#include "model/document.h"

namespace cd::compare {

// A pair counts as two renderings of one text when at least this share of
// the words in the shared stretch agree (equal, or differing only
// cosmetically or by an equivalent term), and at least kMinSharedWords
// words are equal.
inline constexpr double kMinAgreement = 0.75;
inline constexpr int kMinSharedWords = 4;
// Neither side may be more than this many times as long as the other.
inline constexpr std::size_t kMaxLengthRatio = 4;

struct VarianceStats {
  double agreement = 0.0;  // share of the words in the shared stretch that agree
  int shared_words = 0;    // words equal on both sides
};

// Variance of `b` against `a`; offsets in the result are code points plus
// a_base / b_base. Always classifies, however different the texts are; with
// no word in common the verdict is substantive and the stretch empty.
Variance variance_of(std::u32string_view a, std::u32string_view b, uint32_t a_base = 0,
                     uint32_t b_base = 0, VarianceStats* stats = nullptr);

// The same over two spans of two documents (a quotation and what it quotes).
Variance variance_of(const Document& a, Span a_span, const Document& b, Span b_span);

// The variance of two spans of two documents, or nothing when they do not
// render the same text (agreement or shared words below the bounds above).
std::optional<Variance> span_variance(const Document& a, Span a_span, const Document& b,
                                      Span b_span);

// The variance of an aligned pair: A's unit against B's units (in document
// order), read as one stretch when they follow one another; nothing when
// they are scattered or do not render one text.
std::optional<Variance> pair_variance(const Document& a, Span a_span, const Document& b,
                                      const std::vector<Span>& b_spans);

// Pairs the units of A and B that have the same number and render one text
// (span_variance) when the aligner did not pair them: a copy cut short by a
// gap scores higher against a longer paragraph that repeats its opening
// (Budapest Memorandum, UNTS paragraph 3 against A/49/765 paragraphs 1, 3
// and 4). Only units of `a_units` when it is not empty. The new pairs take
// their place in A's order and leave the unaligned lists; no pair the
// aligner made is changed.
void pair_renderings(const Document& a, const Document& b, const std::vector<std::string>& a_units,
                     std::vector<AlignedPair>& pairs, std::vector<std::string>& unaligned_a,
                     std::vector<std::string>& unaligned_b);

// True for the kinds of variant that leave the meaning as it was
// (punctuation, case, spelling, equivalent).
bool leaves_meaning(std::string_view kind);

}  // namespace cd::compare
