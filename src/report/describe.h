// report/describe.h (private to src/report): the words, symbols and summary
// sentences every renderer shares, so that the HTML, Markdown and terminal
// reports say the same thing about the same comparison.
//
// Direction is the beneficiary's (taxonomy.md): a narrower trigger or a
// weaker obligation is "weaker" for the party the guarantee protects.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/analysis.h"

namespace cd::report {

enum class Polarity { weaker, stronger, neutral };

// Matrix columns in reading order; dimensions outside this list follow them
// alphabetically so that nothing a comparison reports is hidden.
const std::vector<std::string>& dimension_order();
std::string dimension_label(std::string_view dimension);  // "Geographic scope"
std::string change_symbol(std::string_view change);       // "▶◀" for narrowed
Polarity change_polarity(std::string_view dimension, std::string_view change);
const char* polarity_name(Polarity p);  // weaker | stronger | neutral

// The dimensions that appear in any comparison of the set, in column order.
std::vector<std::string> matrix_dimensions(const ReportSet& set);
// The change of one dimension over the whole comparison: the compare stage's
// summary when it has one, else the deltas' common change ("mixed" when
// they disagree), "" when no pair touches the dimension.
std::string cell_change(const Comparison& c, const std::string& dimension);

// Short names for prose: "The North Atlantic Treaty" from a long title,
// "Article 5" for the reference units, "the reported draft" for a document.
std::string short_title(const DocumentMeta& meta);
// The short title for use inside a sentence: "the North Atlantic Treaty".
std::string title_in_sentence(const DocumentMeta& meta);
std::string reference_name(const ReportSet& set, const Comparison& c);
std::string document_noun(const DocumentMeta& meta);

// "reported, unofficial", "draft", "news report" or "" (nothing to flag).
std::string provenance_badge(const DocumentMeta& meta);

// Two or three sentences written from the deltas (see describe.cpp).
std::string summarize(const ReportSet& set, const Comparison& c);
// The same, with the leading verb phrases ("narrows the trigger") that a
// renderer may emphasize; each occurs in `text`.
struct Summary {
  std::string text;
  std::vector<std::string> emphasis;
};
Summary summarize_parts(const ReportSet& set, const Comparison& c);

// Text of a span list for quoting: the spans' text joined with " … ",
// whitespace collapsed, cut to `max_chars` code points.
std::string quote_spans(const Document& doc, const std::vector<Span>& spans,
                        std::size_t max_chars = 90);
// Whitespace runs become one space, ends trimmed, cut with an ellipsis.
std::string collapse(std::string_view utf8, std::size_t max_chars = 0);
// For plain-text outputs: control characters other than tab and newline
// become U+FFFD, so a document cannot drive the terminal.
std::string sanitize_text(std::string_view utf8);

// What a paraphrase drops or adds (for news sentences): first the cues of one
// side that fall wholly in the diff's deleted (inserted) words, with their
// category, then other content-bearing deleted (inserted) word runs. At most
// `max_items` of each list; the rest is counted.
struct ParaphraseChanges {
  std::vector<std::string> omits;  // "“forthwith” (temporal)" or "“in exercise of”"
  std::vector<std::string> adds;
  std::size_t more_omits = 0;
  std::size_t more_adds = 0;
};
ParaphraseChanges paraphrase_changes(const Comparison& c, const AlignedPair& pair,
                                     std::size_t max_items = 8);

// Source variance (compare/variance.h) in words: one sentence for the
// verdict ("Same text; the differences are cosmetic: 2 punctuation, 1
// case."), and one line per variant ("punctuation: “all;” → “all”
// (serial comma)"). Plain text: renderers escape or sanitize it.
std::string variance_summary(const Variance& v);
std::string variant_line(const Document& a, const Document& b, const Variant& v,
                         std::size_t max_chars = 120);

// Units by id with their label, for headings ("Article 5", "(1)", "s3").
std::string unit_label(const Document& doc, const std::string& id);
std::string units_label(const Document& doc, const std::vector<std::string>& ids);

}  // namespace cd::report
