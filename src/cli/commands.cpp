#include "cli/commands.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <future>
#include <iostream>
#include <memory>

#include "annotate/annotate.h"
#include "cli/app.h"
#include "compare/compare.h"
#include "core/phase_timer.h"
#include "diff/diff.h"
#include "report/html.h"
#include "report/json.h"
#include "report/text_render.h"

namespace cd::cli {
namespace {

// Options shared by the commands that read documents.
struct Common {
  std::string format = "text";
  std::string output;
  std::string color = "auto";
  DocumentArgs docs;
  std::vector<std::string> rule_files;
};

void add_common(CLI::App& app, Common& c, const std::vector<std::string>& formats,
                const std::string& default_format) {
  c.format = default_format;
  app.add_option("--format", c.format, "Output format")->check(CLI::IsMember(formats));
  app.add_option("-o,--output", c.output, "Write to FILE instead of standard output");
  app.add_option("--color", c.color, "Colour on the terminal: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--corpus", c.docs.corpus_dir,
                 "Corpus folder with manifest.json (for document ids)");
  app.add_option("--input-format", c.docs.ingest.format,
                 "Input format instead of detecting it: text, markdown, xml, html")
      ->check(CLI::IsMember({"text", "markdown", "xml", "html"}));
  app.add_option("--genre", c.docs.ingest.genre, "legal or report (overrides header/manifest)")
      ->check(CLI::IsMember({"legal", "report"}));
  app.add_option("--kind", c.docs.ingest.kind, "treaty, agreement, draft, news or other")
      ->check(CLI::IsMember({"treaty", "agreement", "draft", "news", "other"}));
}

void add_rules_option(CLI::App& app, Common& c) {
  app.add_option("--rules", c.rule_files, "Additional rule file (TSV); may be repeated");
}

Result<annotate::RuleSet> load_rules(const Common& c) {
  auto rules = annotate::RuleSet::builtin();
  if (!rules.ok()) return rules.status();
  for (const auto& f : c.rule_files) {
    Status s = rules->add_file(f);
    if (!s.ok()) return s;
  }
  return rules;
}

void print_diagnostics(const Document& doc) {
  for (const auto& d : doc.diagnostics) warn(doc.meta.path, d);
}

std::string clause_tree_text(const Document& doc) {
  std::string out = doc.meta.id + ": " + doc.meta.title + "\n";
  out += "  format " + doc.meta.format + ", kind " + doc.meta.kind + ", genre " + doc.meta.genre +
         ", " + std::to_string(doc.text.size()) + " code points, " +
         std::to_string(doc.clauses.size()) + " clauses, " + std::to_string(doc.sentences.size()) +
         " sentences\n";
  // One line per clause: indented by level, id, label as written, the
  // normalized number, the source line, and the first words of the body.
  for (const auto& c : doc.clauses) {
    const auto pos = doc.source.position_of(c.span.start);
    std::string first = doc.utf8(Span{c.body.start, std::min(c.body.end, c.body.start + 60)});
    for (auto& ch : first) {
      if (ch == '\n' || ch == '\t') ch = ' ';
    }
    if (c.body.size() > 60) first += "...";
    out += std::string(static_cast<std::size_t>(2 * c.level), ' ') + c.id + "  " +
           (c.label.empty() ? "-" : c.label) + "  [" + c.number + "]  line " +
           std::to_string(pos.line) + "  " + first + "\n";
  }
  if (doc.clauses.empty()) {
    for (const auto& s : doc.sentences) {
      std::string first = doc.utf8(Span{s.span.start, std::min(s.span.end, s.span.start + 70)});
      out += "  " + s.id + "  " + first + (s.span.size() > 70 ? "..." : "") + "\n";
    }
  }
  return out;
}

}  // namespace

Run add_ingest(CLI::App& app) {
  auto c = std::make_shared<Common>();
  auto files = std::make_shared<std::vector<std::string>>();
  app.add_option("FILES", *files, "Documents: file paths or corpus document ids")->required();
  add_common(app, *c, {"text", "json"}, "text");
  app.add_option("--id", c->docs.ingest.id,
                 "Document id (default: from the manifest or file name)");
  return [c, files]() {
    // A batch: each file is read on its own; a bad one is reported and the
    // others still come out. The exit status says whether any failed.
    std::vector<std::string> outs;
    bool failed = false;
    for (const auto& f : *files) {
      auto doc = load_document(f, c->docs);
      if (!doc.ok()) {
        fail(doc.status());
        failed = true;
        continue;
      }
      print_diagnostics(*doc);
      outs.push_back(c->format == "json" ? report::ingest_json(*doc) : clause_tree_text(*doc));
    }
    std::string out;
    if (c->format == "json" && files->size() > 1) {
      // Several documents: one JSON array of ingest objects.
      out = "[\n";
      for (std::size_t i = 0; i < outs.size(); ++i) {
        std::string one = outs[i];
        while (!one.empty() && one.back() == '\n') one.pop_back();
        out += one + (i + 1 < outs.size() ? ",\n" : "\n");
      }
      out += "]\n";
    } else {
      for (const auto& o : outs) out += o;
    }
    if (!outs.empty() || !failed) {
      Status s = write_output(c->output, out);
      if (!s.ok()) return fail(s);
    }
    return failed ? kExitTrouble : kExitSame;
  };
}

Run add_annotate(CLI::App& app) {
  auto c = std::make_shared<Common>();
  auto file = std::make_shared<std::string>();
  app.add_option("FILE", *file, "Document: a file path or a corpus document id")->required();
  add_common(app, *c, {"text", "json"}, "text");
  add_rules_option(app, *c);
  return [c, file]() {
    auto rules = load_rules(*c);
    if (!rules.ok()) return fail(rules.status());
    auto doc = load_document(*file, c->docs);
    if (!doc.ok()) return fail(doc.status());
    auto anns = annotate::annotate(*doc, *rules, &doc->diagnostics);
    print_diagnostics(*doc);
    std::string out;
    if (c->format == "json") {
      out = report::annotate_json(*doc, anns, annotate::profiles(*doc, anns));
    } else {
      for (const auto& a : anns) {
        const auto pos = doc->source.position_of(a.span.start);
        out += doc->meta.path + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) +
               ": " + a.category + "/" + a.subtype + " [" + a.rule + "] \"" + doc->utf8(a.span) +
               "\"" + (a.unit.empty() ? "" : " in " + a.unit) + "\n";
      }
    }
    Status s = write_output(c->output, out);
    return s.ok() ? kExitSame : fail(s);
  };
}

