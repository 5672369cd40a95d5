// `clausediff corpus ...`: curating the annotation corpus (docs/ANNOTATIONS.md).
//
// Each subcommand opens the store (annotations/ by default), loads the corpus
// documents it needs through the manifest, calls src/corpus, and writes files
// back atomically. Validation problems are printed one per line as
// `clausediff: FILE:LINE: error: WHAT` and make the exit status 2.
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "annotate/annotate.h"
#include "cli/app.h"
#include "cli/commands.h"
#include "compare/compare.h"
#include "core/fs.h"
#include "core/utf8.h"
#include "corpus/agreement.h"
#include "corpus/anchoring.h"
#include "corpus/annotation_store.h"
#include "corpus/export.h"

namespace cd::cli {
namespace {
namespace fs = std::filesystem;
using corpus::AnnotationFile;
using corpus::AnnotationStore;
using corpus::Issue;
using corpus::StoredAnnotation;

struct Where {
  std::string annotations = "annotations";
  std::string corpus = "corpus";
};

void add_where(CLI::App& app, Where& w) {
  app.add_option("--annotations", w.annotations, "Annotation store folder")->capture_default_str();
  app.add_option("--corpus", w.corpus, "Corpus folder with manifest.json")->capture_default_str();
}

// Documents of the corpus, loaded once each. Most commands need only the
// canonical text (ingest); suggest and the cue TSV import also need clauses
// and sentences (ingest + structure).
class Docs {
 public:
  explicit Docs(std::string corpus_dir, bool structure = false)
      : dir_(std::move(corpus_dir)), structure_(structure) {}
  Status open() {
    auto m = load_corpus(dir_);
    if (!m.ok()) return m.status();
    manifest_ = std::move(m.value());
    return Status::success();
  }
  const corpus::Manifest& manifest() const { return manifest_; }
  bool known(const std::string& id) const { return manifest_.document(id) != nullptr; }
  Result<const Document*> get(const std::string& id) {
    auto it = cache_.find(id);
    if (it != cache_.end()) return static_cast<const Document*>(it->second.get());
    const auto* md = manifest_.document(id);
    if (md == nullptr) {
      return Status::error(ErrorCode::usage, "no document '" + id + "' in the corpus",
                           manifest_.path)
          .with_hint("the document ids are listed in " + manifest_.path);
    }
    auto doc = structure_ ? compare::load(md->resolved, options_for(*md, {}))
                          : ingest::ingest_file(md->resolved, options_for(*md, {}));
    if (!doc.ok()) return doc.status();
    apply_manifest_meta(doc.value(), *md);
    auto ptr = std::make_unique<Document>(std::move(doc.value()));
    const Document* raw = ptr.get();
    cache_[id] = std::move(ptr);
    return raw;
  }

