// structure/structure.h: the clause tree and the sentences of a Document.
//
// What it does: reads the blocks that ingest produced and recognizes
// numbered structure: "Article 5", "ARTICLE V", "Art. 5", "Article 42(7)",
// "SEC. 2.", "Section 3", "Point 5", "Paragraph 2", Markdown headings and XML
// <num>, and unheaded numbered paragraphs "1.", "(1)", "(a)", "(i)". It builds
// a clause tree with labels as written, normalized numbers (Roman to Arabic,
// nesting joined with dots: "42.7", "2.a.1") and stable ids ("art5",
// "art42.7", "sec2.a.1", "p3", "preamble"). Then it segments the text into
// sentences (ICU, see text/segment.h) and assigns each to its innermost
// clause. A report-genre document gets sentences only.
// What it does not do: interpret the text (src/annotate) or compare it.
#pragma once

#include <string>

#include "model/document.h"

namespace cd::structure {

struct Options {
  // Sentence segmentation is the costly half of build() (ICU's UAX #29
  // sentence iterator); commands that compare by clauses only (diff,
  // history) turn it off and get doc.sentences empty.
  bool sentences = true;
};

// Fills doc.clauses and doc.sentences (replacing what was there).
void build(Document& doc, const Options& options = {});

// "V" -> 5, "xiv" -> 14; 0 when `s` is not a Roman numeral.
int roman_to_int(const std::string& s);

}  // namespace cd::structure
