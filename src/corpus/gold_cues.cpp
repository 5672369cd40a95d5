#include "corpus/gold_cues.h"

#include <algorithm>
#include <set>

#include "core/fs.h"
#include "core/utf8.h"
#include "corpus/tsv.h"
#include "corpus/unit_names.h"

namespace cd::corpus {
namespace {

// The span of the n-th occurrence of `exact` inside `within`, or empty.
Span find_occurrence(const Document& doc, Span within, const std::u32string& exact, int n) {
  std::u32string_view text(doc.text);
  std::size_t from = within.start;
  for (int k = 1;; ++k) {
    const auto at = text.find(exact, from);
    if (at == std::u32string_view::npos || at + exact.size() > within.end) return {};
    if (k == n) return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + exact.size())};
    from = at + 1;
  }
}

}  // namespace

Result<std::vector<GoldCue>> load_gold_cues(const std::string& path) {
  std::vector<GoldCue> out;
  Status s = for_each_tsv_row(path, [&](const std::vector<std::string>& f, uint32_t n) {
    if (f.size() == 3 && f[2] == "*") {
      out.push_back(GoldCue{f[0], f[1], "*", "", "", 0, n});
      return Status::success();
    }
    if (f.size() < 5) {
      return Status::error(ErrorCode::invalid_input,
                           "expected doc, unit, category, subtype, exact[, occurrence]", path, n,
                           1);
    }
    int occ = 1;
    if (f.size() > 5 && !f[5].empty()) {
      try {
        occ = std::stoi(f[5]);
      } catch (const std::exception&) {
        occ = 0;
      }
      if (occ < 1)
        return Status::error(ErrorCode::invalid_input, "occurrence must be 1 or more", path, n, 1);
    }
    out.push_back(GoldCue{f[0], f[1], f[2], f[3], f[4], occ, n});
    return Status::success();
  });
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<GoldDelta>> load_gold_deltas(const std::string& path) {
  std::vector<GoldDelta> out;
  Status s = for_each_tsv_row(path, [&](const std::vector<std::string>& f, uint32_t n) {
    if (f.size() < 6) {
      return Status::error(ErrorCode::invalid_input,
                           "expected a_doc, a_units, b_doc, b_units, dimension, change", path, n,
                           1);
    }
    GoldDelta d;
    d.a_doc = f[0];
    d.a_units = split_fields(f[1], ',');
    d.b_doc = f[2];
    d.b_units = split_fields(f[3], ',');
    d.dimension = f[4];
    d.change = f[5];
    d.line = n;
    out.push_back(std::move(d));
    return Status::success();
  });
  if (!s.ok()) return s;
  return out;
}

Result<CueEvaluation> score_cues(const std::vector<GoldCue>& gold, const DocumentLoader& load,
                                 const Annotator& annotator, const std::string& gold_path) {
  std::vector<std::string> docs;
  for (const auto& g : gold) {
    if (std::find(docs.begin(), docs.end(), g.doc) == docs.end()) docs.push_back(g.doc);
  }
  CueEvaluation ev;
  for (const auto& id : docs) {
    auto doc = load(id);
    if (!doc.ok()) return doc.status();
    struct GoldSpan {
      Span span;
      std::string category;
      std::string label;
      bool found = false;
    };
    std::vector<Span> covered;
    std::vector<GoldSpan> spans;
    for (const auto& g : gold) {
      if (g.doc != id) continue;
      const std::string unit = resolve_unit(*doc, g.unit);
      if (unit.empty()) {
        return Status::error(ErrorCode::invalid_input, "unit '" + g.unit + "' not found in " + id,
                             gold_path, g.line, 1);
      }
      const Span us = unit_span(*doc, unit);
      if (g.category == "*") {
        covered.push_back(us);
        continue;
      }
      const Span s = find_occurrence(*doc, us, to_u32(g.exact), g.occurrence);
      if (s.empty()) {
        return Status::error(ErrorCode::invalid_input,
                             "'" + g.exact + "' (occurrence " + std::to_string(g.occurrence) +
                                 ") not found in " + id + " " + unit,
                             gold_path, g.line, 1);
      }
      spans.push_back({s, g.category, id + " " + unit + " " + g.category + " \"" + g.exact + "\""});
    }
    auto in_covered = [&](Span s) {
      return std::any_of(covered.begin(), covered.end(), [&](Span c) { return c.contains(s); });
    };
    std::set<std::string> seen;
    for (const auto& a : annotator(*doc)) {
      if (!in_covered(a.span) || !seen.insert(a.id).second) continue;
      auto& cs = ev.by_category[a.category];
      ++cs.predicted;
      bool hit = false;
      for (auto& g : spans) {
        if (g.category == a.category && g.span.overlaps(a.span)) {
          hit = true;
          g.found = true;
        }
      }
      if (hit) {
        ++cs.predicted_correct;
      } else {
        ev.spurious.push_back(id + " " + a.unit + " " + a.category + " \"" + doc->utf8(a.span) +
                              "\" [" + a.rule + "]");
      }
    }
    for (const auto& g : spans) {
      auto& cs = ev.by_category[g.category];
      ++cs.gold;
      if (g.found) {
        ++cs.gold_found;
      } else {
        ev.missed.push_back(g.label);
      }
    }
  }
  for (const auto& [cat, s] : ev.by_category) {
    ev.micro.predicted += s.predicted;
    ev.micro.predicted_correct += s.predicted_correct;
    ev.micro.gold += s.gold;
    ev.micro.gold_found += s.gold_found;
  }
  return ev;
}

Result<DeltaEvaluation> score_deltas(const std::vector<GoldDelta>& gold, const DocumentLoader& load,
                                     const DeltaFunction& deltas, const std::string& gold_path) {
  DeltaEvaluation ev;
  std::map<std::string, Document> cache;
  auto get = [&](const std::string& id) -> Result<const Document*> {
    auto it = cache.find(id);
    if (it == cache.end()) {
      auto d = load(id);
      if (!d.ok()) return d.status();
      it = cache.emplace(id, std::move(d.value())).first;
    }
    return &it->second;
  };
  for (const auto& g : gold) {
    auto a = get(g.a_doc);
    if (!a.ok()) return a.status();
    auto b = get(g.b_doc);
    if (!b.ok()) return b.status();
    for (const auto* side : {&g.a_units, &g.b_units}) {
      for (const auto& u : *side) {
        const Document* d = side == &g.a_units ? a.value() : b.value();
        if (resolve_unit(*d, u) != u) {
          return Status::error(ErrorCode::invalid_input,
                               "unit '" + u + "' not found in " + d->meta.id, gold_path, g.line, 1);
        }
      }
    }
    ++ev.gold;
    const auto got = deltas(*a.value(), g.a_units, *b.value(), g.b_units);
    std::string changes;
    bool ok = false;
    for (const auto& d : got) {
      if (d.dimension != g.dimension) continue;
      changes += (changes.empty() ? "" : ", ") + d.change;
      if (d.change == g.change) ok = true;
    }
    if (ok) {
      ++ev.correct;
    } else {
      ev.wrong.push_back(g.a_doc + " " + g.a_units.front() + " ~ " + g.b_doc + " " +
                         g.b_units.front() + ": " + g.dimension + " " + g.change +
                         " (got: " + (changes.empty() ? "nothing" : changes) + ")");
    }
  }
  return ev;
}

}  // namespace cd::corpus