 private:
  std::string dir_;
  bool structure_ = false;
  corpus::Manifest manifest_;
  std::map<std::string, std::unique_ptr<Document>> cache_;
};

void print_issue(const Issue& i) { std::cerr << "clausediff: " << i.to_string() << "\n"; }

Result<AnnotationStore> open_store(const Where& w) {
  auto store = AnnotationStore::open(w.annotations);
  if (!store.ok()) return store.status();
  return store;
}

Status need_date(const std::string& date, const char* option) {
  if (corpus::valid_date(date)) return Status::success();
  return Status::error(ErrorCode::usage,
                       std::string(option) + " must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ")
      .with_hint("the date is given, not read from the clock, so that files are reproducible");
}

// Validates one file against its document; prints problems; true when no error.
bool check_file(const AnnotationFile& f, const Document* doc) {
  bool ok = true;
  for (const auto& i : corpus::validate_file(f, doc)) {
    print_issue(i);
    ok = ok && i.severity != Severity::error;
  }
  return ok;
}

std::string fixed(double x, int digits = 3) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  return buf;
}

// ---- validate ---------------------------------------------------------------------

Run add_validate(CLI::App& app) {
  auto w = std::make_shared<Where>();
  auto only = std::make_shared<std::vector<std::string>>();
  add_where(app, *w);
  app.add_option("DOC", *only, "Validate only these documents (default: all)");
  return [w, only]() {
    auto store = open_store(*w);
    if (!store.ok()) return fail(store.status());
    Docs docs(w->corpus);
    if (Status s = docs.open(); !s.ok()) return fail(s);
    std::map<std::string, const Document*> loaded;
    std::size_t errors = 0, warnings = 0, count = 0, files = 0;
    const std::set<std::string> wanted(only->begin(), only->end());
    std::vector<Issue> issues;
    for (const auto& i : store->issues()) {
      bool in = wanted.empty();
      for (const auto& d : wanted) in = in || i.path.find("/" + d + "/") != std::string::npos;
      if (in) issues.push_back(i);
    }
    for (const auto& f : store->files()) {
      if (!wanted.empty() && !wanted.count(f.doc)) continue;
      ++files;
      count += f.annotations.size();
      const Document* doc = nullptr;
      if (docs.known(f.doc)) {
        auto d = docs.get(f.doc);
        if (!d.ok()) return fail(d.status());
        doc = d.value();
      }
      auto more = corpus::validate_file(f, doc);
      issues.insert(issues.end(), more.begin(), more.end());
    }
    for (const auto& i : issues) {
      print_issue(i);
      (i.severity == Severity::error ? errors : warnings) += 1;
    }
    std::cout << count << " annotations in " << files << " files: " << errors << " errors, "
              << warnings << " warnings\n";
    return errors > 0 ? kExitTrouble : kExitSame;
  };
}

// ---- stats --------------------------------------------------------------------------

Run add_stats(CLI::App& app) {
  auto w = std::make_shared<Where>();
  auto format = std::make_shared<std::string>("text");
  add_where(app, *w);
  app.add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return [w, format]() {
    auto store = open_store(*w);
    if (!store.ok()) return fail(store.status());
    for (const auto& i : store->issues()) print_issue(i);
    const corpus::Stats s = corpus::stats(*store);
    if (*format == "json") {
      std::cout << corpus::to_json(s);
    } else {
      std::cout << s.total << " annotations in " << s.files << " files\n";
      auto table = [](const char* title, const std::map<std::string, std::size_t>& m) {
        std::cout << "\n" << title << "\n";
        for (const auto& [k, v] : m)
          std::cout << "  " << k << std::string(k.size() < 24 ? 24 - k.size() : 1, ' ') << v
                    << "\n";
      };
      table("by category", s.by_category);
      table("by annotator", s.by_author);
      table("by document", s.by_document);
      table("by anchor status", s.by_status);
      table("by source", s.by_source);
    }
    return store->issues().empty() ? kExitSame : kExitTrouble;
  };
}

// ---- add ------------------------------------------------------------------------------

struct AddArgs {
  Where w;
  std::string doc, author, category, subtype, note, created, quote;
  int64_t start = -1, end = -1;
  std::size_t occurrence = 1;
};

Run add_add(CLI::App& app) {
  auto a = std::make_shared<AddArgs>();
  add_where(app, a->w);
  app.add_option("DOC", a->doc, "Corpus document id")->required();
  app.add_option("--author", a->author, "Annotator (file name: [a-z0-9._-])")->required();
  app.add_option("--category", a->category, "Taxonomy category id")->required();
  app.add_option("--subtype", a->subtype, "Subtype");
  app.add_option("--start", a->start, "First code point of the span");
  app.add_option("--end", a->end, "Code point after the span");
  app.add_option("--quote", a->quote, "The text to annotate, instead of --start/--end");
  app.add_option("--occurrence", a->occurrence, "Which occurrence of --quote (1 = first)")
      ->check(CLI::PositiveNumber);
  app.add_option("--note", a->note, "Free-text note");
  app.add_option("--created", a->created, "Date: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ")->required();
  return [a]() {
    if (Status s = need_date(a->created, "--created"); !s.ok()) return fail(s);
    if (!corpus::known_category(a->category)) {
      return fail(Status::error(ErrorCode::usage, "unknown category '" + a->category + "'")
                      .with_hint("categories are the taxonomy ids listed in docs/ANNOTATIONS.md"));
    }
    Docs docs(a->w.corpus);
    if (Status s = docs.open(); !s.ok()) return fail(s);
    auto doc = docs.get(a->doc);
    if (!doc.ok()) return fail(doc.status());
    const Document& d = *doc.value();
    Span span;
    if (!a->quote.empty()) {
      const std::u32string q = to_u32(a->quote);
      std::size_t pos = std::u32string::npos, from = 0;
      for (std::size_t k = 0; k < a->occurrence; ++k) {
        pos = d.text.find(q, from);
        if (pos == std::u32string::npos) break;
        from = pos + 1;
      }
      if (pos == std::u32string::npos) {
        return fail(Status::error(
            ErrorCode::usage,
            "the quote does not occur " + std::to_string(a->occurrence) + " time(s) in " + a->doc));
      }
      span = Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + q.size())};
    } else {
      if (a->start < 0 || a->end < 0) {
        return fail(Status::error(ErrorCode::usage, "give --quote, or --start and --end"));
      }
      if (a->end <= a->start || static_cast<uint64_t>(a->end) > d.text.size()) {
        return fail(Status::error(
            ErrorCode::usage, "span " + std::to_string(a->start) + ".." + std::to_string(a->end) +
                                  " is not inside the text (" + std::to_string(d.text.size()) +
                                  " code points)"));
      }
      span = Span{static_cast<uint32_t>(a->start), static_cast<uint32_t>(a->end)};
    }
    auto store = open_store(a->w);
    if (!store.ok()) return fail(store.status());
    auto file = store->file_for(a->doc, a->author);
    if (!file.ok()) return fail(file.status());
    StoredAnnotation ann = corpus::anchor_at(d, span);
    ann.category = a->category;
    ann.subtype = a->subtype;
    ann.author = a->author;
    ann.created = a->created;
    ann.note = a->note;
    ann.id = corpus::make_id(ann);
    const std::string id = ann.id;
    if (Status s = corpus::add(**file, std::move(ann)); !s.ok()) return fail(s);
    if (Status s = store->save(**file); !s.ok()) return fail(s);
    std::cout << id << "\n";
    return kExitSame;
  };
}

