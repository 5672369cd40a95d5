// JSON renderers of the contract (docs/JSON.md). nlohmann::ordered_json keeps
// keys in insertion order, so the output is deterministic and matches the
// documented order.
#include "report/json.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <utility>

#include <nlohmann/json.hpp>

#include "report/json_writer.h"

namespace cd::report {
namespace {

using Json = nlohmann::ordered_json;

// Every string that reaches JSON is valid UTF-8 (the canonical text is
// repaired at ingest); `replace` is a belt for metadata from odd headers.
std::string dump(const Json& j) {
  return j.dump(2, ' ', false, nlohmann::detail::error_handler_t::replace) + "\n";
}

Json null_or(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json span_json(const Document& doc, Span s) {
  Json j;
  j["start"] = s.start;
  j["end"] = s.end;
  j["text"] = doc.utf8(s);
  return j;
}

Json meta_json(const DocumentMeta& m) {
  Json j;
  j["id"] = m.id;
  j["title"] = m.title;
  j["date"] = m.date;
  j["kind"] = m.kind;
  j["genre"] = m.genre;
  j["source"] = m.source;
  j["path"] = m.path;
  j["sha256"] = m.sha256;
  j["format"] = m.format;
  j["status"] = m.status;
  j["verified"] = m.verified;
  return j;
}

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::note:
      return "note";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "warning";
}

Json ids_json(const std::vector<std::string>& ids) {
  if (ids.empty()) return Json(nullptr);
  if (ids.size() == 1) return Json(ids.front());
  return Json(ids);
}

Json diff_op_json(const DiffOp& op, const Document& a, const Document& b, bool pair_keys) {
  Json j;
  const char* name = op.op == OpKind::equal ? "equal" : op.op == OpKind::del ? "delete" : "insert";
  j["op"] = name;
  j[pair_keys ? "a_start" : "old_start"] = op.a.start;
  j[pair_keys ? "a_end" : "old_end"] = op.a.end;
  j[pair_keys ? "b_start" : "new_start"] = op.b.start;
  j[pair_keys ? "b_end" : "new_end"] = op.b.end;
  j["text"] = op.op == OpKind::ins ? b.utf8(op.b) : a.utf8(op.a);
  if (op.move >= 0) j["move"] = op.move;
  return j;
}

Json annotation_json(const Document& doc, const Annotation& a) {
  Json j;
  j["id"] = a.id;
  j["start"] = a.span.start;
  j["end"] = a.span.end;
  j["text"] = doc.utf8(a.span);
  j["category"] = a.category;
  j["subtype"] = a.subtype;
  j["rule"] = a.rule;
  j["strength"] = a.strength;
  j["unit"] = null_or(a.unit);
  j["source"] = a.source;
  if (!a.reading.empty()) j["reading"] = a.reading;
  return j;
}

Json profile_json(const Profile& p) {
  Json j;
  j["unit"] = p.unit;
  Json slots = Json::object();
  for (const auto& [k, v] : p.slots) slots[k] = v;
  j["slots"] = slots;
  Json sets = Json::object();
  for (const auto& [k, v] : p.sets) sets[k] = v;
  j["sets"] = sets;
  return j;
}

Json delta_json(const Delta& d, const Document& a, const Document& b) {
  Json j;
  j["dimension"] = d.dimension;
  j["change"] = d.change;
  Json ae = Json::array();
  for (const auto& s : d.a_evidence) ae.push_back(span_json(a, s));
  Json be = Json::array();
  for (const auto& s : d.b_evidence) be.push_back(span_json(b, s));
  j["a_evidence"] = ae;
  j["b_evidence"] = be;
  j["explanation"] = d.explanation;
  return j;
}

// Variance of two renderings (compare/variance.h); null when the pair does
// not render one text.
Json variance_json(const std::optional<Variance>& v, const Document& a, const Document& b) {
  if (!v) return Json(nullptr);
  Json j;
  j["verdict"] = v->verdict;
  j["substantive"] = v->verdict == "substantive";
  j["partial"] = v->partial;
  j["a_start"] = v->a.start;
  j["a_end"] = v->a.end;
  j["b_start"] = v->b.start;
  j["b_end"] = v->b.end;
  // Every kind, in a fixed order, so that scripts need not test for a key.
  Json counts = Json::object();
  for (const char* kind : {"punctuation", "case", "spelling", "equivalent", "inflection",
                           "substitution", "added", "dropped"}) {
    counts[kind] = std::count_if(v->variants.begin(), v->variants.end(),
                                 [&](const Variant& x) { return x.kind == kind; });
  }
  j["counts"] = counts;
  Json items = Json::array();
  for (const auto& x : v->variants) {
    Json xj;
    xj["kind"] = x.kind;
    xj["a_start"] = x.a.start;
    xj["a_end"] = x.a.end;
    xj["a_text"] = a.utf8(x.a);
    xj["b_start"] = x.b.start;
    xj["b_end"] = x.b.end;
    xj["b_text"] = b.utf8(x.b);
    xj["note"] = x.note;
    items.push_back(xj);
  }
  j["variants"] = items;
  return j;
}

Json comparison_value(const Comparison& c) {
  Json j;
  j["a"] = meta_json(c.a.meta);
  j["b"] = meta_json(c.b.meta);
  Json pairs = Json::array();
  for (const auto& p : c.pairs) {
    Json pj;
    pj["a"] = ids_json(p.a);
    pj["b"] = ids_json(p.b);
    pj["score"] = std::round(p.score * 1000.0) / 1000.0;
    pj["kind"] = p.kind;
    pj["evidence"] = p.evidence;
    Json diff = Json::array();
    for (const auto& op : p.diff) diff.push_back(diff_op_json(op, c.a, c.b, true));
    // Moved, not copied: a comparison of large documents has thousands of
    // pairs, and each copy of a subtree is a deep copy.
    pj["diff"] = std::move(diff);
    Json deltas = Json::array();
    for (const auto& d : p.deltas) deltas.push_back(delta_json(d, c.a, c.b));
    pj["deltas"] = std::move(deltas);
    pj["variance"] = variance_json(p.variance, c.a, c.b);
    pairs.push_back(std::move(pj));
  }
  j["pairs"] = std::move(pairs);
  Json un;
  un["a"] = c.unaligned_a;
  un["b"] = c.unaligned_b;
  j["unaligned"] = un;
  Json summary = Json::object();
  for (const auto& [k, v] : c.summary) summary[k] = v;
  j["summary"] = summary;
  Json quotes = Json::array();
  for (const auto& q : c.quotations) {
    Json qj;
    qj["b_unit"] = q.b_unit;
    qj["b_start"] = q.b.start;
    qj["b_end"] = q.b.end;
    qj["text"] = c.b.utf8(q.b);
    qj["a_unit"] = q.a_unit;
    qj["a_start"] = q.a.start;
    qj["a_end"] = q.a.end;
    qj["a_text"] = c.a.utf8(q.a);
    qj["exact"] = q.exact;
    qj["score"] = std::round(q.score * 1000.0) / 1000.0;
    qj["dropped"] = q.dropped;
    qj["added"] = q.added;
    qj["variance"] = variance_json(q.variance, c.a, c.b);
    quotes.push_back(qj);
  }
  j["quotations"] = quotes;
  return j;
}

Json clauses_json(const Document& doc) {
  Json arr = Json::array();
  for (const auto& c : doc.clauses) {
    Json j;
    j["id"] = c.id;
    j["label"] = c.label;
    j["number"] = c.number;
    j["kind"] = c.kind;
    j["level"] = c.level;
    j["parent"] = null_or(c.parent);
    j["start"] = c.span.start;
    j["end"] = c.span.end;
    j["text"] = doc.utf8(c.span);
    j["body_start"] = c.body.start;
    j["body_end"] = c.body.end;
    if (!c.heading.empty()) j["heading"] = c.heading;
    const auto pos = doc.source.position_of(c.span.start);
    j["line"] = pos.line;
    j["column"] = pos.column;
    arr.push_back(j);
  }
  return arr;
}

Json sentences_json(const Document& doc) {
  Json arr = Json::array();
  for (const auto& s : doc.sentences) {
    Json j;
    j["id"] = s.id;
    j["unit"] = null_or(s.unit);
    j["start"] = s.span.start;
    j["end"] = s.span.end;
    j["text"] = doc.utf8(s.span);
    arr.push_back(j);
  }
  return arr;
}

Json diagnostics_json(const Document& doc) {
  Json arr = Json::array();
  for (const auto& d : doc.diagnostics) {
    Json j;
    j["severity"] = severity_name(d.severity);
    j["message"] = d.message;
    j["line"] = d.line;
    j["column"] = d.column;
    arr.push_back(j);
  }
  return arr;
}

}  // namespace

std::string ingest_json(const Document& doc) {
  Json j;
  j["document"] = meta_json(doc.meta);
  j["text"] = doc.utf8(Span{0, static_cast<uint32_t>(doc.text.size())});
  j["clauses"] = clauses_json(doc);
  j["sentences"] = sentences_json(doc);
  j["diagnostics"] = diagnostics_json(doc);
  return dump(j);
}

std::string annotate_json(const Document& doc, const std::vector<Annotation>& annotations,
                          const std::vector<Profile>& profiles) {
  Json j;
  j["document"] = meta_json(doc.meta);
  Json anns = Json::array();
  for (const auto& a : annotations) anns.push_back(annotation_json(doc, a));
  j["annotations"] = anns;
  Json profs = Json::array();
  for (const auto& p : profiles) profs.push_back(profile_json(p));
  j["profiles"] = profs;
  j["diagnostics"] = diagnostics_json(doc);
  return dump(j);
}

namespace {

void write_meta(JsonWriter& w, const DocumentMeta& m) {
  w.begin_object();
  const std::pair<const char*, const std::string*> fields[] = {
      {"id", &m.id},         {"title", &m.title},   {"date", &m.date},        {"kind", &m.kind},
      {"genre", &m.genre},   {"source", &m.source}, {"path", &m.path},        {"sha256", &m.sha256},
      {"format", &m.format}, {"status", &m.status}, {"verified", &m.verified}};
  for (const auto& [k, v] : fields) {
    w.key(k);
    w.string(*v);
  }
  w.end_object();
}

void write_ids(JsonWriter& w, const std::vector<std::string>& ids) {
  if (ids.empty()) {
    w.null();
  } else if (ids.size() == 1) {
    w.string(ids.front());
  } else {
    w.begin_array();
    for (const auto& id : ids) w.string(id);
    w.end_array();
  }
}

// "key": number members in the order given.
void write_counts(JsonWriter& w, std::initializer_list<std::pair<const char*, uint64_t>> fields) {
  for (const auto& [k, v] : fields) {
    w.key(k);
    w.number(v);
  }
}

std::u32string_view span_text(const Document& doc, Span s) {
  const auto n = static_cast<uint32_t>(doc.text.size());
  const uint32_t a = std::min(s.start, n);
  const uint32_t b = std::min(std::max(s.end, a), n);
  return std::u32string_view(doc.text).substr(a, b - a);
}

}  // namespace

// Streamed (json_writer.h): the ops of a 10 MB diff are too many for a DOM.
// Same bytes as the DOM renderers would give; the golden tests hold it.
DiffJson::DiffJson(const Document& older, const Document& newer)
    : older_(older), newer_(newer), writer_(std::make_unique<JsonWriter>(out_)) {}

DiffJson::~DiffJson() = default;

void DiffJson::write_ops(const EditScript& script) {
  out_.reserve(2 * (older_.text.size() + newer_.text.size()) + 128 * script.ops.size() + 4096);
  JsonWriter& w = *writer_;
  w.begin_object();
  w.key("old");
  write_meta(w, older_.meta);
  w.key("new");
  write_meta(w, newer_.meta);
  w.key("ops");
  w.begin_array();
  for (const auto& op : script.ops) {
    w.begin_object();
    w.key("op");
    w.string(op.op == OpKind::equal ? "equal" : op.op == OpKind::del ? "delete" : "insert");
    write_counts(w, {{"old_start", op.a.start},
                     {"old_end", op.a.end},
                     {"new_start", op.b.start},
                     {"new_end", op.b.end}});
    w.key("text");
    w.text(op.op == OpKind::ins ? span_text(newer_, op.b) : span_text(older_, op.a));
    if (op.move >= 0) {
      w.key("move");
      w.number(int64_t{op.move});
    }
    w.end_object();
  }
  w.end_array();
}

std::string DiffJson::finish(const EditScript& script, const std::vector<ClauseMapping>& clauses) {
  JsonWriter& w = *writer_;
  w.key("clauses");
  w.begin_array();
  for (const auto& m : clauses) {
    w.begin_object();
    w.key("old");
    write_ids(w, m.a);
    w.key("new");
    write_ids(w, m.b);
    w.key("status");
    w.string(m.status);
    w.key("similarity");
    w.number(std::round(m.similarity * 1000.0) / 1000.0);
    w.end_object();
  }
  w.end_array();
  w.key("moves");
  w.begin_array();
  for (const auto& m : script.moves) {
    w.begin_object();
    write_counts(w, {{"old_start", m.a.start},
                     {"old_end", m.a.end},
                     {"new_start", m.b.start},
                     {"new_end", m.b.end}});
    w.key("text");
    w.text(span_text(older_, m.a));
    w.key("similarity");
    w.number(m.similarity);
    if (m.similarity < 1.0) {
      w.key("new_text");
      w.text(span_text(newer_, m.b));
    }
    w.end_object();
  }
  w.end_array();
  w.key("stats");
  w.begin_object();
  write_counts(w, {{"tokens_old", script.stats.tokens_old},
                   {"tokens_new", script.stats.tokens_new},
                   {"tokens_deleted", script.stats.tokens_deleted},
                   {"tokens_inserted", script.stats.tokens_inserted}});
  w.key("approximate");
  w.boolean(script.stats.approximate);
  w.end_object();
  w.end_object();
  out_ += '\n';
  return std::move(out_);
}

std::string diff_json(const Document& older, const Document& newer, const EditScript& script,
                      const std::vector<ClauseMapping>& clauses) {
  DiffJson j(older, newer);
  j.write_ops(script);
  return j.finish(script, clauses);
}

std::string compare_json(const Comparison& c) { return dump(comparison_value(c)); }

std::string report_json(const ReportSet& set) {
  Json j;
  j["set"] = set.name;
  j["title"] = set.title;
  j["description"] = set.description;
  j["reference"] = set.reference;
  j["reference_units"] = set.reference_units;
  Json comps = Json::array();
  for (const auto& c : set.comparisons) comps.push_back(comparison_value(c));
  j["comparisons"] = comps;
  return dump(j);
}

std::string history_json(const std::vector<Document>& versions,
                         const std::vector<ClauseHistory>& history) {
  Json j;
  Json vs = Json::array();
  for (const auto& v : versions) vs.push_back(meta_json(v.meta));
  j["versions"] = vs;
  Json clauses = Json::array();
  const Document* last = versions.empty() ? nullptr : &versions.back();
  for (const auto& h : history) {
    Json hj;
    hj["clause"] = h.clause;
    Json chain = Json::array();
    for (const auto& id : h.chain) chain.push_back(null_or(id));
    hj["chain"] = chain;
    Json blame = Json::array();
    for (const auto& r : h.blame) {
      Json rj;
      rj["start"] = r.span.start;
      rj["end"] = r.span.end;
      rj["text"] = last ? last->utf8(r.span) : std::string();
      rj["version"] = r.version;
      blame.push_back(rj);
    }
    hj["blame"] = blame;
    clauses.push_back(hj);
  }
  j["clauses"] = clauses;
  return dump(j);
}

}  // namespace cd::report