Run add_diff(CLI::App& app) {
  auto c = std::make_shared<Common>();
  auto files = std::make_shared<std::vector<std::string>>();
  auto opt = std::make_shared<diff::Options>();
  app.add_option("OLD NEW", *files, "The two versions (paths or corpus ids)")
      ->required()
      ->expected(2);
  add_common(app, *c, {"text", "json"}, "text");
  app.add_flag("--ignore-case", opt->ignore_case, "Letters differing only in case are equal");
  app.add_flag("--ignore-punct", opt->ignore_punct, "Ignore punctuation");
  app.add_flag("--ignore-whitespace", opt->ignore_whitespace, "Ignore differences in white space");
  app.add_flag("--ignore-numbering", opt->ignore_numbering, "Ignore clause numbers");
  app.add_flag("--chars", opt->chars, "Character granularity instead of words");
  app.add_flag("--minimal", opt->minimal, "Minimal edit script, no readability cleanup");
  app.add_flag("--exact-moves{false}", opt->edited_moves,
               "Only moves of unchanged text (not moved-and-edited paragraphs)");
  return [c, files, opt]() {
    PhaseTimer timer("diff");
    c->docs.structure.sentences = false;  // the diff compares clauses and text only
    auto docs = load_documents(*files, c->docs);
    if (!docs.ok()) return fail(docs.status());
    const Document* a = &docs->at(0);
    const Document* b = &docs->at(1);
    timer.lap("load");
    print_diagnostics(*a);
    print_diagnostics(*b);
    std::string out;
    EditScript script;
    if (c->format == "json") {
      // The ops are written after the mapping, not beside it on the second
      // core: beside it was a little faster, but the diff's tokens and the
      // JSON then lived together (10 MB + 10 MB: peak 203 MiB against 185
      // MiB, where the target is under 20x the input).
      report::DiffJson json(*a, *b);
      auto both = diff::diff_documents(*a, *b, *opt);
      timer.lap("diff+map");
      json.write_ops(both.script);
      out = json.finish(both.script, both.clauses);
      script = std::move(both.script);
    } else {
      script = diff::diff_texts(a->text, b->text, *opt);
      timer.lap("diff_texts");
      out = report::render_diff_terminal(*a, *b, script, want_color(c->color));
    }
    timer.lap("render");
    Status s = write_output(c->output, out);
    timer.lap("write");
    if (!s.ok()) return fail(s);
    for (const auto& op : script.ops) {
      if (op.op != OpKind::equal) return kExitDifferent;
    }
    return kExitSame;
  };
}