// ---- suggest -----------------------------------------------------------------------

Run add_suggest(CLI::App& app) {
  auto w = std::make_shared<Where>();
  auto ids = std::make_shared<std::vector<std::string>>();
  auto all = std::make_shared<bool>(false);
  auto author = std::make_shared<std::string>("clausediff");
  auto created = std::make_shared<std::string>();
  add_where(app, *w);
  app.add_option("DOC", *ids, "Corpus document ids");
  app.add_flag("--all", *all, "Every document of the corpus");
  app.add_option("--author", *author, "Name of the suggestion file")->capture_default_str();
  app.add_option("--created", *created, "Date: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ")->required();
  return [w, ids, all, author, created]() {
    if (Status s = need_date(*created, "--created"); !s.ok()) return fail(s);
    Docs docs(w->corpus, true);
    if (Status s = docs.open(); !s.ok()) return fail(s);
    std::vector<std::string> which = *ids;
    if (*all) {
      for (const auto& d : docs.manifest().documents) which.push_back(d.id);
    }
    if (which.empty()) return fail(Status::error(ErrorCode::usage, "name documents, or --all"));
    auto rules = annotate::RuleSet::builtin();
    if (!rules.ok()) return fail(rules.status());
    auto store = open_store(*w);
    if (!store.ok()) return fail(store.status());
    for (const auto& id : which) {
      auto doc = docs.get(id);
      if (!doc.ok()) return fail(doc.status());
      const auto found = annotate::annotate(*doc.value(), *rules);
      auto file = store->file_for(id, *author);
      if (!file.ok()) return fail(file.status());
      const auto r = corpus::replace_suggestions(
          **file, corpus::suggestions(*doc.value(), found, *author, *created));
      if (Status s = store->save(**file); !s.ok()) return fail(s);
      std::cout << (*file)->path << ": " << r.total << " suggestions (" << r.added << " new, "
                << r.kept << " kept, " << r.removed << " withdrawn)\n";
    }
    return kExitSame;
  };
}

// ---- merge / adjudicate ---------------------------------------------------------------

Run add_merge(CLI::App& app) {
  auto w = std::make_shared<Where>();
  auto doc = std::make_shared<std::string>();
  auto from = std::make_shared<std::vector<std::string>>();
  auto into = std::make_shared<std::string>("gold");
  auto by = std::make_shared<std::string>();
  auto date = std::make_shared<std::string>();
  add_where(app, *w);
  app.add_option("DOC", *doc, "Corpus document id")->required();
  app.add_option("--from", *from, "Annotator whose file is merged; repeat")->required();
  app.add_option("--into", *into, "Target file (annotator name)")->capture_default_str();
  app.add_option("--by", *by, "Who merges (logged)")->required();
  app.add_option("--date", *date, "Date of the decision")->required();
  return [w, doc, from, into, by, date]() {
    if (Status s = need_date(*date, "--date"); !s.ok()) return fail(s);
    auto store = open_store(*w);
    if (!store.ok()) return fail(store.status());
    std::vector<const AnnotationFile*> sources;
    for (const auto& a : *from) {
      if (a == *into)
        return fail(Status::error(ErrorCode::usage, "--from and --into name the same file"));
      const auto* f = store->find(*doc, a);
      if (f == nullptr) {
        return fail(Status::error(ErrorCode::usage, "no annotations of '" + a + "' for " + *doc,
                                  (fs::path(w->annotations) / *doc).string()));
      }
      sources.push_back(f);
    }
    auto target = store->file_for(*doc, *into);
    if (!target.ok()) return fail(target.status());
    // file_for may have grown the vector: look the sources up again.
    sources.clear();
    for (const auto& a : *from) sources.push_back(store->find(*doc, a));
    const auto r = corpus::merge(sources, **target, *by, *date);
    if (Status s = store->save(**target); !s.ok()) return fail(s);
    std::cout << (*target)->path << ": " << r.added << " added, " << r.combined
              << " marked the same by several annotators, " << r.already << " already there\n";
    return kExitSame;
  };
}

