// report/html_parts.h (private to src/report): pieces of the HTML report
// shared by html.cpp (the page) and html_pair.cpp (one aligned pair).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "model/analysis.h"
#include "report/escape.h"

namespace cd::report::html_parts {

inline std::string esc(std::string_view s) { return html_escape(s); }
inline std::string num(std::size_t v) { return std::to_string(v); }

// A class-name token from a taxonomy id: [a-z0-9_-] only.
std::string token(std::string_view s);
std::string fixed2(double v);  // "0.41", locale-independent

// Ids come from positions (comparison, pair, delta, evidence; 1-based), never
// from input text, so they are unique and valid whatever the documents hold.
inline std::string doc_id(std::size_t ci) { return "doc-" + num(ci + 1); }
inline std::string pair_id(std::size_t ci, std::size_t pi) {
  return "c" + num(ci + 1) + "-p" + num(pi + 1);
}
inline std::string delta_id(std::size_t ci, std::size_t pi, std::size_t di) {
  return pair_id(ci, pi) + "-d" + num(di + 1);
}
inline std::string evidence_id(const std::string& did, char side, std::size_t ei) {
  return did + "-" + side + num(ei + 1);
}

using UnitMap = std::map<std::string, Unit>;
UnitMap unit_map(const Document& doc);

// Source variance (compare/variance.h) as a verdict line and a list of
// variants; `id` names the heading (unique per pair or quotation).
void render_variance(std::string& o, const Comparison& c, const Variance& v, const std::string& id,
                     const std::string& title);

// One <article> for c.pairs[pi]: both sides with cues, evidence and word
// differences marked, what a news sentence omits and adds, the deltas with
// links to their evidence, and the inline diff.
void render_pair(std::string& o, const Comparison& c, std::size_t ci, std::size_t pi,
                 const UnitMap& ua, const UnitMap& ub);

}  // namespace cd::report::html_parts
