// compare/quotes.h: quotations of one document inside another.
//
// A news report or a draft often puts a treaty's words in quotation marks.
// find_quotations() takes every quoted passage of B (between “ ” or " ",
// at least kMinQuoteWords words), and looks for it in A's units by a
// word-level longest common subsequence of the folded words: all words in order and
// nothing between them is an exact quotation; at least 70 % of the words in
// order is a misquote, reported with the words A has that the quotation
// drops and the words it adds. Shorter quotations ("platinum") are names,
// not quotations of a clause, and are skipped.
// A document compared with itself (one file holding several outlets'
// renderings of one draft): each quotation is looked for among the
// quotations before it instead, and the shorter of the two may be a fragment
// of the longer (70 % of the shorter one's words, at least kMinQuoteWords);
// the Quotation's A side is then the whole earlier quotation.
#pragma once

#include <vector>

#include "model/analysis.h"
#include "model/document.h"

namespace cd::compare {

inline constexpr int kMinQuoteWords = 4;

std::vector<Quotation> find_quotations(const Document& a, const Document& b);

}  // namespace cd::compare