struct AdjArgs {
  Where w;
  std::string doc, from, into = "gold", by, date, note, category, subtype;
  std::vector<std::string> accept, reject;
  std::string edit;
  int64_t start = -1, end = -1;
};

Run add_adjudicate(CLI::App& app) {
  auto a = std::make_shared<AdjArgs>();
  add_where(app, a->w);
  app.add_option("DOC", a->doc, "Corpus document id")->required();
  app.add_option("--from", a->from, "Annotator whose annotations are judged")->required();
  app.add_option("--into", a->into, "Gold file (annotator name)")->capture_default_str();
  app.add_option("--accept", a->accept, "Annotation id to copy into the gold file; repeatable");
  app.add_option("--reject", a->reject, "Annotation id to reject; repeatable");
  app.add_option("--edit", a->edit,
                 "Annotation id to copy with changes (--category, --subtype, --start, --end)");
  app.add_option("--category", a->category, "New category (with --edit)");
  app.add_option("--subtype", a->subtype, "New subtype (with --edit)");
  app.add_option("--start", a->start, "New start (with --edit)");
  app.add_option("--end", a->end, "New end (with --edit)");
  app.add_option("--by", a->by, "Who decides (logged)")->required();
  app.add_option("--date", a->date, "Date of the decision")->required();
  app.add_option("--note", a->note, "Why (logged)");
  return [a]() {
    if (Status s = need_date(a->date, "--date"); !s.ok()) return fail(s);
    if (a->accept.empty() && a->reject.empty() && a->edit.empty()) {
      return fail(
          Status::error(ErrorCode::usage, "give --accept, --reject or --edit with annotation ids"));
    }
    if (a->from == a->into)
      return fail(Status::error(ErrorCode::usage, "--from and --into name the same file"));
    auto store = open_store(a->w);
    if (!store.ok()) return fail(store.status());
    if (store->find(a->doc, a->from) == nullptr) {
      return fail(
          Status::error(ErrorCode::usage, "no annotations of '" + a->from + "' for " + a->doc));
    }
    auto into = store->file_for(a->doc, a->into);
    if (!into.ok()) return fail(into.status());
    AnnotationFile* from = store->find(a->doc, a->from);
    const Document* doc = nullptr;
    Docs docs(a->w.corpus);
    if (a->start >= 0 || a->end >= 0) {
      if (Status s = docs.open(); !s.ok()) return fail(s);
      auto d = docs.get(a->doc);
      if (!d.ok()) return fail(d.status());
      doc = d.value();
    }
    std::vector<corpus::Verdict> verdicts;
    for (const auto& id : a->accept)
      verdicts.push_back({"accept", id, a->by, a->date, a->note, "", "", {}, {}});
    for (const auto& id : a->reject)
      verdicts.push_back({"reject", id, a->by, a->date, a->note, "", "", {}, {}});
    if (!a->edit.empty()) {
      corpus::Verdict v{"edit", a->edit, a->by, a->date, a->note, a->category, a->subtype, {}, {}};
      if (a->start >= 0) v.start = static_cast<uint32_t>(a->start);
      if (a->end >= 0) v.end = static_cast<uint32_t>(a->end);
      verdicts.push_back(v);
    }
    for (const auto& v : verdicts) {
      if (Status s = corpus::adjudicate(*from, **into, v, doc); !s.ok()) return fail(s);
    }
    // Both files carry the log: save the gold file first, then the source.
    if (Status s = store->save(**into); !s.ok()) return fail(s);
    if (Status s = store->save(*from); !s.ok()) return fail(s);
    std::cout << verdicts.size() << " decisions logged in " << (*into)->path << " and "
              << from->path << "\n";
    return kExitSame;
  };
}

// ---- agree -----------------------------------------------------------------------------

