// One aligned pair of the HTML report: the two sides as marked text (cues,
// evidence, word differences; see markup.h for how overlaps nest), then the
// deltas with links to their evidence and the inline word diff.
//
// Evidence inside a shown unit is marked in place; evidence outside every
// shown unit is quoted in the delta's own line, so each evidence id exists
// exactly once in the page whatever the compare stage produced.
#include <algorithm>
#include <charconv>

#include "report/describe.h"
#include "report/html_assets.h"
#include "report/html_parts.h"
#include "report/markup.h"

namespace cd::report::html_parts {

std::string token(std::string_view s) {
  std::string out;
  for (char ch : s) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
    out += ok ? ch : '-';
  }
  return out.empty() ? "other" : out;
}

std::string fixed2(double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
  return std::string(buf, r.ptr);
}

UnitMap unit_map(const Document& doc) {
  UnitMap m;
  for (auto& u : units_of(doc)) {
    const std::string id = u.id;
    m.emplace(id, std::move(u));
  }
  return m;
}

namespace {

std::string category_class(std::string_view category) {
  return std::string("k-") + category_style(category).id;
}

struct EvidenceRef {
  std::string id;
  std::string delta;
  Span span;
  bool in_text = false;
};

struct SideRender {
  const Document* doc = nullptr;
  const std::vector<Annotation>* annotations = nullptr;
  std::vector<const Unit*> units;
  bool is_a = true;
};

std::string cue_tip(const Annotation& a) {
  std::string tip = a.rule.empty() ? std::string("human annotation") : "rule " + a.rule;
  tip += " \u00B7 " + a.category;
  if (!a.subtype.empty()) tip += " / " + a.subtype;
  if (!a.reading.empty()) tip += " \u00B7 read as " + a.reading;
  if (!a.rationale.empty()) tip += " \u2014 " + collapse(a.rationale, 300);
  return tip;
}

// Which rendered unit (index) holds the span entirely; -1 when none.
int holder(const SideRender& side, Span s) {
  if (s.empty()) return -1;
  for (std::size_t i = 0; i < side.units.size(); ++i) {
    if (side.units[i]->body.contains(s)) return static_cast<int>(i);
  }
  return -1;
}

// `heading` is markup (its input-derived parts already escaped). A folded
// side sits in a closed <details> (the script opens it when a delta is
// activated; browsers open it for a #fragment too).
void render_side(std::string& o, const SideRender& side, const AlignedPair& pair,
                 const std::vector<EvidenceRef>& evidence, const std::string& heading,
                 const std::string& fold = "") {
  o += "<div class=\"side\">\n<h4>" + heading + "</h4>\n";
  if (!fold.empty()) o += "<details class=\"fold\"><summary>" + fold + "</summary>\n";
  if (side.units.empty()) o += "<p class=\"muted\">(no unit)</p>\n";
  for (std::size_t ui = 0; ui < side.units.size(); ++ui) {
    const Unit& u = *side.units[ui];
    std::vector<Mark> marks;
    for (const auto& ev : evidence) {
      if (!ev.in_text || holder(side, ev.span) != static_cast<int>(ui)) continue;
      Mark m;
      m.span = ev.span;
      m.open_first = "<span class=\"ev\" id=\"" + ev.id + "\" data-d=\"" + ev.delta + "\">";
      m.open_more = "<span class=\"ev\" data-d=\"" + ev.delta + "\">";
      m.close = "</span>";
      const std::string n = ev.delta.substr(ev.delta.rfind("-d") + 2);
      m.after = "<a class=\"evref\" href=\"#" + ev.delta + "\" aria-label=\"difference " + n +
                "\">" + n + "</a>";
      m.layer = 0;
      marks.push_back(std::move(m));
    }
    for (const auto& a : *side.annotations) {
      if (!a.span.overlaps(u.body)) continue;
      Mark m;
      m.span = a.span;
      const std::string cls = "cue " + category_class(a.category);
      const std::string tip = esc(cue_tip(a));
      m.open_first = "<span class=\"" + cls + "\" tabindex=\"0\" title=\"" + tip +
                     "\" data-tip=\"" + tip + "\">";
      m.open_more = "<span class=\"" + cls + "\">";
      m.close = "</span>";
      m.layer = 1;
      marks.push_back(std::move(m));
    }
    for (const auto& op : pair.diff) {
      if (op.op == OpKind::equal) continue;
      const bool mine = side.is_a ? op.op == OpKind::del : op.op == OpKind::ins;
      if (!mine) continue;
      const Span s = side.is_a ? op.a : op.b;
      if (!s.overlaps(u.body)) continue;
      const char* tag = side.is_a ? "del" : "ins";
      Mark m;
      m.span = s;
      m.open_first = m.open_more =
          std::string("<") + tag + (op.move >= 0 ? " class=\"mv\" title=\"moved\">" : ">");
      m.close = std::string("</") + tag + ">";
      m.layer = 2;
      marks.push_back(std::move(m));
    }
    if (side.units.size() > 1) {
      o += "<p class=\"ulabel\">" + esc(unit_label(*side.doc, u.id)) + "</p>\n";
    }
    o += "<p class=\"txt\">" + render_marked(*side.doc, u.body, std::move(marks)) + "</p>\n";
  }
  if (!fold.empty()) o += "</details>\n";
  o += "</div>\n";
}

void inline_diff(std::string& o, const Comparison& c, const AlignedPair& pair) {
  if (pair.diff.empty()) return;
  o += "<details class=\"inline-diff\"><summary>Inline word diff</summary>\n<p class=\"txt\">";
  for (const auto& op : pair.diff) {
    const std::string mv = op.move >= 0 ? " class=\"mv\" title=\"moved\"" : "";
    switch (op.op) {
      case OpKind::equal:
        o += esc(c.a.utf8(op.a));
        break;
      case OpKind::del:
        o += "<del" + mv + ">" + esc(c.a.utf8(op.a)) + "</del>";
        break;
      case OpKind::ins:
        o += "<ins" + mv + ">" + esc(c.b.utf8(op.b)) + "</ins>";
        break;
    }
  }
  o += "</p></details>\n";
}

void quote_list(std::string& o, const std::vector<std::string>& items, std::size_t more) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) o += "; ";
    o += esc(items[i]);
  }
  if (more > 0) o += " and " + num(more) + " more";
}

}  // namespace

