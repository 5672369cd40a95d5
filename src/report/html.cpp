// The HTML report: overview matrix and summaries first, then one section per
// compared document with its aligned pairs side by side.
//
// Every input-derived string goes through esc() (html_escape); tags and
// attribute names are literals of this file. Ids are derived from positions
// (comparison, pair, delta, evidence index), never from input text, so they
// are unique and valid whatever the documents contain. No byte depends on the
// clock or the environment: the same ReportSet gives the same file.
#include "report/html.h"

#include <algorithm>
#include <map>
#include <set>

#include "report/describe.h"
#include "report/escape.h"
#include "report/html_assets.h"
#include "report/html_parts.h"

namespace cd::report {
namespace {

using namespace html_parts;

// ---- document helpers ----------------------------------------------------------

std::string badge_html(const DocumentMeta& meta) {
  const std::string b = provenance_badge(meta);
  if (b.empty()) return "";
  return " <span class=\"badge\">" + esc(b) + "</span>";
}

void provenance(std::string& o, const DocumentMeta& m) {
  o += "<dl class=\"prov\">\n";
  auto row = [&](const char* name, const std::string& value) {
    if (value.empty()) return;
    o += "<dt>";
    o += name;
    o += "</dt><dd>" + esc(value) + "</dd>\n";
  };
  row("Title", m.title);
  row("Date", m.date);
  row("Kind", m.kind + (m.genre.empty() ? "" : " (" + m.genre + ")"));
  row("Status", m.status);
  // Sources are shown as text, not links: the report loads nothing and sends
  // no reader anywhere without them copying the address on purpose.
  row("Source", m.source);
  if (!m.verified.empty()) {
    o += "<dt>Verification</dt><dd>";
    if (m.verified.size() > 240) {
      o += "<details><summary>" + esc(collapse(m.verified, 140)) + "</summary><p>" +
           esc(m.verified) + "</p></details>";
    } else {
      o += esc(m.verified);
    }
    o += "</dd>\n";
  }
  std::string file = m.path;
  if (!m.sha256.empty())
    file += (file.empty() ? "" : " \u00B7 ") + std::string("sha256 ") + m.sha256.substr(0, 16);
  row("File", file);
  o += "</dl>\n";
}

// ---- page parts ----------------------------------------------------------------

std::string page_title(const ReportSet& set) {
  return set.title.empty() ? "clausediff report" : set.title;
}

std::string ref_label(const ReportSet& set) {
  if (!set.comparisons.empty()) return reference_name(set, set.comparisons.front());
  return set.reference.empty() ? "the reference" : set.reference;
}

void head(std::string& o, const ReportSet& set) {
  o += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  o += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  o += "<meta name=\"generator\" content=\"clausediff\">\n";
  o += "<title>" + esc(page_title(set)) + " \u2014 clausediff</title>\n";
  o += "<style>" + report_css() + "</style>\n</head>\n";
}

void top(std::string& o, const ReportSet& set) {
  o += "<a class=\"skip\" href=\"#main\">Skip to the report</a>\n";
  o += "<header class=\"top\"><div class=\"page\">\n";
  o += "<p class=\"eyebrow\">clausediff report";
  if (!set.name.empty()) o += " \u00B7 set \u201C" + esc(set.name) + "\u201D";
  o += "</p>\n<h1>" + esc(page_title(set)) + "</h1>\n";
  if (!set.description.empty()) o += "<p class=\"lede\">" + esc(set.description) + "</p>\n";
  if (!set.comparisons.empty()) {
    const Comparison& c = set.comparisons.front();
    const std::string of = title_in_sentence(c.a.meta);
    o += "<p class=\"lede\"><strong>Reference:</strong> " + esc(ref_label(set)) + " of " + esc(of) +
         badge_html(c.a.meta);
    if (!c.a.meta.date.empty())
      o += " <span class=\"muted\">\u00B7 " + esc(c.a.meta.date) + "</span>";
    o += "</p>\n<details><summary>About the reference text</summary>\n";
    provenance(o, c.a.meta);
    o += "</details>\n";
  }
  o += "</div></header>\n";
}

void toc(std::string& o, const ReportSet& set) {
  o += "<nav class=\"toc\" aria-label=\"Contents\"><div class=\"page\"><ol>\n";
  o += "<li><a href=\"#overview\">Overview</a></li>\n";
  o += "<li><a href=\"#guide\">How to read</a></li>\n";
  for (std::size_t ci = 0; ci < set.comparisons.size(); ++ci) {
    o += "<li><a href=\"#" + doc_id(ci) + "\">" + esc(short_title(set.comparisons[ci].b.meta)) +
         "</a></li>\n";
  }
  o += "</ol></div></nav>\n";
}

// The summary with its leading verb phrases in <strong>, so the eye finds
// "narrows the trigger" first.
std::string summary_html(const ReportSet& set, const Comparison& c) {
  const Summary sum = summarize_parts(set, c);
  std::string html = esc(sum.text);
  std::size_t from = 0;
  for (const auto& phrase : sum.emphasis) {
    const std::string e = esc(phrase);
    const auto at = html.find(e, from);
    if (at == std::string::npos) continue;
    html.replace(at, e.size(), "<strong>" + e + "</strong>");
    from = at + e.size() + 17;
  }
  return html;
}

Polarity lead_polarity(const Comparison& c, const std::vector<std::string>& dims) {
  bool stronger = false;
  for (const auto& d : dims) {
    const std::string ch = cell_change(c, d);
    if (ch.empty()) continue;
    const Polarity p = change_polarity(d, ch);
    if (p == Polarity::weaker) return p;
    if (p == Polarity::stronger) stronger = true;
  }
  return stronger ? Polarity::stronger : Polarity::neutral;
}

void overview(std::string& o, const ReportSet& set) {
  const auto dims = matrix_dimensions(set);
  const std::string ref = ref_label(set);
  o += "<section id=\"overview\" aria-labelledby=\"overview-h\">\n";
  o += "<h2 id=\"overview-h\">Overview: what each text changes against " + esc(ref) + "</h2>\n";
  if (set.comparisons.empty()) {
    o += "<p>This set compares no documents.</p>\n</section>\n";
    return;
  }
  o += "<div class=\"scroll\" role=\"region\" aria-labelledby=\"matrix-cap\" tabindex=\"0\">\n";
  o += "<table class=\"matrix\">\n<caption id=\"matrix-cap\">Differences from " + esc(ref) +
       ", read from the protected party\u2019s side (red: gives less, green: gives more, blue: "
       "changed)</caption>\n<thead><tr><th scope=\"col\">Document</th>";
  for (const auto& d : dims) o += "<th scope=\"col\">" + esc(dimension_label(d)) + "</th>";
  o += "</tr></thead>\n<tbody>\n";
  for (std::size_t ci = 0; ci < set.comparisons.size(); ++ci) {
    const Comparison& c = set.comparisons[ci];
    o += "<tr><th scope=\"row\"><a href=\"#" + doc_id(ci) + "\">" + esc(short_title(c.b.meta)) +
         "</a>" + badge_html(c.b.meta) + "</th>";
    if (c.pairs.empty() && !dims.empty()) {
      // Nothing aligned: say so once instead of a row of "no difference".
      o += "<td class=\"none unaligned-row\" colspan=\"" + num(dims.size()) +
           "\">no part aligned with " + esc(ref) + "</td></tr>\n";
      continue;
    }
    for (const auto& d : dims) {
      const std::string ch = cell_change(c, d);
      if (ch.empty()) {
        o += "<td class=\"none\"><span aria-hidden=\"true\">\u00B7</span><span class=\"vh\">no "
             "difference found</span></td>";
        continue;
      }
      o += "<td class=\"pol-" + std::string(polarity_name(change_polarity(d, ch))) +
           "\" data-dim=\"" + esc(token(d)) + "\" data-change=\"" + esc(token(ch)) +
           "\"><span class=\"sym\" aria-hidden=\"true\">" + esc(change_symbol(ch)) + "</span>" +
           esc(ch) + "</td>";
    }
    o += "</tr>\n";
  }
  o += "</tbody>\n</table>\n</div>\n";
  o += "<h3 id=\"summaries-h\">In short</h3>\n<ul class=\"summaries\" "
       "aria-labelledby=\"summaries-h\">\n";
  for (std::size_t ci = 0; ci < set.comparisons.size(); ++ci) {
    const Comparison& c = set.comparisons[ci];
    o += "<li class=\"lead-" + std::string(polarity_name(lead_polarity(c, dims))) +
         "\"><a href=\"#" + doc_id(ci) + "\"><strong>" + esc(short_title(c.b.meta)) +
         "</strong></a>" + badge_html(c.b.meta) + "<p>" + summary_html(set, c) + "</p></li>\n";
  }
  o += "</ul>\n</section>\n";
}

std::set<std::string> categories_used(const ReportSet& set) {
  std::set<std::string> used;
  for (const auto& c : set.comparisons) {
    for (const auto* list : {&c.a_annotations, &c.b_annotations}) {
      for (const auto& a : *list) used.insert(category_style(a.category).id);
    }
  }
  return used;
}

void guide(std::string& o, const ReportSet& set) {
  o += "<section id=\"guide\" aria-labelledby=\"guide-h\">\n<h2 id=\"guide-h\">How to read this "
       "report</h2>\n";
  o += "<p>Each change is read from the compared text relative to the reference, from the side "
       "of the party the guarantee protects: a <em>narrower</em> trigger means fewer events "
       "count, a <em>weaker</em> obligation binds less.</p>\n";
  o += "<ul class=\"key\" aria-label=\"Symbols\">";
  for (const char* ch : {"weakened", "strengthened", "narrowed", "widened", "added", "removed",
                         "changed", "implicit", "paraphrase", "uncertain"}) {
    o += "<li><span aria-hidden=\"true\">" + esc(change_symbol(ch)) + "</span> " + ch + "</li>";
  }
  o += "</ul>\n<ul class=\"key\" aria-label=\"Colours\">"
       "<li><span class=\"chip pol-weaker\">red</span> gives the protected party less</li>"
       "<li><span class=\"chip pol-stronger\">green</span> gives it more</li>"
       "<li><span class=\"chip pol-neutral\">blue</span> different, neither more nor less</li>"
       "<li><del class=\"sd\">overlined</del> words found on one side only "
       "(side-by-side texts)</li>"
       "<li><del>struck through</del> / <ins>overlined</ins> words only in the reference / only "
       "in the compared text (inline diff)</li>"
       "<li><del class=\"mv\">dotted</del> moved words</li>"
       "<li><span class=\"evref\">3</span> evidence for difference 3</li></ul>\n";
  const auto used = categories_used(set);
  o += "<h3 id=\"legend-h\">Cue categories</h3>\n<p>Cues the rules found are tinted and "
       "underlined by category; focus or hover one for its rule and the reason.</p>\n";
  o += "<ul class=\"legend\" aria-labelledby=\"legend-h\">\n";
  for (const auto& s : category_styles()) {
    if (!used.contains(s.id)) continue;
    o += "<li><span class=\"cue k-" + std::string(s.id) + "\">" + esc(s.label) + "</span> \u2014 " +
         esc(s.marks) + " <span class=\"muted\">(" + esc(s.line) + " underline)</span></li>\n";
  }
  o += "</ul>\n";
  if (!used.empty()) {
    // Shown by the script: without it there is nothing to filter with.
    o += "<fieldset id=\"filters\" hidden><legend>Show in the texts</legend>\n";
    for (const auto& s : category_styles()) {
      if (!used.contains(s.id)) continue;
      o += "<label><input type=\"checkbox\" checked data-cat=\"k-" + std::string(s.id) + "\"> " +
           esc(s.label) + "</label>\n";
    }
    o += "<label><input type=\"checkbox\" checked id=\"show-diff\"> word differences in the "
         "side-by-side texts</label>\n";
    o += "</fieldset>\n";
  }
  o += "</section>\n";
}

void unaligned(std::string& o, const Comparison& c, std::size_t ci, const UnitMap& ua,
               const UnitMap& ub) {
  if (c.unaligned_a.empty() && c.unaligned_b.empty()) return;
  const std::string hid = doc_id(ci) + "-un";
  o += "<h3 id=\"" + hid + "\">Not aligned</h3>\n";
  auto list = [&](const std::vector<std::string>& ids, const Document& doc, const UnitMap& units,
                  const std::string& where) {
    if (ids.empty()) return;
    o += "<details class=\"unaligned\"><summary>" + num(ids.size()) + " unit" +
         (ids.size() == 1 ? "" : "s") + " of " + esc(where) +
         " with no counterpart</summary>\n<ul>\n";
    for (const auto& id : ids) {
      o += "<li><strong>" + esc(unit_label(doc, id)) + "</strong>";
      if (auto it = units.find(id); it != units.end()) {
        o += " \u2014 " + esc(collapse(doc.utf8(it->second.body), 160));
      }
      o += "</li>\n";
    }
    o += "</ul></details>\n";
  };
  list(c.unaligned_a, c.a, ua, "the reference");
  list(c.unaligned_b, c.b, ub, short_title(c.b.meta));
}

// Where the compared text quotes the reference: exactly, or with words
// dropped or added (a misquote changes what a reader thinks the treaty says).
void quotations(std::string& o, const Comparison& c, std::size_t ci) {
  if (c.quotations.empty()) return;
  const std::string hid = doc_id(ci) + "-q";
  o += "<h3 id=\"" + hid + "\">Quotations of the reference (" + num(c.quotations.size()) +
       ")</h3>\n<ul class=\"quotes\" aria-labelledby=\"" + hid + "\">\n";
  for (std::size_t qi = 0; qi < c.quotations.size(); ++qi) {
    const Quotation& q = c.quotations[qi];
    o += "<li><strong>" + esc(unit_label(c.b, q.b_unit)) + "</strong> quotes " +
         esc(unit_label(c.a, q.a_unit));
    if (q.exact) {
      o += " exactly: <q>" + esc(collapse(c.b.utf8(q.b), 300)) + "</q>";
    } else {
      o += " with changes (" + num(static_cast<std::size_t>(q.score * 100.0 + 0.5)) +
           "% of the words in order): <q>" + esc(collapse(c.b.utf8(q.b), 300)) +
           "</q>; the reference reads <q>" + esc(collapse(c.a.utf8(q.a), 300)) + "</q>";
      auto words = [&](const char* what, const std::vector<std::string>& list) {
        if (list.empty()) return;
        o += ". ";
        o += what;
        o += ": ";
        for (std::size_t i = 0; i < list.size(); ++i) {
          o += (i ? ", " : "") + ("\u201C" + esc(list[i]) + "\u201D");
        }
      };
      words("Dropped", q.dropped);
      words("Added", q.added);
    }
    o += ".";
    // An exact quotation may still differ in its marks (a serial comma).
    if (q.variance && q.variance->verdict != "identical") {
      render_variance(o, c, *q.variance, hid + num(qi + 1) + "-v", "Variance");
    }
    o += "</li>\n";
  }
  o += "</ul>\n";
}

void comparison_section(std::string& o, const ReportSet& set, const Comparison& c, std::size_t ci) {
  const std::string id = doc_id(ci);
  const UnitMap ua = unit_map(c.a);
  const UnitMap ub = unit_map(c.b);
  o += "<section class=\"doc\" id=\"" + id + "\" aria-labelledby=\"" + id + "-h\">\n";
  o += "<h2 id=\"" + id + "-h\">" + esc(short_title(c.b.meta)) + badge_html(c.b.meta) + "</h2>\n";
  o += "<p class=\"doc-summary\">" + summary_html(set, c) + "</p>\n";
  o += "<details><summary>Provenance</summary>\n";
  provenance(o, c.b.meta);
  o += "</details>\n";
  quotations(o, c, ci);
  if (c.pairs.empty()) o += "<p class=\"muted\">No aligned pairs.</p>\n";
  for (std::size_t pi = 0; pi < c.pairs.size(); ++pi) render_pair(o, c, ci, pi, ua, ub);
  unaligned(o, c, ci, ua, ub);
  o += "<p class=\"back\"><a href=\"#overview\">Back to the overview</a></p>\n";
  o += "</section>\n";
}

}  // namespace

std::string render_html(const ReportSet& set) {
  std::string o;
  o.reserve(1 << 16);
  head(o, set);
  o += "<body>\n";
  top(o, set);
  toc(o, set);
  o += "<main id=\"main\"><div class=\"page\">\n";
  overview(o, set);
  guide(o, set);
  for (std::size_t ci = 0; ci < set.comparisons.size(); ++ci)
    comparison_section(o, set, set.comparisons[ci], ci);
  o += "</div></main>\n";
  o += "<footer><div class=\"page\">Made with clausediff. Spans are marked by rules and read "
       "by people: check the texts before you quote a finding. Sources are listed as text; this "
       "file loads nothing from the network.</div></footer>\n";
  o += "<script>" + std::string(report_script()) + "</script>\n</body>\n</html>\n";
  return o;
}

}  // namespace cd::report