Run add_agree(CLI::App& app) {
  auto w = std::make_shared<Where>();
  auto who = std::make_shared<std::vector<std::string>>();
  auto only = std::make_shared<std::vector<std::string>>();
  auto format = std::make_shared<std::string>("text");
  add_where(app, *w);
  app.add_option("ANNOTATORS", *who, "Two or more annotators")->required()->expected(2, 100);
  app.add_option("--doc", *only, "Only these documents; repeatable");
  app.add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return [w, who, only, format]() {
    auto store = open_store(*w);
    if (!store.ok()) return fail(store.status());
    for (const auto& a : *who) {
      bool any = false;
      for (const auto& f : store->files()) any = any || f.author == a;
      if (!any)
        return fail(
            Status::error(ErrorCode::usage, "no annotation files of '" + a + "'", w->annotations));
    }
    Docs docs(w->corpus);
    if (Status s = docs.open(); !s.ok()) return fail(s);
    std::map<std::string, std::u32string> texts;
    const std::set<std::string> wanted(only->begin(), only->end());
    for (const auto& id : store->documents()) {
      if (!wanted.empty() && !wanted.count(id)) continue;
      if (!docs.known(id)) continue;
      auto d = docs.get(id);
      if (!d.ok()) return fail(d.status());
      texts[id] = d.value()->text;
    }
    const auto r = corpus::agreement(*store, *who, texts);
    if (*format == "json") {
      std::cout << corpus::to_json(r);
      return kExitSame;
    }
    for (const auto& p : r.pairs) {
      std::cout << p.a << " vs " << p.b << " over " << p.documents.size() << " document(s), "
                << p.kappa.items << " tokens\n";
      std::cout << "  Cohen's kappa (tokens)  "
                << (p.kappa.kappa ? fixed(*p.kappa.kappa)
                                  : std::string("undefined (one label everywhere)"))
                << "   (p_o " << fixed(p.kappa.observed) << ", p_e " << fixed(p.kappa.expected)
                << ")\n";
      for (auto [name, s] : {std::pair{"exact  ", &p.exact}, {"overlap", &p.overlap}}) {
        std::cout << "  span F1 " << name << "         " << fixed(s->f1) << "   (P "
                  << fixed(s->precision) << ", R " << fixed(s->recall) << "; " << s->matched
                  << " matched of " << s->a << " and " << s->b << ")\n";
      }
    }
    std::cout << "Krippendorff's alpha (nominal, " << who->size()
              << " annotators): " << (r.alpha ? fixed(*r.alpha) : std::string("undefined")) << "\n";
    if (r.skipped > 0) {
      std::cout << r.skipped << " orphaned or stale annotations left out (run corpus reanchor)\n";
    }
    return kExitSame;
  };
}

// ---- reanchor ----------------------------------------------------------------------------

Run add_reanchor(CLI::App& app) {
  auto w = std::make_shared<Where>();
  auto doc = std::make_shared<std::string>();
  auto old = std::make_shared<std::string>();
  auto authors = std::make_shared<std::vector<std::string>>();
  auto dry = std::make_shared<bool>(false);
  auto format = std::make_shared<std::string>("text");
  auto opt = std::make_shared<corpus::AnchorOptions>();
  add_where(app, *w);
  app.add_option("DOC", *doc, "Corpus document id whose text changed")->required();
  app.add_option("--old", *old, "The old version of the document (a file), to diff against");
  app.add_option("--author", *authors, "Only these annotators' files; repeatable");
  app.add_flag("--dry-run", *dry, "Report only; write nothing");
  app.add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}));
  app.add_option("--min-score", opt->min_score, "Minimum fuzzy score (0-1)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  app.add_option("--min-length", opt->min_quote_length, "Minimum quote length for a fuzzy search")
      ->capture_default_str();
  return [w, doc, old, authors, dry, format, opt]() {
    Docs docs(w->corpus);
    if (Status s = docs.open(); !s.ok()) return fail(s);
    auto current = docs.get(*doc);
    if (!current.ok()) return fail(current.status());
    std::u32string old_text;
    if (!old->empty()) {
      const auto* md = docs.manifest().document(*doc);
      auto o = ingest::ingest_file(*old, options_for(*md, {}));
      if (!o.ok()) return fail(o.status());
      old_text = o->text;
    }
    auto store = open_store(*w);
    if (!store.ok()) return fail(store.status());
    const std::set<std::string> wanted(authors->begin(), authors->end());
    corpus::ReanchorReport total;
    for (auto& f : store->files()) {
      if (f.doc != *doc || (!wanted.empty() && !wanted.count(f.author))) continue;
      const auto r = old->empty() ? corpus::reanchor_by_quote(f.annotations, current.value()->text,
                                                              *opt, f.author)
                                  : corpus::reanchor_texts(f.annotations, old_text,
                                                           current.value()->text, *opt, f.author);
      total.exact += r.exact;
      total.shifted += r.shifted;
      total.fuzzy += r.fuzzy;
      total.orphaned += r.orphaned;
      total.unchanged += r.unchanged;
      total.outcomes.insert(total.outcomes.end(), r.outcomes.begin(), r.outcomes.end());
      if (!*dry && r.total() > r.unchanged) {
        if (Status s = store->save(f); !s.ok()) return fail(s);
      }
    }
    if (*format == "json") {
      std::cout << corpus::to_json(total);
    } else {
      for (const auto& o : total.outcomes) {
        if (o.status == corpus::AnchorStatus::exact) continue;
        std::cout << o.author << ":" << o.id << "  " << corpus::to_string(o.status) << "  "
                  << o.before.start << ".." << o.before.end << " -> " << o.after.start << ".."
                  << o.after.end;
        if (o.status == corpus::AnchorStatus::fuzzy) std::cout << "  score " << fixed(o.score);
        std::cout << "  (" << o.why << ")\n";
      }
      std::cout << *doc << ": " << total.summary() << (*dry ? " (dry run, nothing written)" : "")
                << "\n";
    }
    for (const auto& o : total.outcomes) {
      if (o.status == corpus::AnchorStatus::orphaned) {
        std::cerr << "clausediff: "
                  << (fs::path(w->annotations) / *doc / (o.author + ".jsonl")).string()
                  << ": warning: annotation " << o.id << " is orphaned (" << o.why
                  << "); it is kept for review\n";
      }
    }
    return kExitSame;
  };
}

