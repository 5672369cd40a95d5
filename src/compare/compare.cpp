#include "compare/compare.h"

#include "core/phase_timer.h"

#include <algorithm>
#include <future>
#include <map>
#include <set>
#include <unordered_map>

#include "align/align.h"
#include "compare/quotes.h"
#include "compare/variance.h"
#include "diff/diff.h"
#include "structure/structure.h"

namespace cd::compare {
namespace {

// From this many aligned pairs on, compare() diffs them in two threads.
constexpr std::size_t kParallelPairs = 64;

// A group of B units is diffed as one text: their bodies joined by a newline.
// The join is synthetic, so ops are mapped back to document offsets piece by
// piece and the synthetic separators are dropped (an equal op over a
// separator keeps its A side as a deletion), so that the ops still cover A's
// body and every B body exactly.
struct Piece {
  uint32_t concat_start;
  uint32_t concat_end;
  uint32_t doc_start;
};

std::vector<DiffOp> diff_pair(const Document& a, Span a_body, const Document& b,
                              const std::vector<Span>& b_bodies) {
  std::u32string joined;
  std::vector<Piece> pieces;
  for (std::size_t k = 0; k < b_bodies.size(); ++k) {
    if (k > 0) joined.push_back(U'\n');
    const Span s = b_bodies[k];
    pieces.push_back({static_cast<uint32_t>(joined.size()),
                      static_cast<uint32_t>(joined.size() + s.size()), s.start});
    joined.append(b.text, s.start, s.size());
  }
  const auto a_text = std::u32string_view(a.text).substr(a_body.start, a_body.size());
  diff::Options opt;
  const EditScript script = diff::diff_texts(a_text, joined, opt, a_body.start, 0);

  auto map_pos = [&](uint32_t c) -> uint32_t {
    for (const auto& p : pieces) {
      if (c <= p.concat_end) return p.doc_start + (c > p.concat_start ? c - p.concat_start : 0);
    }
    return pieces.empty()
               ? 0
               : pieces.back().doc_start + (pieces.back().concat_end - pieces.back().concat_start);
  };

  std::vector<DiffOp> out;
  for (const auto& op : script.ops) {
    if (op.op == OpKind::del) {
      DiffOp d = op;
      d.b = Span{map_pos(op.b.start), map_pos(op.b.start)};
      out.push_back(d);
      continue;
    }
    // Walk the B range piece by piece; gaps are synthetic separators.
    uint32_t c = op.b.start;
    uint32_t a_pos = op.a.start;
    while (c < op.b.end) {
      const Piece* inside = nullptr;
      for (const auto& p : pieces) {
        if (c >= p.concat_start && c < p.concat_end) inside = &p;
      }
      if (inside == nullptr) {
        // A separator character.
        if (op.op == OpKind::equal) {
          out.push_back(
              DiffOp{OpKind::del, Span{a_pos, a_pos + 1}, Span{map_pos(c), map_pos(c)}, -1});
          ++a_pos;
        }
        ++c;
        continue;
      }
      const uint32_t end = std::min(op.b.end, inside->concat_end);
      DiffOp d = op;
      d.b = Span{inside->doc_start + (c - inside->concat_start),
                 inside->doc_start + (end - inside->concat_start)};
      if (op.op == OpKind::equal) {
        d.a = Span{a_pos, a_pos + (end - c)};
        a_pos += end - c;
      } else {
        d.a = Span{a_pos, a_pos};
      }
      out.push_back(d);
      c = end;
    }
  }
  return out;
}

// Spans of a document's clauses and sentences by id (a hash index; clause
// ids are looked up first, as Document::clause() before sentence()).
class UnitIndex {
 public:
  explicit UnitIndex(const Document& doc) {
    // emplace keeps the first of an id, as the linear searches do.
    for (const auto& c : doc.clauses)
      units_.emplace(c.id, Spans{c.span, c.body.empty() ? c.span : c.body});
    for (const auto& s : doc.sentences) units_.emplace(s.id, Spans{s.span, s.span});
  }
  // The whole unit (a clause with its label).
  Span span(const std::string& id) const {
    auto it = units_.find(id);
    return it == units_.end() ? Span{} : it->second.span;
  }
  // The text that is diffed (a clause without its label).
  Span body(const std::string& id) const {
    auto it = units_.find(id);
    return it == units_.end() ? Span{} : it->second.body;
  }

