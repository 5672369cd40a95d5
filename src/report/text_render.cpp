// Markdown (for tickets) and terminal renderings of a report set, and the
// terminal word diff. They say what the HTML overview says, in the same words
// (describe.h); input text is sanitized so that no document can inject
// terminal escapes or break a Markdown table.
#include "report/text_render.h"

#include <algorithm>

#include "report/describe.h"

namespace cd::report {
namespace {

// ---- Markdown ----------------------------------------------------------------------

// Inside a table cell: no newlines, no pipes.
std::string md_cell(std::string_view s) {
  std::string out;
  for (const char ch : collapse(sanitize_text(s))) {
    if (ch == '|') {
      out += "\\|";
    } else {
      out += ch;
    }
  }
  return out;
}

// Inline text: one line, with the characters that would start emphasis or
// links escaped.
std::string md_text(std::string_view s) {
  std::string out;
  for (const char ch : collapse(sanitize_text(s))) {
    if (ch == '*' || ch == '_' || ch == '`' || ch == '[' || ch == ']' || ch == '<' || ch == '>' ||
        ch == '|' || ch == '\\') {
      out += '\\';
    }
    out += ch;
  }
  return out;
}

std::string md_badge(const DocumentMeta& meta) {
  const std::string b = provenance_badge(meta);
  return b.empty() ? "" : " *(" + b + ")*";
}

// ---- terminal ------------------------------------------------------------------------

struct Ansi {
  bool on = false;
  std::string wrap(std::string_view code, const std::string& s) const {
    if (!on || s.empty()) return s;
    return "\x1b[" + std::string(code) + "m" + s + "\x1b[0m";
  }
  std::string bold(const std::string& s) const { return wrap("1", s); }
  std::string dim(const std::string& s) const { return wrap("2", s); }
  std::string polar(Polarity p, const std::string& s) const {
    switch (p) {
      case Polarity::weaker:
        return wrap("31", s);
      case Polarity::stronger:
        return wrap("32", s);
      case Polarity::neutral:
        return wrap("36", s);
    }
    return s;
  }
};

std::string plain(std::string_view s, std::size_t max = 0) {
  return collapse(sanitize_text(s), max);
}

}  // namespace

std::string render_markdown(const ReportSet& set) {
  std::string o;
  const auto dims = matrix_dimensions(set);
  o += "# " + md_text(set.title.empty() ? "clausediff report" : set.title) + "\n\n";
  if (!set.description.empty()) o += md_text(set.description) + "\n\n";
  if (!set.comparisons.empty()) {
    const Comparison& first = set.comparisons.front();
    o += "**Reference:** " + md_text(reference_name(set, first)) + " of " +
         md_text(title_in_sentence(first.a.meta));
    if (!first.a.meta.date.empty()) o += " \u00B7 " + md_text(first.a.meta.date);
    o += "\n\n";
  }

  o += "## Overview\n\n";
  if (set.comparisons.empty()) {
    o += "This set compares no documents.\n";
    return o;
  }
  o += "| Document |";
  for (const auto& d : dims) o += " " + md_cell(dimension_label(d)) + " |";
  o += "\n|---|";
  for (std::size_t i = 0; i < dims.size(); ++i) o += ":---:|";
  o += "\n";
  for (const auto& c : set.comparisons) {
    std::string name = short_title(c.b.meta);
    const std::string badge = provenance_badge(c.b.meta);
    if (!badge.empty()) name += " (" + badge + ")";
    o += "| " + md_cell(name) + " |";
    if (c.pairs.empty()) {
      // Same shape as the other rows: a table cannot span columns.
      for (std::size_t i = 0; i < dims.size(); ++i) o += i == 0 ? " not aligned |" : " |";
      o += "\n";
      continue;
    }
    for (const auto& d : dims) {
      const std::string ch = cell_change(c, d);
      o +=
          " " + (ch.empty() ? std::string("\u00B7") : md_cell(change_symbol(ch) + " " + ch)) + " |";
    }
    o += "\n";
  }
  o += "\nSymbols: \u25BC weakened, \u25B2 strengthened, \u25B6\u25C0 narrowed, \u25C0\u25B6 "
       "widened, + added, \u2212 removed, \u2260 changed, \u2248 paraphrase, \u00B7 no "
       "difference found. Read from the protected party's side.\n\n";

  for (const auto& c : set.comparisons) {
    o += "## " + md_text(short_title(c.b.meta)) + md_badge(c.b.meta) + "\n\n";
    o += md_text(summarize(set, c)) + "\n\n";
    std::string prov;
    if (!c.b.meta.date.empty()) prov += "Date: " + md_text(c.b.meta.date);
    if (!c.b.meta.status.empty())
      prov += (prov.empty() ? "" : " \u00B7 ") + ("Status: " + md_text(c.b.meta.status));
    if (!c.b.meta.source.empty())
      prov +=
          (prov.empty() ? "" : " \u00B7 ") + ("Source: " + md_text(collapse(c.b.meta.source, 300)));
    if (!prov.empty()) o += "*" + prov + "*\n\n";
    for (const auto& q : c.quotations) {
      o += "- " + md_text(unit_label(c.b, q.b_unit)) + " quotes " +
           md_text(unit_label(c.a, q.a_unit)) + (q.exact ? " exactly" : " with changes") +
           ": \u201C" + md_text(collapse(c.b.utf8(q.b), 300)) + "\u201D";
      if (!q.exact)
        o += " (the reference reads \u201C" + md_text(collapse(c.a.utf8(q.a), 300)) + "\u201D)";
      o += "\n";
      if (q.variance && q.variance->verdict != "identical") {
        o += "  - Variance: " + md_text(variance_summary(*q.variance)) + "\n";
        for (const auto& v : q.variance->variants)
          o += "  - " + md_text(variant_line(c.a, c.b, v)) + "\n";
      }
    }
    if (!c.quotations.empty()) o += "\n";
    for (const auto& pair : c.pairs) {
      o += "### " + md_text(units_label(c.a, pair.a)) + " \u2194 " +
           md_text(units_label(c.b, pair.b));
      if (!pair.kind.empty()) o += " (" + md_text(pair.kind) + ")";
      o += "\n\n";
      if (c.b.is_report()) {
        const auto pc = paraphrase_changes(c, pair);
        auto joined = [](const std::vector<std::string>& v, std::size_t more) {
          std::string s;
          for (const auto& t : v) s += (s.empty() ? "" : "; ") + md_text(t);
          if (more) s += " and " + std::to_string(more) + " more";
          return s.empty() ? std::string("nothing of substance") : s;
        };
        o += "Omits: " + joined(pc.omits, pc.more_omits) +
             ". Adds: " + joined(pc.adds, pc.more_adds) + ".\n\n";
      }
      if (pair.deltas.empty()) o += "No difference in the annotated dimensions.\n\n";
      for (const auto& d : pair.deltas) {
        o += "- **" + md_text(dimension_label(d.dimension)) + " " + md_text(d.change) + "** " +
             change_symbol(d.change);
        if (!d.explanation.empty()) o += " \u2014 " + md_text(d.explanation);
        o += "\n";
        const std::string qa = quote_spans(c.a, d.a_evidence, 200);
        const std::string qb = quote_spans(c.b, d.b_evidence, 200);
        if (!qa.empty())
          o += "  > " + md_text(units_label(c.a, pair.a)) + ": \u201C" + md_text(qa) + "\u201D\n";
        if (!qa.empty() && !qb.empty()) o += "  >\n";
        if (!qb.empty())
          o += "  > " + md_text(short_title(c.b.meta)) + ": \u201C" + md_text(qb) + "\u201D\n";
      }
      if (!pair.deltas.empty()) o += "\n";
      // A "same" pair that is identical mark for mark has nothing to add.
      if (pair.variance && !(pair.kind == "same" && pair.variance->verdict == "identical")) {
        o += "**Source variance: " + md_text(pair.variance->verdict) + ".** " +
             md_text(variance_summary(*pair.variance)) + "\n\n";
        for (const auto& v : pair.variance->variants)
          o += "- " + md_text(variant_line(c.a, c.b, v)) + "\n";
        if (!pair.variance->variants.empty()) o += "\n";
      }
    }
    if (!c.unaligned_b.empty()) {
      o += "Not aligned in this document: ";
      for (std::size_t i = 0; i < c.unaligned_b.size(); ++i) {
        o += (i ? ", " : "") + md_text(unit_label(c.b, c.unaligned_b[i]));
      }
      o += ".\n\n";
    }
  }
  return o;
}

std::string render_terminal(const ReportSet& set, bool color) {
  const Ansi ansi{color};
  std::string o;
  const auto dims = matrix_dimensions(set);
  o += ansi.bold(plain(set.title.empty() ? "clausediff report" : set.title)) + "\n";
  if (!set.comparisons.empty()) {
    const Comparison& first = set.comparisons.front();
    o += "Reference: " + plain(reference_name(set, first)) + " of " +
         plain(title_in_sentence(first.a.meta)) + "\n";
  }
  if (set.comparisons.empty()) {
    o += "\nThis set compares no documents.\n";
    return o;
  }
  for (const auto& c : set.comparisons) {
    o += "\n" + ansi.bold(plain(short_title(c.b.meta)));
    const std::string badge = provenance_badge(c.b.meta);
    if (!badge.empty()) o += " " + ansi.wrap("33", "[" + badge + "]");
    o += "\n";
    // The overview row as a list: a matrix of 15 columns does not fit a terminal.
    std::string row;
    for (const auto& d : dims) {
      const std::string ch = cell_change(c, d);
      if (ch.empty()) continue;
      if (!row.empty()) row += ", ";
      row += ansi.polar(change_polarity(d, ch),
                        change_symbol(ch) + " " + plain(dimension_label(d)) + " " + plain(ch));
    }
    if (!row.empty()) o += "  " + row + "\n";
    o += "  " + plain(summarize(set, c)) + "\n";
    // Quotations that render the quoted words differently (two outlets'
    // wordings of one draft): the only place the terminal lists quotations.
    for (const auto& q : c.quotations) {
      if (!q.variance || q.variance->verdict == "identical") continue;
      o += "  " +
           ansi.dim("Quotation in " + plain(unit_label(c.b, q.b_unit)) + " of " +
                    plain(unit_label(c.a, q.a_unit)) + ": \u201C" + plain(c.b.utf8(q.b), 120) +
                    "\u201D") +
           "\n";
      o += "    " + ansi.bold("Variance: " + q.variance->verdict) + ": " +
           plain(variance_summary(*q.variance)) + "\n";
      for (const auto& v : q.variance->variants)
        o += "      " + plain(variant_line(c.a, c.b, v)) + "\n";
    }
    for (const auto& pair : c.pairs) {
      o += "  " +
           ansi.dim(plain(units_label(c.a, pair.a)) + " <-> " + plain(units_label(c.b, pair.b)) +
                    (pair.kind.empty() ? "" : " (" + plain(pair.kind) + ")")) +
           "\n";
      for (const auto& d : pair.deltas) {
        const Polarity p = change_polarity(d.dimension, d.change);
        o +=
            "    " + ansi.polar(p, change_symbol(d.change) + " " +
                                       plain(dimension_label(d.dimension)) + " " + plain(d.change));
        if (!d.explanation.empty()) o += ": " + plain(d.explanation);
        o += "\n";
        const std::string qa = quote_spans(c.a, d.a_evidence, 120);
        const std::string qb = quote_spans(c.b, d.b_evidence, 120);
        if (!qa.empty()) o += "      A: \u201C" + sanitize_text(qa) + "\u201D\n";
        if (!qb.empty()) o += "      B: \u201C" + sanitize_text(qb) + "\u201D\n";
      }
      if (pair.variance && !(pair.kind == "same" && pair.variance->verdict == "identical")) {
        o += "    " + ansi.bold("Source variance: " + pair.variance->verdict) + ": " +
             plain(variance_summary(*pair.variance)) + "\n";
        for (const auto& v : pair.variance->variants)
          o += "      " + plain(variant_line(c.a, c.b, v)) + "\n";
      }
    }
  }
  return o;
}

std::string render_diff_terminal(const Document& older, const Document& newer,
                                 const EditScript& script, bool color) {
  std::string o;
  for (const auto& op : script.ops) {
    switch (op.op) {
      case OpKind::equal:
        o += sanitize_text(older.utf8(op.a));
        break;
      case OpKind::del: {
        const std::string t = sanitize_text(older.utf8(op.a));
        if (color) {
          o += "\x1b[" + std::string(op.move >= 0 ? "35" : "31") + ";9m" + t + "\x1b[0m";
        } else {
          o += "[-" + t + "-]";
        }
        break;
      }
      case OpKind::ins: {
        const std::string t = sanitize_text(newer.utf8(op.b));
        if (color) {
          o += "\x1b[" + std::string(op.move >= 0 ? "35" : "32") + "m" + t + "\x1b[0m";
        } else {
          o += "{+" + t + "+}";
        }
        break;
      }
    }
  }
  if (!o.empty() && o.back() != '\n') o += '\n';
  return o;
}

}  // namespace cd::report