// ---- export / import ------------------------------------------------------------------------

struct ExportArgs {
  Where w;
  std::string to, output;
  std::vector<std::string> docs, authors;
  bool jsonl = false;
};

Run add_export(CLI::App& app) {
  auto a = std::make_shared<ExportArgs>();
  add_where(app, a->w);
  app.add_option("--to", a->to, "w3c, brat or csv")
      ->required()
      ->check(CLI::IsMember({"w3c", "brat", "csv"}));
  app.add_option("-o,--output", a->output,
                 "Output file (w3c, csv; default stdout) or folder (brat)");
  app.add_option("--doc", a->docs, "Only these documents; repeatable");
  app.add_option("--author", a->authors, "Only these annotators; repeatable");
  app.add_flag("--jsonl", a->jsonl, "w3c: one annotation per line instead of a collection");
  return [a]() {
    auto store = open_store(a->w);
    if (!store.ok()) return fail(store.status());
    for (const auto& i : store->issues()) print_issue(i);
    if (!store->issues().empty()) {
      return fail(Status::error(ErrorCode::invalid_input, "the store has errors; nothing exported",
                                a->w.annotations)
                      .with_hint("run 'clausediff corpus validate'"));
    }
    const std::set<std::string> docs(a->docs.begin(), a->docs.end()),
        authors(a->authors.begin(), a->authors.end());
    std::vector<const AnnotationFile*> files;
    std::vector<StoredAnnotation> all;
    for (const auto& f : store->files()) {
      if ((!docs.empty() && !docs.count(f.doc)) || (!authors.empty() && !authors.count(f.author)))
        continue;
      files.push_back(&f);
      all.insert(all.end(), f.annotations.begin(), f.annotations.end());
    }
    if (a->to == "w3c" || a->to == "csv") {
      const std::string out = a->to == "csv" ? corpus::to_csv(all)
                              : a->jsonl     ? corpus::to_w3c_jsonl(all)
                                             : corpus::to_w3c_collection(all);
      Status s = write_output(a->output, out);
      return s.ok() ? kExitSame : fail(s);
    }
    if (a->output.empty() || a->output == "-") {
      return fail(Status::error(
          ErrorCode::usage,
          "brat export needs -o FOLDER (it writes .txt, .ann and a sidecar per file)"));
    }
    Docs corpus_docs(a->w.corpus);
    if (Status s = corpus_docs.open(); !s.ok()) return fail(s);
    std::size_t in_ann = 0, sidecar = 0;
    for (const auto* f : files) {
      auto d = corpus_docs.get(f->doc);
      if (!d.ok()) return fail(d.status());
      const auto b = corpus::to_brat(f->annotations, d.value()->text);
      std::error_code ec;
      fs::create_directories(fs::path(a->output) / f->doc, ec);
      const std::string base = (fs::path(a->output) / f->doc / f->author).string();
      for (auto [ext, bytes] :
           {std::pair{".txt", &b.txt}, {".ann", &b.ann}, {".ann.map.jsonl", &b.map}}) {
        if (Status s = write_file_atomic(base + ext, *bytes); !s.ok()) return fail(s);
      }
      in_ann += b.in_ann;
      sidecar += b.sidecar_only;
    }
    std::cout << files.size() << " brat files in " << a->output << ": " << in_ann << " spans";
    if (sidecar > 0)
      std::cout << ", " << sidecar
                << " annotations only in the sidecars (orphaned or another version)";
    std::cout << "\n";
    return kExitSame;
  };
}