Run add_history(CLI::App& app) {
  auto c = std::make_shared<Common>();
  auto files = std::make_shared<std::vector<std::string>>();
  app.add_option("VERSIONS", *files, "Two or more versions, oldest first")
      ->required()
      ->expected(2, 1000);
  add_common(app, *c, {"text", "json"}, "text");
  return [c, files]() {
    c->docs.structure.sentences = false;  // history maps clauses only
    auto loaded = load_documents(*files, c->docs);
    if (!loaded.ok()) return fail(loaded.status());
    std::vector<Document> versions = std::move(loaded.value());
    for (const auto& d : versions) print_diagnostics(d);
    const auto hist = diff::history(versions);
    std::string out;
    if (c->format == "json") {
      out = report::history_json(versions, hist);
    } else {
      const Document& last = versions.back();
      for (const auto& h : hist) {
        out += h.clause + ":";
        for (std::size_t v = 0; v < h.chain.size(); ++v) {
          out += " " + (h.chain[v].empty() ? std::string("-") : h.chain[v]);
        }
        out += "\n";
        for (const auto& r : h.blame) {
          out += "  v" + std::to_string(r.version + 1) + "  " + last.utf8(r.span) + "\n";
        }
      }
    }
    Status s = write_output(c->output, out);
    return s.ok() ? kExitSame : fail(s);
  };
}

Run add_compare(CLI::App& app) {
  auto c = std::make_shared<Common>();
  auto files = std::make_shared<std::vector<std::string>>();
  auto opt = std::make_shared<compare::Options>();
  app.add_option("A B", *files, "Reference and compared document (paths or corpus ids)")
      ->required()
      ->expected(2);
  add_common(app, *c, {"text", "json", "md", "html"}, "text");
  add_rules_option(app, *c);
  app.add_option("--unit", opt->a_units,
                 "Compare only this unit of A (e.g. art5); may be repeated");
  app.add_option("--threshold", opt->threshold, "Minimum alignment score (0-1)")
      ->check(CLI::Range(0.0, 1.0));
  return [c, files, opt]() {
    // B is read while A is (reading and segmenting a large document is a
    // tenth of a comparison); errors are reported in the same order as
    // before: rules, A, B.
    auto b_loaded =
        std::async(std::launch::async, [&] { return load_document((*files)[1], c->docs); });
    auto rules = load_rules(*c);
    auto a = load_document((*files)[0], c->docs);
    auto b = b_loaded.get();
    if (!rules.ok()) return fail(rules.status());
    if (!a.ok()) return fail(a.status());
    if (!b.ok()) return fail(b.status());
    for (const auto& u : opt->a_units) {
      if (!a->clause(u) && !a->sentence(u)) {
        return fail(
            Status::error(ErrorCode::usage, "no unit '" + u + "' in " + a->meta.id, a->meta.path)
                .with_hint("run 'clausediff ingest " + (*files)[0] + "' to list the units"));
      }
    }
    Comparison cmp = compare::compare(std::move(a.value()), std::move(b.value()), *rules, *opt);
    // After compare(): it adds what the annotator and the aligner noticed.
    print_diagnostics(cmp.a);
    print_diagnostics(cmp.b);
    std::string out;
    if (c->format == "json") {
      out = report::compare_json(cmp);
    } else {
      ReportSet set;
      set.name = "compare";
      set.title = cmp.a.meta.title + " against " + cmp.b.meta.title;
      set.reference = cmp.a.meta.id;
      set.reference_units = opt->a_units;
      set.comparisons.push_back(cmp);
      out = c->format == "md"     ? report::render_markdown(set)
            : c->format == "html" ? report::render_html(set)
                                  : report::render_terminal(set, want_color(c->color));
    }
    Status s = write_output(c->output, out);
    if (!s.ok()) return fail(s);
    bool different = !cmp.unaligned_a.empty() || !cmp.unaligned_b.empty();
    for (const auto& p : cmp.pairs) {
      if (!p.deltas.empty() || p.kind != "same") different = true;
      if (p.variance && p.variance->verdict != "identical") different = true;
    }
    // Renderings of one draft in one file differ when their quotations do.
    for (const auto& q : cmp.quotations) {
      if (q.variance && q.variance->verdict != "identical") different = true;
    }
    return different ? kExitDifferent : kExitSame;
  };
}