 private:
  struct Spans {
    Span span;
    Span body;
  };
  std::unordered_map<std::string, Spans> units_;
};

// Alignment options for a comparison. Cue categories per unit help
// alignment across genres; reporting and wording categories (hedge,
// vagueness, bindingness) say nothing about which provision a text speaks
// of, so they are left out.
align::Options align_options(const std::vector<Annotation>& a_ann,
                             const std::vector<Annotation>& b_ann, const Options& options) {
  align::Options aopt;
  aopt.a_units = options.a_units;
  aopt.threshold = options.threshold;
  auto cue_sets = [](const std::vector<Annotation>& anns) {
    std::map<std::string, std::set<std::string>> out;
    for (const auto& an : anns) {
      if (an.unit.empty() || an.category == "hedge" || an.category == "vagueness" ||
          an.category == "bindingness")
        continue;
      out[an.unit].insert(an.category);
    }
    return out;
  };
  aopt.a_cues = cue_sets(a_ann);
  aopt.b_cues = cue_sets(b_ann);
  return aopt;
}

}  // namespace

Result<Document> load(const std::string& path, const ingest::Options& options,
                      const structure::Options& structure_options) {
  PhaseTimer timer("load");
  auto doc = ingest::ingest_file(path, options);
  if (!doc.ok()) return doc.status();
  timer.lap("ingest");
  structure::build(doc.value(), structure_options);
  timer.lap("structure");
  return doc;
}

std::vector<AlignedPair> align_documents(const Document& a, const Document& b,
                                         const annotate::RuleSet& rules, const Options& options) {
  auto al = align::align(
      a, b, align_options(annotate::annotate(a, rules), annotate::annotate(b, rules), options));
  pair_renderings(a, b, options.a_units, al.pairs, al.unaligned_a, al.unaligned_b);
  return al.pairs;
}

Comparison compare(Document a, Document b, const annotate::RuleSet& rules, const Options& options) {
  Comparison c;
  // The two documents are annotated at the same time: the rule search is
  // half of a comparison's work, the two runs share nothing but the
  // (read-only) compiled rules, and each writes only its own document's
  // diagnostics. std::async joins in the future's get(), before anything
  // reads B's annotations.
  auto b_done = std::async(std::launch::async, [&] {
    c.b_annotations = annotate::annotate(b, rules, &b.diagnostics);
    c.b_profiles = annotate::profiles(b, c.b_annotations);
  });
  c.a_annotations = annotate::annotate(a, rules, &a.diagnostics);
  c.a_profiles = annotate::profiles(a, c.a_annotations);
  b_done.get();

  auto alignment = align::align(a, b, align_options(c.a_annotations, c.b_annotations, options));
  pair_renderings(a, b, options.a_units, alignment.pairs, alignment.unaligned_a,
                  alignment.unaligned_b);

  // Annotations sorted by start, so that each pair takes only those inside
  // its units (binary search) instead of scanning all of them.
  // (Pointers into c's annotations, which stay in place until the end.)
  auto by_start = [](const std::vector<Annotation>& all) {
    std::vector<const Annotation*> v;
    v.reserve(all.size());
    for (const auto& an : all) v.push_back(&an);
    std::stable_sort(v.begin(), v.end(), [](const Annotation* x, const Annotation* y) {
      return x->span.start < y->span.start;
    });
    return v;
  };
  const auto a_sorted = by_start(c.a_annotations);
  const auto b_sorted = by_start(c.b_annotations);
  // Human annotations may name a unit without lying inside its span; they
  // are few, so they are picked out once rather than looked for per pair.
  auto human = [](const std::vector<const Annotation*>& sorted) {
    std::vector<const Annotation*> out;
    for (const Annotation* an : sorted) {
      if (an->source == "human" && !an->unit.empty()) out.push_back(an);
    }
    return out;
  };
  const auto a_human = human(a_sorted);
  const auto b_human = human(b_sorted);
  // Unit id -> spans, built once: Document::clause() and sentence() search
  // linearly, and were called several times per pair (5,000 pairs of
  // 5,000-clause documents: 10^8 string comparisons).
  const UnitIndex a_index(a);
  const UnitIndex b_index(b);
  auto inside = [](const std::vector<const Annotation*>& sorted,
                   const std::vector<const Annotation*>& hum, const UnitIndex& index,
                   const std::vector<std::string>& ids) {
    std::vector<Annotation> out;
    for (const auto& id : ids) {
      const Span s = index.span(id);
      auto it = std::lower_bound(sorted.begin(), sorted.end(), s.start,
                                 [](const Annotation* x, uint32_t v) { return x->span.start < v; });
      for (; it != sorted.end() && (*it)->span.start < s.end; ++it) {
        if (s.contains((*it)->span)) out.push_back(**it);
      }
    }
    for (const Annotation* an : hum) {
      if (std::find(ids.begin(), ids.end(), an->unit) != ids.end() &&
          std::none_of(out.begin(), out.end(), [&](const Annotation& o) { return o.id == an->id; }))
        out.push_back(*an);
    }
    return out;
  };
  auto fill = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) {
      auto& pair = alignment.pairs[k];
      std::vector<Span> b_bodies;
      for (const auto& id : pair.b) b_bodies.push_back(b_index.body(id));
      std::sort(b_bodies.begin(), b_bodies.end());
      const Span a_body = pair.a.empty() ? Span{} : a_index.body(pair.a.front());
      pair.diff = diff_pair(a, a_body, b, b_bodies);
      pair.deltas = annotate::deltas(a, pair.a, inside(a_sorted, a_human, a_index, pair.a), b,
                                     pair.b, inside(b_sorted, b_human, b_index, pair.b));
      // Two renderings of one text: how they differ (compare/variance.h).
      if (pair.a.size() == 1) pair.variance = pair_variance(a, a_body, b, b_bodies);
    }
  };
  // Pairs are independent (each writes only its own diff and deltas), so
  // many of them are split in two halves done at the same time; results do
  // not depend on the split.
  const std::size_t n_pairs = alignment.pairs.size();
  if (n_pairs >= kParallelPairs) {
    auto first_half = std::async(std::launch::async, fill, 0, n_pairs / 2);
    fill(n_pairs / 2, n_pairs);
    first_half.get();
  } else {
    fill(0, n_pairs);
  }
  // Summary: for each dimension, the change found in the best-scoring pair
  // that has one (pairs are scanned in descending score).
  std::vector<const AlignedPair*> by_score;
  for (const auto& p : alignment.pairs) by_score.push_back(&p);
  std::stable_sort(by_score.begin(), by_score.end(),
                   [](const AlignedPair* x, const AlignedPair* y) { return x->score > y->score; });
  for (const auto* p : by_score) {
    for (const auto& d : p->deltas) c.summary.emplace(d.dimension, d.change);
  }
  // What the aligner left out on a bounded run is the user's to know.
  for (const auto& n : alignment.notes) b.diagnostics.push_back(n);
  c.quotations = find_quotations(a, b);
  for (auto& q : c.quotations) q.variance = variance_of(a, q.a, b, q.b);
  // A pair whose B side quotes A word for word is a quotation.
  for (auto& p : alignment.pairs) {
    for (const auto& q : c.quotations) {
      if (q.exact && !p.a.empty() && p.a.front() == q.a_unit &&
          std::find(p.b.begin(), p.b.end(), q.b_unit) != p.b.end())
        p.kind = "quote";
    }
  }
  c.pairs = std::move(alignment.pairs);
  c.unaligned_a = std::move(alignment.unaligned_a);
  c.unaligned_b = std::move(alignment.unaligned_b);
  c.a = std::move(a);
  c.b = std::move(b);
  return c;
}

}  // namespace cd::compare