void render_variance(std::string& o, const Comparison& c, const Variance& v, const std::string& id,
                     const std::string& title) {
  o += "<div class=\"variance v-" + token(v.verdict) + "\">\n<h4 id=\"" + id + "\">" + esc(title) +
       ": " + esc(v.verdict) + "</h4>\n<p class=\"para\">" + esc(variance_summary(v)) + "</p>\n";
  if (!v.variants.empty()) {
    o += "<ul class=\"variants\" aria-labelledby=\"" + id + "\">\n";
    for (const auto& x : v.variants) {
      o += "<li class=\"vk-" + token(x.kind) + "\">" + esc(variant_line(c.a, c.b, x)) + "</li>\n";
    }
    o += "</ul>\n";
  }
  o += "</div>\n";
}

void render_pair(std::string& o, const Comparison& c, std::size_t ci, std::size_t pi,
                 const UnitMap& ua, const UnitMap& ub) {
  const AlignedPair& pair = c.pairs[pi];
  const std::string pid = pair_id(ci, pi);
  SideRender a{&c.a, &c.a_annotations, {}, true};
  SideRender b{&c.b, &c.b_annotations, {}, false};
  std::vector<std::string> missing;
  for (const auto& id : pair.a) {
    if (auto it = ua.find(id); it != ua.end())
      a.units.push_back(&it->second);
    else
      missing.push_back(id);
  }
  for (const auto& id : pair.b) {
    if (auto it = ub.find(id); it != ub.end())
      b.units.push_back(&it->second);
    else
      missing.push_back(id);
  }

  // Evidence ids first: the side texts and the delta list both need them.
  std::vector<std::vector<EvidenceRef>> a_ev(pair.deltas.size()), b_ev(pair.deltas.size());
  std::vector<EvidenceRef> a_all, b_all;
  for (std::size_t di = 0; di < pair.deltas.size(); ++di) {
    const std::string did = delta_id(ci, pi, di);
    const Delta& d = pair.deltas[di];
    for (std::size_t ei = 0; ei < d.a_evidence.size(); ++ei) {
      EvidenceRef r{evidence_id(did, 'a', ei), did, d.a_evidence[ei], false};
      r.in_text = holder(a, r.span) >= 0;
      a_ev[di].push_back(r);
      a_all.push_back(r);
    }
    for (std::size_t ei = 0; ei < d.b_evidence.size(); ++ei) {
      EvidenceRef r{evidence_id(did, 'b', ei), did, d.b_evidence[ei], false};
      r.in_text = holder(b, r.span) >= 0;
      b_ev[di].push_back(r);
      b_all.push_back(r);
    }
  }

  const std::string a_name = units_label(c.a, pair.a);
  const std::string b_name = units_label(c.b, pair.b);
  o += "<article class=\"pair\" id=\"" + pid + "\" aria-labelledby=\"" + pid + "-h\">\n";
  o += "<h3 id=\"" + pid + "-h\">" + esc(a_name) + " \u2194 " + esc(b_name) + "</h3>\n";
  o += "<p class=\"pair-meta\">" + esc(pair.kind.empty() ? std::string("aligned") : pair.kind) +
       " \u00B7 similarity " + fixed2(pair.score);
  if (!pair.evidence.empty()) {
    std::string shared;
    for (std::size_t i = 0; i < pair.evidence.size() && i < 12; ++i) {
      if (i > 0) shared += ", ";
      shared += pair.evidence[i];
    }
    o += " \u00B7 shared: " + esc(shared);
  }
  o += "</p>\n";
  if (!missing.empty()) {
    std::string ids;
    for (const auto& m : missing) ids += (ids.empty() ? "" : ", ") + m;
    o += "<p class=\"muted\">Units not found in the documents: " + esc(ids) + "</p>\n";
  }
  o += "<div class=\"sbs\">\n";
  // A news story has many sentences about the same clause: the clause is
  // folded there, so the sentences, not the repeated clause, fill the page.
  const std::string fold =
      c.b.is_report() ? "Show " + esc(a_name) + " with this sentence\u2019s evidence marked" : "";
  render_side(o, a, pair, a_all,
              "Reference \u00B7 " + esc(short_title(c.a.meta)) + " \u00B7 " + esc(a_name), fold);
  render_side(o, b, pair, b_all,
              "Compared \u00B7 " + esc(short_title(c.b.meta)) + " \u00B7 " + esc(b_name));
  o += "</div>\n";

  if (c.b.is_report()) {
    const auto pc = paraphrase_changes(c, pair, 6);
    o += "<p class=\"para\">This sentence speaks about " + esc(a_name) + ". ";
    o += "<strong>Omits:</strong> ";
    if (pc.omits.empty())
      o += "nothing of substance";
    else
      quote_list(o, pc.omits, pc.more_omits);
    o += ". <strong>Adds:</strong> ";
    if (pc.adds.empty())
      o += "nothing of substance";
    else
      quote_list(o, pc.adds, pc.more_adds);
    o += ".</p>\n";
  }

  o += "<h4 id=\"" + pid + "-dh\">Differences (" + num(pair.deltas.size()) + ")</h4>\n";
  if (pair.deltas.empty()) {
    o += "<p class=\"muted\">No difference in the annotated dimensions.</p>\n";
  } else {
    o += "<ol class=\"deltas\" aria-labelledby=\"" + pid + "-dh\">\n";
    for (std::size_t di = 0; di < pair.deltas.size(); ++di) {
      const Delta& d = pair.deltas[di];
      const std::string did = delta_id(ci, pi, di);
      const Polarity pol = change_polarity(d.dimension, d.change);
      std::string first;
      for (const auto* list : {&a_ev[di], &b_ev[di]}) {
        for (const auto& r : *list) {
          if (first.empty()) first = r.id;
        }
      }
      o += "<li class=\"delta\" id=\"" + did + "\">";
      const std::string head = "<strong>" + esc(dimension_label(d.dimension)) + "</strong>";
      const std::string chip = "<span class=\"chg pol-" + std::string(polarity_name(pol)) +
                               "\"><span aria-hidden=\"true\">" + esc(change_symbol(d.change)) +
                               "</span> " + esc(d.change) + "</span>";
      o += "<span class=\"dhead\">";
      if (!first.empty()) {
        o += "<a class=\"dlink\" href=\"#" + first + "\">" + head + "</a> " + chip;
      } else {
        o += head + " " + chip;
      }
      o += "</span>\n";
      if (!d.explanation.empty()) o += "<p class=\"expl\">" + esc(d.explanation) + "</p>\n";
      auto ev_line = [&](const std::vector<EvidenceRef>& refs, const Document& doc,
                         const std::string& who) {
        if (refs.empty()) return;
        o += "<span class=\"side-name\">" + esc(who) + ":</span> ";
        for (std::size_t i = 0; i < refs.size(); ++i) {
          if (i > 0) o += " \u2026 ";
          const std::string q = collapse(doc.utf8(refs[i].span), 120);
          if (refs[i].in_text) {
            o += "<a href=\"#" + refs[i].id + "\">\u201C" + esc(q) + "\u201D</a>";
          } else {
            // Outside the units shown above: quoted here so the id still exists.
            o += "<q class=\"ev\" id=\"" + refs[i].id + "\" data-d=\"" + did + "\">" +
                 esc(q.empty() ? std::string("(empty span at ") + num(refs[i].span.start) + ")"
                               : q) +
                 "</q>";
          }
        }
      };
      if (!a_ev[di].empty() || !b_ev[di].empty()) {
        o += "<p class=\"evl\">Evidence \u2014 ";
        ev_line(a_ev[di], c.a, a_name);
        if (!a_ev[di].empty() && !b_ev[di].empty()) o += " \u00B7 ";
        ev_line(b_ev[di], c.b, b_name);
        if (b_ev[di].empty()) o += " \u00B7 nothing corresponding in the compared text";
        o += "</p>\n";
      }
      o += "</li>\n";
    }
    o += "</ol>\n";
  }
  if (pair.variance) render_variance(o, c, *pair.variance, pid + "-vh", "Source variance");
  inline_diff(o, c, pair);
  o += "</article>\n";
}

}  // namespace cd::report::html_parts