// The hand-written gold cue list of the annotator issue (annotations/gold/cues.tsv):
// doc, unit, category, subtype, exact, occurrence of `exact` inside the unit.
Result<std::vector<StoredAnnotation>> read_cues_tsv(const std::string& path, Docs& docs,
                                                    const std::string& author,
                                                    const std::string& created) {
  auto bytes = read_file(path);
  if (!bytes.ok()) return bytes.status();
  std::vector<StoredAnnotation> out;
  uint32_t line_no = 0;
  std::size_t pos = 0;
  const std::string& b = bytes.value();
  while (pos < b.size()) {
    ++line_no;
    std::size_t nl = b.find('\n', pos);
    if (nl == std::string::npos) nl = b.size();
    std::string line = b.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> col;
    for (std::size_t p = 0;;) {
      const std::size_t t = line.find('\t', p);
      col.push_back(line.substr(p, t == std::string::npos ? std::string::npos : t - p));
      if (t == std::string::npos) break;
      p = t + 1;
    }
    if (col.size() >= 3 && col[2] == "*") continue;  // "unit covered", no cue
    auto bad = [&](const std::string& m) {
      return Status::error(ErrorCode::invalid_input, m, path, line_no);
    };
    if (col.size() < 5) return bad("expected doc, unit, category, subtype, exact[, occurrence]");
    auto doc = docs.get(col[0]);
    if (!doc.ok()) return bad("unknown document '" + col[0] + "'");
    const Document& d = *doc.value();
    Span unit{0, static_cast<uint32_t>(d.text.size())};
    if (const Clause* c = d.clause(col[1])) {
      unit = c->span;
    } else if (const Sentence* s = d.sentence(col[1])) {
      unit = s->span;
    } else if (col[1].rfind("sent:", 0) == 0) {
      // "sent:The first words": the sentence that begins with those words.
      const auto at = d.text.find(to_u32(col[1].substr(5)));
      const Sentence* hit = nullptr;
      for (const auto& sent : d.sentences) {
        if (at != std::u32string::npos && sent.span.start <= at && at < sent.span.end) hit = &sent;
      }
      if (hit == nullptr)
        return bad("no sentence beginning '" + col[1].substr(5) + "' in " + col[0]);
      unit = Span{static_cast<uint32_t>(at), hit->span.end};
    } else {
      return bad("no unit '" + col[1] + "' in " + col[0]);
    }
    std::size_t occurrence = 1;
    if (col.size() > 5 && !col[5].empty())
      occurrence = static_cast<std::size_t>(std::max(1, std::atoi(col[5].c_str())));
    const std::u32string q = to_u32(col[4]);
    std::size_t at = std::u32string::npos, from = unit.start;
    for (std::size_t k = 0; k < occurrence; ++k) {
      at = d.text.find(q, from);
      if (at == std::u32string::npos || at + q.size() > unit.end) {
        at = std::u32string::npos;
        break;
      }
      from = at + 1;
    }
    if (at == std::u32string::npos) {
      return bad("\"" + col[4] + "\" does not occur " + std::to_string(occurrence) +
                 " time(s) in " + col[1]);
    }
    StoredAnnotation x =
        corpus::anchor_at(d, Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + q.size())});
    x.category = col[2];
    x.subtype = col[3];
    x.author = author;
    x.created = created;
    x.note = "from " + fs::path(path).filename().string() + ":" + std::to_string(line_no) +
             " (unit " + col[1] + ")";
    x.id = corpus::make_id(x);
    out.push_back(std::move(x));
  }
  return out;
}

struct ImportArgs {
  Where w;
  std::string from, path, doc, author, created;
};

