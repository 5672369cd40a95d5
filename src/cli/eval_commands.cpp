// `clausediff eval align`: precision, recall and F1 of the aligner against
// annotations/gold/alignment.tsv, per document pair and overall (micro).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

#include "align/align.h"
#include "annotate/annotate.h"
#include "cli/app.h"
#include "cli/commands.h"
#include "compare/compare.h"
#include "corpus/gold_alignment.h"
#include "corpus/gold_cues.h"

namespace cd::cli {
namespace {

std::string fmt3(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return buf;
}

}  // namespace

Run add_eval(CLI::App& app) {
  app.require_subcommand(1);
  struct Opts {
    std::string gold = "annotations/gold/alignment.tsv";
    std::string corpus = "corpus";
    double threshold = align::Options{}.threshold;
    bool verbose = false;
  };
  auto o = std::make_shared<Opts>();
  auto run = std::make_shared<Run>();
  CLI::App* al = app.add_subcommand("align", "Score the aligner against the gold alignment");
  al->add_option("--gold", o->gold, "Gold alignment file (TSV)");
  al->add_option("--corpus", o->corpus, "Corpus folder with manifest.json");
  al->add_option("--threshold", o->threshold, "Alignment threshold")->check(CLI::Range(0.0, 1.0));
  al->add_flag("-v,--verbose", o->verbose, "List missed and spurious pairs");
  al->callback([o, run] {
    *run = [o]() -> int {
      auto gold = corpus::load_gold_alignment(o->gold);
      if (!gold.ok()) return fail(gold.status());
      DocumentArgs docs;
      docs.corpus_dir = o->corpus;
      auto loader = [&](const std::string& id) { return load_document(id, docs); };
      auto rules = annotate::RuleSet::builtin();
      if (!rules.ok()) return fail(rules.status());
      auto aligner = [&](const Document& a, const Document& b) {
        compare::Options opt;
        opt.threshold = o->threshold;
        return compare::align_documents(a, b, *rules, opt);
      };
      auto scores = corpus::score_alignment(gold.value(), loader, aligner, o->gold);
      if (!scores.ok()) return fail(scores.status());
      int tp = 0, pred = 0, g = 0;
      std::printf("%-12s %-16s %5s %5s %5s  %9s %6s %6s\n", "a", "b", "gold", "pred", "tp",
                  "precision", "recall", "f1");
      for (const auto& s : scores.value()) {
        std::printf("%-12s %-16s %5d %5d %5d  %9s %6s %6s\n", s.a_doc.c_str(), s.b_doc.c_str(),
                    s.gold, s.predicted, s.true_positives, fmt3(s.precision()).c_str(),
                    fmt3(s.recall()).c_str(), fmt3(s.f1()).c_str());
        if (o->verbose) {
          for (const auto& m : s.missed) std::printf("    missed:   %s\n", m.c_str());
          for (const auto& m : s.spurious) std::printf("    spurious: %s\n", m.c_str());
        }
        tp += s.true_positives;
        pred += s.predicted;
        g += s.gold;
      }
      corpus::AlignmentScore all;
      all.true_positives = tp;
      all.predicted = pred;
      all.gold = g;
      std::printf("%-29s %5d %5d %5d  %9s %6s %6s\n", "all (micro)", g, pred, tp,
                  fmt3(all.precision()).c_str(), fmt3(all.recall()).c_str(),
                  fmt3(all.f1()).c_str());
      return kExitSame;
    };
  });

  struct AnnOpts {
    std::string cues = "annotations/gold/cues.tsv";
    std::string deltas = "annotations/gold/deltas.tsv";
    std::string corpus = "corpus";
    std::vector<std::string> rules;
    bool verbose = false;
  };
  auto ao = std::make_shared<AnnOpts>();
  CLI::App* an =
      app.add_subcommand("annotate", "Score the annotator against the gold cues and deltas");
  an->add_option("--gold", ao->cues, "Gold cue file (TSV)");
  an->add_option("--gold-deltas", ao->deltas, "Gold delta file (TSV)");
  an->add_option("--corpus", ao->corpus, "Corpus folder with manifest.json");
  an->add_option("--rules", ao->rules, "Additional rule file; may be repeated");
  an->add_flag("-v,--verbose", ao->verbose, "List missed and spurious cues and wrong deltas");
  an->callback([ao, run] {
    *run = [ao]() -> int {
      auto rules = annotate::RuleSet::builtin();
      if (!rules.ok()) return fail(rules.status());
      for (const auto& f : ao->rules) {
        Status s = rules->add_file(f);
        if (!s.ok()) return fail(s);
      }
      auto cues = corpus::load_gold_cues(ao->cues);
      if (!cues.ok()) return fail(cues.status());
      auto deltas = corpus::load_gold_deltas(ao->deltas);
      if (!deltas.ok()) return fail(deltas.status());
      DocumentArgs docs;
      docs.corpus_dir = ao->corpus;
      auto loader = [&](const std::string& id) { return load_document(id, docs); };
      auto annotator = [&](const Document& d) { return annotate::annotate(d, *rules); };
      auto ev = corpus::score_cues(cues.value(), loader, annotator, ao->cues);
      if (!ev.ok()) return fail(ev.status());
      std::printf("%-18s %5s %5s %9s %6s %6s\n", "category", "gold", "pred", "precision", "recall",
                  "f1");
      for (const auto& [cat, sc] : ev->by_category) {
        std::printf("%-18s %5d %5d %9s %6s %6s\n", cat.c_str(), sc.gold, sc.predicted,
                    fmt3(sc.precision()).c_str(), fmt3(sc.recall()).c_str(), fmt3(sc.f1()).c_str());
      }
      const auto& m = ev->micro;
      std::printf("%-18s %5d %5d %9s %6s %6s\n", "all (micro)", m.gold, m.predicted,
                  fmt3(m.precision()).c_str(), fmt3(m.recall()).c_str(), fmt3(m.f1()).c_str());
      if (ao->verbose) {
        for (const auto& x : ev->missed) std::printf("    missed:   %s\n", x.c_str());
        for (const auto& x : ev->spurious) std::printf("    spurious: %s\n", x.c_str());
      }
      auto delta_fn = [&](const Document& a, const std::vector<std::string>& au, const Document& b,
                          const std::vector<std::string>& bu) {
        return annotate::deltas(a, au, annotate::annotate(a, *rules), b, bu,
                                annotate::annotate(b, *rules));
      };
      auto dev = corpus::score_deltas(deltas.value(), loader, delta_fn, ao->deltas);
      if (!dev.ok()) return fail(dev.status());
      std::printf("deltas: %d of %d gold deltas found (accuracy %s)\n", dev->correct, dev->gold,
                  fmt3(dev->accuracy()).c_str());
      if (ao->verbose) {
        for (const auto& x : dev->wrong) std::printf("    wrong:    %s\n", x.c_str());
      }
      return kExitSame;
    };
  });
  return [run]() { return *run ? (*run)() : kExitTrouble; };
}

}  // namespace cd::cli
