// report/markup.h (private to src/report): text with overlapping marks as
// valid, properly nested HTML.
//
// Cue spans, evidence spans and diff operations overlap freely, but HTML
// elements must nest. render_marked() cuts the text at every boundary and
// keeps a stack of open elements; when one mark ends inside another that
// began later, the inner one is closed and reopened as a continuation
// fragment. Only the first fragment carries the id (ids stay unique), and a
// mark's `after` markup follows its last fragment.
#pragma once

#include <string>
#include <vector>

#include "model/document.h"

namespace cd::report {

struct Mark {
  Span span;
  std::string open_first;  // start tag of the first fragment (with id, tabindex)
  std::string open_more;   // start tag of later fragments
  std::string close;       // end tag
  std::string after;       // markup after the last fragment (e.g. a back link)
  int layer = 0;           // among equal spans, lower layers are outer
};

// `range` is the slice of doc.text to render; marks are clipped to it and
// empty ones dropped. Text is escaped with html_escape().
std::string render_marked(const Document& doc, Span range, std::vector<Mark> marks);

}  // namespace cd::report
