// annotate/matcher.cpp: runs every compiled rule over the document's units.
//
// The search regions are the units' bodies merged into disjoint stretches
// (clauses nest, so searching each clause separately would find the same hit
// twice). Matches never cross a region's end, so a report's rule cannot join
// two sentences. Boost throws std::runtime_error when a pattern exceeds its
// match-complexity or stack limit; that is the rule author's problem, not the
// document's, so it becomes one warning per rule and matching goes on.
#include <boost/regex/icu.hpp>

#include <algorithm>

#include "annotate/compiled.h"
#include "annotate/internal.h"

namespace cd::annotate {
namespace {

std::vector<Span> search_regions(const Document& doc, const std::vector<Unit>& units) {
  std::vector<Span> spans;
  for (const auto& u : units) {
    if (!u.body.empty()) spans.push_back(u.body);
  }
  if (spans.empty() && !doc.text.empty()) {
    // A document without units is still worth annotating as a whole.
    spans.push_back(Span{0, static_cast<uint32_t>(doc.text.size())});
  }
  std::sort(spans.begin(), spans.end());
  std::vector<Span> merged;
  for (const auto& s : spans) {
    if (!merged.empty() && s.start <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, s.end);
    } else {
      merged.push_back(s);
    }
  }
  const auto n = static_cast<uint32_t>(doc.text.size());
  for (auto& s : merged) {
    s.start = std::min(s.start, n);
    s.end = std::min(s.end, n);
  }
  return merged;
}

bool applies(const Rule& r, const Document& doc) {
  if (r.genre.empty()) return true;
  return (r.genre == "report") == doc.is_report();
}

}  // namespace

std::vector<Annotation> match_rules(const Document& doc, const RuleSet& rules,
                                    std::vector<Diagnostic>* diagnostics) {
  std::vector<Annotation> out;
  if (rules.rules().empty()) return out;  // also a moved-from set, which has no Compiled
  const auto units = units_of(doc);
  const auto regions = search_regions(doc, units);
  // Every hit needs its unit and a note check: both by binary search, so that
  // a long document with thousands of clauses costs O(hits log units).
  const UnitIndex unit_index(units);
  std::vector<Span> notes;
  for (const auto& b : doc.blocks) {
    if (b.kind == BlockKind::note) notes.push_back(b.span);
  }
  const OverlapIndex note_index(std::move(notes));
  const auto in_note = [&](Span s) { return note_index.overlaps_any(s); };

  const char32_t* const base = doc.text.data();
  const auto& compiled = rules.compiled();
  for (std::size_t i = 0; i < compiled.rules.size(); ++i) {
    const Rule& rule = compiled.rules[i];
    if (!applies(rule, doc)) continue;
    const boost::u32regex& re = compiled.patterns[i];
    bool warned = false;
    for (const auto& region : regions) {
      const char32_t* first = base + region.start;
      const char32_t* const last = base + region.end;
      boost::match_results<const char32_t*> m;
      try {
        while (first < last) {
          auto flags = boost::match_default | boost::match_not_null;
          // Let \b and lookbehinds see the character before the region.
          if (first != base) flags |= boost::match_prev_avail;
          if (!boost::u32regex_search(first, last, m, re, flags, base)) break;
          const auto start = static_cast<uint32_t>(m[0].first - base);
          const auto end = static_cast<uint32_t>(m[0].second - base);
          first = m[0].second > m[0].first ? m[0].second : m[0].first + 1;
          const Span span{start, end};
          if (span.empty() || in_note(span)) continue;
          Annotation a;
          a.span = span;
          a.category = rule.category;
          a.subtype = rule.subtype;
          a.rule = rule.id;
          a.strength = rule.strength;
          a.rationale = rule.rationale;
          a.source = "rule";
          if (const Unit* u = unit_index.innermost(span)) a.unit = u->id;
          a.id = a.unit + "-" + rule.id + "-" + std::to_string(start);
          out.push_back(std::move(a));
        }
      } catch (const std::runtime_error& e) {
        if (!warned && diagnostics) {
          Diagnostic d;
          d.severity = Severity::warning;
          d.message = "rule " + rule.id + " (" + rule.file + ":" + std::to_string(rule.line) +
                      ") was stopped by the regex engine and skipped where it failed: " + e.what();
          const auto pos = doc.source.position_of(region.start);
          d.line = pos.line;
          d.column = pos.column;
          diagnostics->push_back(std::move(d));
        }
        warned = true;
      }
    }
  }
  return out;
}

ContextIndex::ContextIndex(const Document& doc, const std::vector<Unit>& units)
    : doc_(&doc),
      sentence_index_([&] {
        std::vector<Span> spans;
        spans.reserve(doc.sentences.size());
        for (const auto& s : doc.sentences) spans.push_back(s.span);
        return spans;
      }()),
      unit_index_(units) {}

Span ContextIndex::context_of(Span span) const {
  const int64_t s = sentence_index_.holding(span);
  if (s >= 0) return doc_->sentences[static_cast<std::size_t>(s)].span;
  if (const Unit* u = unit_index_.innermost(span)) return u->body.empty() ? u->span : u->body;
  return Span{0, static_cast<uint32_t>(doc_->text.size())};
}

}  // namespace cd::annotate