Run add_report(CLI::App& app) {
  auto c = std::make_shared<Common>();
  auto set_name = std::make_shared<std::string>();
  add_common(app, *c, {"html", "md", "json", "text"}, "html");
  add_rules_option(app, *c);
  app.add_option("--set", *set_name,
                 "Comparison set of corpus/manifest.json (default: the default set)");
  return [c, set_name]() {
    auto rules = load_rules(*c);
    if (!rules.ok()) return fail(rules.status());
    auto manifest = load_corpus(c->docs.corpus_dir);
    if (!manifest.ok()) return fail(manifest.status());
    const corpus::ComparisonSetSpec* spec = manifest->set(*set_name);
    if (spec == nullptr) {
      return fail(
          Status::error(ErrorCode::usage, "no comparison set '" + *set_name + "'", manifest->path)
              .with_hint("the sets are listed in " + manifest->path));
    }
    const auto* ref = manifest->document(spec->reference);
    auto a = compare::load(ref->resolved, options_for(*ref, c->docs.ingest));
    if (!a.ok()) return fail(a.status());
    apply_manifest_meta(a.value(), *ref);
    ReportSet set;
    set.name = spec->name;
    set.title = spec->title;
    set.description = spec->description;
    set.reference = spec->reference;
    set.reference_units = spec->reference_units;
    for (const auto& id : spec->documents) {
      const auto* md = manifest->document(id);
      auto b = compare::load(md->resolved, options_for(*md, c->docs.ingest));
      if (!b.ok()) return fail(b.status());
      apply_manifest_meta(b.value(), *md);
      compare::Options opt;
      opt.a_units = spec->reference_units;
      set.comparisons.push_back(compare::compare(a.value(), std::move(b.value()), *rules, opt));
      // The reference's diagnostics once, then each compared document's.
      if (set.comparisons.size() == 1) print_diagnostics(set.comparisons.front().a);
      print_diagnostics(set.comparisons.back().b);
    }
    if (set.comparisons.empty()) print_diagnostics(*a);
    std::string out;
    if (c->format == "json")
      out = report::report_json(set);
    else if (c->format == "md")
      out = report::render_markdown(set);
    else if (c->format == "text")
      out = report::render_terminal(set, want_color(c->color));
    else
      out = report::render_html(set);
    std::string path = c->output;
    if (path.empty()) path = c->format == "html" ? "report.html" : "-";
    Status s = write_output(path, out);
    if (!s.ok()) return fail(s);
    if (path != "-")
      std::cout << std::filesystem::absolute(path).lexically_normal().string() << "\n";
    return kExitSame;
  };
}

}  // namespace cd::cli
