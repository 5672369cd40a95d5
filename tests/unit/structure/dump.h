// tests/unit/structure/dump.h: a compact, readable dump of an ingested and
// structured Document, used by the spec examples in tests/spec/*.txt.
//
//   doc | format | kind | genre | title
//   clause id | label | number | level | parent | first 40 chars of body
//   s<n> | unit | first 40 chars of the sentence
//   warning L:C | message
#pragma once

#include <string>

#include "core/utf8.h"
#include "model/document.h"

namespace cd::testing {

inline std::string first_chars(const Document& doc, Span s, std::size_t n = 40) {
  std::u32string t = doc.text.substr(s.start, std::min<std::size_t>(s.size(), n));
  for (auto& c : t) {
    if (c == U'\n') c = U'/';
  }
  return encode_utf8(t);
}

inline std::string dump(const Document& doc) {
  std::string out = "doc | " + doc.meta.format + " | " + doc.meta.kind + " | " + doc.meta.genre +
                    " | " + doc.meta.title + "\n";
  for (const auto& c : doc.clauses) {
    out += "clause " + c.id + " | " + c.label + " | " + c.number + " | " + std::to_string(c.level) +
           " | " + c.parent + " | " + first_chars(doc, c.body) + "\n";
  }
  for (const auto& s : doc.sentences) {
    out += s.id + " | " + s.unit + " | " + first_chars(doc, s.span) + "\n";
  }
  for (const auto& d : doc.diagnostics) {
    out += std::string(d.severity == Severity::warning ? "warning " : "note ") +
           std::to_string(d.line) + ":" + std::to_string(d.column) + " | " + d.message + "\n";
  }
  return out;
}

}  // namespace cd::testing