Run add_import(CLI::App& app) {
  auto a = std::make_shared<ImportArgs>();
  add_where(app, a->w);
  app.add_option("--from", a->from, "w3c, brat, or cues-tsv (annotations/gold/cues.tsv)")
      ->required()
      ->check(CLI::IsMember({"w3c", "brat", "cues-tsv"}));
  app.add_option("FILE", a->path,
                 "W3C JSON/JSONL file, a brat .ann file (its .txt beside it), or a cue TSV")
      ->required();
  app.add_option("--doc", a->doc, "brat: document id (default: the .ann file's folder name)");
  app.add_option("--author", a->author,
                 "brat: annotator (default: the .ann file's name); cues-tsv: default gold");
  app.add_option("--created", a->created,
                 "brat without sidecar, cues-tsv: date of the annotations");
  return [a]() {
    std::vector<StoredAnnotation> anns;
    Docs docs(a->w.corpus, a->from == "cues-tsv");
    if (Status s = docs.open(); !s.ok()) return fail(s);
    if (a->from == "cues-tsv") {
      if (Status s = need_date(a->created, "--created"); !s.ok()) return fail(s);
      auto r = read_cues_tsv(a->path, docs, a->author.empty() ? "gold" : a->author, a->created);
      if (!r.ok()) return fail(r.status());
      anns = std::move(r.value());
    } else if (a->from == "w3c") {
      auto bytes = read_file(a->path);
      if (!bytes.ok()) return fail(bytes.status());
      auto r = corpus::from_w3c(bytes.value(), a->path);
      if (!r.ok()) return fail(r.status());
      anns = std::move(r.value());
    } else {
      const fs::path ann(a->path);
      const std::string doc =
          a->doc.empty() ? fs::absolute(ann).parent_path().filename().string() : a->doc;
      std::string stem = ann.filename().string();
      if (stem.size() > 4 && stem.substr(stem.size() - 4) == ".ann") stem.resize(stem.size() - 4);
      const std::string author = a->author.empty() ? stem : a->author;
      auto ann_bytes = read_file(a->path);
      if (!ann_bytes.ok()) return fail(ann_bytes.status());
      const std::string txt_path = (ann.parent_path() / (stem + ".txt")).string();
      auto txt = read_file(txt_path);
      if (!txt.ok()) return fail(txt.status());
      std::string map;
      std::error_code ec;
      if (fs::exists(a->path + ".map.jsonl", ec)) {
        auto m = read_file(a->path + ".map.jsonl");
        if (!m.ok()) return fail(m.status());
        map = m.value();
      } else if (Status s = need_date(a->created, "--created (no sidecar to take it from)");
                 !s.ok()) {
        return fail(s);
      }
      auto r =
          corpus::from_brat(txt.value(), ann_bytes.value(), map, a->path, doc, author, a->created);
      if (!r.ok()) return fail(r.status());
      anns = std::move(r.value());
      for (auto& x : anns) x.file = author;  // one .ann = one annotator file
    }
    auto store = open_store(a->w);
    if (!store.ok()) return fail(store.status());
    // Group by (doc, author); an id already in the file is replaced.
    std::map<std::pair<std::string, std::string>, std::vector<StoredAnnotation>> groups;
    for (auto& x : anns) {
      const std::string file = x.file.empty() ? x.author : x.file;
      groups[{x.doc, file}].push_back(std::move(x));
    }
    bool ok = true;
    for (auto& [key, list] : groups) {
      auto file = store->file_for(key.first, key.second);
      if (!file.ok()) return fail(file.status());
      AnnotationFile& f = **file;
      for (auto& x : list) {
        bool replaced = false;
        for (auto& y : f.annotations) {
          if (y.id == x.id) {
            y = x;
            replaced = true;
          }
        }
        if (!replaced) {
          f.annotations.push_back(x);
          f.lines.push_back(0);
        }
      }
      const Document* doc = nullptr;
      if (docs.known(f.doc)) {
        auto d = docs.get(f.doc);
        if (!d.ok()) return fail(d.status());
        doc = d.value();
      }
      ok = check_file(f, doc) && ok;
    }
    if (!ok) {
      return fail(Status::error(ErrorCode::invalid_input,
                                "the imported annotations do not validate; nothing was written",
                                a->path));
    }
    // Looked up again: file_for() may have moved the files while growing the list.
    for (const auto& [key, list] : groups) {
      AnnotationFile* f = store->find(key.first, key.second);
      if (Status s = store->save(*f); !s.ok()) return fail(s);
      std::cout << f->path << ": " << list.size() << " imported, " << f->annotations.size()
                << " in the file\n";
    }
    return kExitSame;
  };
}

}  // namespace

Run add_corpus(CLI::App& app) {
  app.require_subcommand(1);
  auto runs = std::make_shared<std::map<const CLI::App*, Run>>();
  auto sub = [&](const char* name, const char* help, Run (*fn)(CLI::App&)) {
    CLI::App* s = app.add_subcommand(name, help);
    (*runs)[s] = fn(*s);
  };
  sub("validate", "Check every annotation against its document (exit 2 on any error)",
      &add_validate);
  sub("stats", "Counts per category, annotator, document, anchor status", &add_stats);
  sub("add", "Add one annotation from the command line", &add_add);
  sub("suggest", "Write the annotator's cue spans as machine suggestions for review", &add_suggest);
  sub("merge", "Merge annotators' files into one (default: gold), logging the sources", &add_merge);
  sub("adjudicate", "Accept, reject or edit annotations into the gold file, with logged decisions",
      &add_adjudicate);
  sub("agree", "Cohen's kappa, span F1 and Krippendorff's alpha between annotators", &add_agree);
  sub("reanchor", "Move annotations to the current text of a changed document", &add_reanchor);
  sub("export", "Export as W3C Web Annotation JSON-LD, brat standoff or CSV", &add_export);
  sub("import", "Import W3C Web Annotation JSON-LD, brat standoff, or the gold cue TSV",
      &add_import);
  return [&app, runs]() {
    for (const auto* s : app.get_subcommands()) {
      auto it = runs->find(s);
      if (it != runs->end()) return it->second();
    }
    return kExitTrouble;
  };
}

}  // namespace cd::cli
