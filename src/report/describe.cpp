// Shared wording of the reports. The summary is built from the deltas alone:
// no rule here knows about particular treaties, only about dimensions and
// the direction of a change from the protected party's side.
#include "report/describe.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/utf8.h"

namespace cd::report {
namespace {

struct DimensionInfo {
  const char* id;
  const char* label;  // column header
  const char* noun;   // object of the summary's verb: "narrows the trigger"
};

// Reading order of the matrix, and the priority of the summary: what decides
// whether help comes at all (trigger, obligation, discretion) comes first.
constexpr DimensionInfo kDimensions[] = {
    {"trigger", "Trigger", "the trigger"},
    {"obligation", "Obligation", "the obligation"},
    {"discretion", "Discretion", "discretion over the response"},
    {"means", "Means", "the means"},
    {"trigger_frame", "Trigger frame", "the framing of the attack"},
    {"obligor", "Obligor", "who is bound"},
    {"geo_scope", "Geographic scope", "the geographic scope"},
    {"immediacy", "Immediacy", "immediacy"},
    {"time_limit", "Time limit", "a time limit"},
    {"procedure", "Procedure", "a procedural step"},
    {"domestic_process", "Domestic process", "a domestic-process condition"},
    {"exception", "Exception", "an exception"},
    {"prohibition", "Prohibition", "a prohibition"},
    {"bindingness", "Bindingness", "the legal form"},
    {"hedge", "Hedge", "hedging"},
    {"vagueness", "Vagueness", "vague standards"},
};

const DimensionInfo* find_dimension(std::string_view id) {
  for (const auto& d : kDimensions) {
    if (id == d.id) return &d;
  }
  return nullptr;
}

int dimension_rank(std::string_view id) {
  int i = 0;
  for (const auto& d : kDimensions) {
    if (id == d.id) return i;
    ++i;
  }
  return i;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

bool has_word(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string verb_of(std::string_view change) {
  static const std::map<std::string, std::string, std::less<>> verbs = {
      {"weakened", "weakens"},
      {"strengthened", "strengthens"},
      {"narrowed", "narrows"},
      {"widened", "widens"},
      {"added", "adds"},
      {"removed", "removes"},
      {"changed", "changes"},
      {"shortened", "shortens"},
      {"lengthened", "lengthens"},
      {"implicit", "leaves implicit"},
      {"paraphrase", "paraphrases"},
      {"variance", "reports inconsistently"},
      {"uncertain", "may change"},
      {"mixed", "changes"}};
  auto it = verbs.find(change);
  return it != verbs.end() ? it->second : "changes";
}

std::string noun_of(std::string_view dimension) {
  if (const auto* d = find_dimension(dimension)) return d->noun;
  std::string s(dimension);
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

void add_sentence_end(std::string& s) {
  if (s.empty()) return;
  const char last = s.back();
  if (last != '.' && last != '!' && last != '?') s += '.';
}

std::string join_and(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? " and " : ", ";
    out += parts[i];
  }
  return out;
}

const Delta* first_delta(const Comparison& c, const std::string& dim, const std::string& change) {
  const Delta* any = nullptr;
  for (const auto& p : c.pairs) {
    for (const auto& d : p.deltas) {
      if (d.dimension != dim) continue;
      if (d.change == change) return &d;
      if (!any) any = &d;
    }
  }
  return any;
}

// Function words that say nothing about what a paraphrase drops or adds.
bool is_content_run(std::string_view text) {
  static const std::set<std::string, std::less<>> stop = {
      "a",  "an",   "the",  "and", "or",  "of", "to",  "in", "on",   "by",  "for", "with", "as",
      "at", "that", "this", "it",  "its", "is", "are", "be", "such", "any", "all", "which"};
  std::string word;
  bool content = false;
  auto flush = [&] {
    if (!word.empty() && !stop.contains(lower(word))) content = true;
    word.clear();
  };
  for (const char ch : text) {
    const auto u = static_cast<unsigned char>(ch);
    if (u >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
        (ch >= '0' && ch <= '9')) {
      word += ch;
    } else {
      flush();
    }
  }
  flush();
  return content;
}

}  // namespace

const std::vector<std::string>& dimension_order() {
  // The matrix reads like the taxonomy's worked example: force of the duty,
  // then the trigger, then who decides and how.
  static const std::vector<std::string> order = {
      "obligation", "prohibition", "trigger_frame", "trigger",   "geo_scope",        "discretion",
      "means",      "immediacy",   "time_limit",    "procedure", "domestic_process", "exception",
      "obligor",    "bindingness", "hedge",         "vagueness"};
  return order;
}

std::string dimension_label(std::string_view dimension) {
  if (const auto* d = find_dimension(dimension)) return d->label;
  std::string s(dimension);
  std::replace(s.begin(), s.end(), '_', ' ');
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string change_symbol(std::string_view change) {
  if (change == "weakened" || change == "shortened") return "\u25BC";       // ▼
  if (change == "strengthened" || change == "lengthened") return "\u25B2";  // ▲
  if (change == "narrowed") return "\u25B6\u25C0";                          // ▶◀
  if (change == "widened") return "\u25C0\u25B6";                           // ◀▶
  if (change == "added") return "+";
  if (change == "removed") return "\u2212";     // −
  if (change == "paraphrase") return "\u2248";  // ≈
  if (change == "implicit") return "\u25C7";    // ◇
  if (change == "uncertain") return "?";
  if (change == "variance") return "\u00B1";  // ±
  return "\u2260";                            // ≠
}

Polarity change_polarity(std::string_view dim, std::string_view change) {
  if (change == "weakened" || change == "narrowed" || change == "shortened")
    return Polarity::weaker;
  if (change == "strengthened" || change == "widened" || change == "lengthened")
    return Polarity::stronger;
  // For these dimensions, having the thing is bad for the protected party:
  // a new exception, procedure, or discretion over the response gives the
  // obligor a way out; a new time limit ends the guarantee.
  const bool presence_weakens = dim == "discretion" || dim == "procedure" ||
                                dim == "domestic_process" || dim == "exception" ||
                                dim == "time_limit" || dim == "hedge" || dim == "vagueness";
  // For these, having the thing is good: a prompt, framed, prohibited-to-abandon duty.
  const bool presence_strengthens =
      dim == "immediacy" || dim == "trigger_frame" || dim == "prohibition";
  if (change == "added") {
    if (presence_weakens) return Polarity::weaker;
    if (presence_strengthens) return Polarity::stronger;
  }
  if (change == "removed") {
    if (presence_weakens) return Polarity::stronger;
    if (presence_strengthens) return Polarity::weaker;
  }
  if (change == "implicit" && dim == "discretion") return Polarity::weaker;
  return Polarity::neutral;
}

const char* polarity_name(Polarity p) {
  switch (p) {
    case Polarity::weaker:
      return "weaker";
    case Polarity::stronger:
      return "stronger";
    case Polarity::neutral:
      return "neutral";
  }
  return "neutral";
}

std::vector<std::string> matrix_dimensions(const ReportSet& set) {
  std::set<std::string> seen;
  for (const auto& c : set.comparisons) {
    for (const auto& [dim, change] : c.summary) {
      if (!change.empty()) seen.insert(dim);
    }
    for (const auto& p : c.pairs) {
      for (const auto& d : p.deltas) seen.insert(d.dimension);
    }
  }
  std::vector<std::string> out;
  for (const auto& d : dimension_order()) {
    if (seen.erase(d)) out.push_back(d);
  }
  for (const auto& d : seen) {
    if (!d.empty()) out.push_back(d);  // std::set: already alphabetical
  }
  return out;
}

std::string cell_change(const Comparison& c, const std::string& dimension) {
  auto it = c.summary.find(dimension);
  if (it != c.summary.end() && !it->second.empty()) return it->second;
  std::string found;
  for (const auto& p : c.pairs) {
    for (const auto& d : p.deltas) {
      if (d.dimension != dimension) continue;
      if (found.empty()) {
        found = d.change;
      } else if (found != d.change) {
        return "mixed";
      }
    }
  }
  return found;
}

std::string short_title(const DocumentMeta& meta) {
  std::string t = meta.title.empty() ? meta.id : meta.title;
  // Titles carry their qualifications after a dash or a parenthesis:
  // "The North Atlantic Treaty (Washington Treaty) - English text, ...".
  std::size_t cut = t.size();
  for (const char* sep : {" - ", " (", " \u2013 ", " \u2014 ", ": "}) {
    const auto at = t.find(sep);
    if (at != std::string::npos && at >= 8 && at < cut) cut = at;
  }
  t = t.substr(0, cut);
  return collapse(t, 80);
}

std::string title_in_sentence(const DocumentMeta& meta) {
  std::string t = short_title(meta);
  if (t.rfind("The ", 0) == 0) t[0] = 't';
  return t;
}

std::string reference_name(const ReportSet& set, const Comparison& c) {
  std::vector<std::string> labels;
  for (const auto& id : set.reference_units) labels.push_back(unit_label(c.a, id));
  if (labels.empty()) return short_title(c.a.meta);
  return join_and(labels);
}

std::string document_noun(const DocumentMeta& meta) {
  const std::string kind = lower(meta.kind);
  const std::string flags = lower(meta.status + " " + meta.kind + " " + meta.title);
  if (meta.genre == "report" || kind == "news") return "the news report";
  if (kind == "draft" && (has_word(flags, "reported") || has_word(flags, "unofficial")))
    return "the reported draft";
  if (kind == "draft") return "the draft";
  if (kind == "treaty") return "the treaty";
  if (kind == "agreement") return "the agreement";
  return "the document";
}

std::string provenance_badge(const DocumentMeta& meta) {
  const std::string flags = lower(meta.status + " " + meta.kind);
  if (has_word(flags, "reported") || has_word(flags, "unofficial")) return "reported, unofficial";
  if (has_word(flags, "draft")) return "draft";
  if (meta.genre == "report" || lower(meta.kind) == "news") return "news report";
  return "";
}

std::string summarize(const ReportSet& set, const Comparison& c) {
  return summarize_parts(set, c).text;
}

Summary summarize_parts(const ReportSet& set, const Comparison& c) {
  Summary sum;
  const std::string ref = reference_name(set, c);
  const std::string noun = document_noun(c.b.meta);
  if (c.pairs.empty()) {
    sum.text =
        "No part of " + noun + " was aligned with " + ref + ", so nothing in it could be compared.";
    return sum;
  }
  struct Item {
    std::string dim;
    std::string change;
    Polarity polarity;
  };
  std::vector<Item> items;
  for (const auto& dim : matrix_dimensions(set)) {
    const std::string change = cell_change(c, dim);
    if (!change.empty()) items.push_back({dim, change, change_polarity(dim, change)});
  }
  if (items.empty()) {
    sum.text = "Compared with " + ref + ", " + noun +
               " shows no difference in the dimensions clausediff reads (obligation, trigger, "
               "discretion, means and the others in the matrix).";
    return sum;
  }
  // Weakening changes lead: they answer "does this draft give less?".
  std::stable_sort(items.begin(), items.end(), [](const Item& x, const Item& y) {
    const auto rank = [](Polarity p) {
      return p == Polarity::weaker ? 0 : p == Polarity::stronger ? 1 : 2;
    };
    if (rank(x.polarity) != rank(y.polarity)) return rank(x.polarity) < rank(y.polarity);
    return dimension_rank(x.dim) < dimension_rank(y.dim);
  });

  std::vector<std::string> lead;
  const std::size_t n_lead = std::min<std::size_t>(2, items.size());
  for (std::size_t i = 0; i < n_lead; ++i) {
    std::string phrase = verb_of(items[i].change) + " " + noun_of(items[i].dim);
    sum.emphasis.push_back(phrase);
    if (const Delta* d = first_delta(c, items[i].dim, items[i].change)) {
      const bool gone = items[i].change == "removed";
      const auto& spans = gone || d->b_evidence.empty() ? d->a_evidence : d->b_evidence;
      const Document& doc = gone || d->b_evidence.empty() ? c.a : c.b;
      const std::string q = quote_spans(doc, spans, 90);
      if (!q.empty()) phrase += " (\u201C" + q + "\u201D)";
    }
    lead.push_back(phrase);
  }
  std::string out = "Compared with " + ref + ", " + noun + " " + join_and(lead) + ".";

  // The rest, grouped by verb: "adds discretion and a procedural step; removes immediacy".
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  for (std::size_t i = n_lead; i < items.size(); ++i) {
    const std::string verb = verb_of(items[i].change);
    auto it =
        std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == verb; });
    if (it == groups.end()) {
      groups.push_back({verb, {}});
      it = std::prev(groups.end());
    }
    it->second.push_back(noun_of(items[i].dim));
  }
  if (!groups.empty()) {
    std::string rest;
    for (std::size_t i = 0; i < groups.size(); ++i) {
      if (i > 0) rest += "; ";
      rest += groups[i].first + " " + join_and(groups[i].second);
    }
    out += " It also " + rest + ".";
  }

  // Close with the explanation that says who decides: that is the nuance a
  // reader of "Article 5-style" needs (the obligation's form is left open).
  for (const char* dim : {"discretion", "obligor", "obligation", "means"}) {
    const std::string change = cell_change(c, dim);
    if (change.empty()) continue;
    const Delta* d = first_delta(c, dim, change);
    if (d && !d->explanation.empty()) {
      std::string e = collapse(d->explanation, 240);
      add_sentence_end(e);
      out += " " + e;
      break;
    }
  }
  sum.text = std::move(out);
  return sum;
}

std::string collapse(std::string_view utf8, std::size_t max_chars) {
  const std::u32string in = to_u32(utf8);
  std::u32string out;
  bool space = false;
  for (const char32_t ch : in) {
    const bool ws = ch == U' ' || ch == U'\t' || ch == U'\n' || ch == U'\r' || ch == 0xA0 ||
                    ch == 0x2028 || ch == 0x2029;
    if (ws) {
      space = !out.empty();
      continue;
    }
    if (space) out += U' ';
    space = false;
    out += ch;
  }
  if (max_chars > 0 && out.size() > max_chars) {
    out.resize(max_chars - 1);
    while (!out.empty() && out.back() == U' ') out.pop_back();
    out += U'\u2026';
  }
  return encode_utf8(out);
}

std::string quote_spans(const Document& doc, const std::vector<Span>& spans,
                        std::size_t max_chars) {
  std::string joined;
  for (const auto& s : spans) {
    const std::string t = collapse(doc.utf8(s));
    if (t.empty()) continue;
    if (!joined.empty()) joined += " \u2026 ";
    joined += t;
  }
  return collapse(joined, max_chars);
}

std::string sanitize_text(std::string_view utf8) {
  std::u32string t = to_u32(utf8);
  for (auto& ch : t) {
    if ((ch < 0x20 && ch != U'\t' && ch != U'\n') || (ch >= 0x7F && ch <= 0x9F)) ch = 0xFFFD;
  }
  return encode_utf8(t);
}

namespace {

// Bodies of the units a pair names, for choosing the cues that belong to it.
std::vector<Span> pair_bodies(const Document& doc, const std::vector<std::string>& ids) {
  std::vector<Span> out;
  for (const auto& u : units_of(doc)) {
    if (std::find(ids.begin(), ids.end(), u.id) != ids.end()) out.push_back(u.body);
  }
  return out;
}

// Cues of one side inside the pair's units whose words are mostly not kept by
// the diff (less than half of the span in equal ops), leaving out those a
// paraphrase delta says are restated in other words.
void changed_cues(const Document& doc, const std::vector<Annotation>& cues,
                  const std::vector<Span>& bodies, const std::vector<Span>& kept,
                  const std::vector<Span>& restated, std::vector<std::string>& list,
                  std::size_t& more, std::size_t max_items) {
  std::set<std::string> seen;
  for (const auto& a : cues) {
    const bool inside = std::any_of(bodies.begin(), bodies.end(),
                                    [&](const Span& b) { return b.contains(a.span); });
    if (!inside || a.span.empty()) continue;
    if (std::any_of(restated.begin(), restated.end(),
                    [&](const Span& r) { return r.overlaps(a.span); })) {
      continue;
    }
    uint32_t covered = 0;
    for (const auto& k : kept) {
      if (!k.overlaps(a.span)) continue;
      covered += std::min(k.end, a.span.end) - std::max(k.start, a.span.start);
    }
    if (covered * 2 >= a.span.size()) continue;
    const std::string item =
        "\u201C" + collapse(doc.utf8(a.span), 80) + "\u201D (" + dimension_label(a.category) + ")";
    if (!seen.insert(item).second) continue;
    if (list.size() < max_items) {
      list.push_back(item);
    } else {
      ++more;
    }
  }
}

}  // namespace

ParaphraseChanges paraphrase_changes(const Comparison& c, const AlignedPair& pair,
                                     std::size_t max_items) {
  ParaphraseChanges out;
  std::vector<Span> kept_a, kept_b;
  for (const auto& op : pair.diff) {
    if (op.op == OpKind::equal) {
      kept_a.push_back(op.a);
      kept_b.push_back(op.b);
    }
  }
  if (pair.diff.empty()) return out;  // no word diff: nothing to say either way
  std::vector<Span> restated_a, restated_b;
  for (const auto& d : pair.deltas) {
    if (d.change != "paraphrase") continue;
    restated_a.insert(restated_a.end(), d.a_evidence.begin(), d.a_evidence.end());
    restated_b.insert(restated_b.end(), d.b_evidence.begin(), d.b_evidence.end());
  }
  changed_cues(c.a, c.a_annotations, pair_bodies(c.a, pair.a), kept_a, restated_a, out.omits,
               out.more_omits, max_items);
  changed_cues(c.b, c.b_annotations, pair_bodies(c.b, pair.b), kept_b, restated_b, out.adds,
               out.more_adds, max_items);
  // Plain wording only where no cue speaks for that side: a paraphrase
  // rewords everything, and cues are what a reader needs.
  const bool words_a = out.omits.empty(), words_b = out.adds.empty();
  for (const auto& op : pair.diff) {
    if (op.op == OpKind::equal) continue;
    const bool del = op.op == OpKind::del;
    if (del ? !words_a : !words_b) continue;
    const std::string text = collapse(del ? c.a.utf8(op.a) : c.b.utf8(op.b), 60);
    if (text.empty() || !is_content_run(text)) continue;
    auto& list = del ? out.omits : out.adds;
    auto& more = del ? out.more_omits : out.more_adds;
    if (list.size() < max_items) {
      list.push_back("\u201C" + text + "\u201D");
    } else {
      ++more;
    }
  }
  return out;
}

std::string unit_label(const Document& doc, const std::string& id) {
  // A report's units are its sentences (model/document.h units_of).
  const Sentence* s = doc.sentence(id);
  if (s && (doc.is_report() || doc.clauses.empty())) {
    return "sentence " + (s->id.size() > 1 && s->id[0] == 's' ? s->id.substr(1) : s->id);
  }
  if (const Clause* cl = doc.clause(id)) {
    if (!cl->label.empty()) return collapse(cl->label, 60);
  }
  if (s) return "sentence " + (s->id.size() > 1 && s->id[0] == 's' ? s->id.substr(1) : s->id);
  return id;
}

std::string units_label(const Document& doc, const std::vector<std::string>& ids) {
  std::vector<std::string> labels;
  for (const auto& id : ids) labels.push_back(unit_label(doc, id));
  return join_and(labels);
}

std::string variance_summary(const Variance& v) {
  std::string counts;
  for (const char* kind : {"punctuation", "case", "spelling", "equivalent", "inflection",
                           "substitution", "added", "dropped"}) {
    const auto n = std::count_if(v.variants.begin(), v.variants.end(),
                                 [&](const Variant& x) { return x.kind == kind; });
    if (n == 0) continue;
    counts += (counts.empty() ? "" : ", ") + std::to_string(n) + " " + kind;
  }
  std::string s;
  if (v.verdict == "identical") {
    s = "The same text, word for word and mark for mark.";
  } else if (v.verdict == "cosmetic") {
    s = "The same words; the differences are cosmetic and leave the meaning as it was: " + counts +
        ".";
  } else if (v.verdict == "equivalent") {
    s = "Equivalent wording; nothing that changes the meaning: " + counts + ".";
  } else {
    s = "The wording differs in ways that may change the meaning: " + counts + ".";
  }
  // Why: a fragment or a cut copy is compared only where the two overlap.
  if (v.partial) s += " One side goes on beyond the shared stretch; only that stretch is compared.";
  return s;
}

std::string variant_line(const Document& a, const Document& b, const Variant& v,
                         std::size_t max_chars) {
  auto quoted = [&](const Document& d, Span s) {
    return s.empty() ? std::string("(nothing)")
                     : "\u201C" + collapse(d.utf8(s), max_chars) + "\u201D";
  };
  std::string s = v.kind + ": " + quoted(a, v.a) + " \u2192 " + quoted(b, v.b);
  if (!v.note.empty()) s += " (" + v.note + ")";
  return s;
}

}  // namespace cd::report
