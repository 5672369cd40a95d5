#include "cli/app.h"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <thread>

#include "compare/compare.h"
#include "core/fs.h"

namespace cd::cli {
namespace fs = std::filesystem;

int fail(const Status& status) {
  std::cerr << "clausediff: " << status.to_string() << "\n";
  if (!status.hint.empty()) std::cerr << "clausediff: hint: " << status.hint << "\n";
  return kExitTrouble;
}

void warn(const std::string& path, const Diagnostic& d) {
  const char* sev = d.severity == Severity::error  ? "error"
                    : d.severity == Severity::note ? "note"
                                                   : "warning";
  std::cerr << "clausediff: " << path;
  if (d.line > 0) std::cerr << ":" << d.line << ":" << d.column;
  std::cerr << ": " << sev << ": " << d.message << "\n";
}

Status write_output(const std::string& out_path, const std::string& bytes) {
  if (out_path.empty() || out_path == "-") {
    std::fwrite(bytes.data(), 1, bytes.size(), stdout);
    if (std::fflush(stdout) != 0)
      return Status::error(ErrorCode::io, "cannot write to standard output");
    return Status::success();
  }
  return write_file_atomic(out_path, bytes);
}

bool want_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  return ::isatty(STDOUT_FILENO) != 0;
}

Result<corpus::Manifest> load_corpus(const std::string& corpus_dir) {
  const std::string path = (fs::path(corpus_dir) / "manifest.json").string();
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    return Status::error(ErrorCode::io, "no corpus manifest here", path)
        .with_hint("run from the repository root, or pass --corpus DIR");
  }
  return corpus::load_manifest(path);
}

ingest::Options options_for(const corpus::ManifestDocument& md, const ingest::Options& base) {
  ingest::Options o = base;
  if (o.id.empty()) o.id = md.id;
  if (o.kind.empty()) o.kind = md.kind;
  if (o.genre.empty()) o.genre = md.genre;
  if (o.title.empty()) o.title = md.title;
  return o;
}

void apply_manifest_meta(Document& doc, const corpus::ManifestDocument& md) {
  // The manifest fills what the file's own header does not say.
  if (doc.meta.title.empty()) doc.meta.title = md.title;
  if (doc.meta.date.empty()) doc.meta.date = md.date;
  if (doc.meta.source.empty()) doc.meta.source = md.source;
  if (doc.meta.status.empty()) doc.meta.status = md.status;
  if (doc.meta.verified.empty()) doc.meta.verified = md.verified;
}

namespace {

// Looks for a manifest.json in the file's folder and its parents that lists
// the file; returns its entry.
std::optional<corpus::ManifestDocument> manifest_entry_for(const std::string& file) {
  std::error_code ec;
  const fs::path target = fs::weakly_canonical(fs::path(file), ec);
  if (ec) return std::nullopt;
  for (fs::path dir = target.parent_path(); !dir.empty(); dir = dir.parent_path()) {
    const fs::path m = dir / "manifest.json";
    if (fs::exists(m, ec)) {
      auto manifest = corpus::load_manifest(m.string());
      if (manifest.ok()) {
        for (const auto& d : manifest->documents) {
          if (fs::weakly_canonical(fs::path(d.resolved), ec) == target) return d;
        }
      }
      return std::nullopt;
    }
    if (dir == dir.root_path()) break;
  }
  return std::nullopt;
}

}  // namespace

Result<Document> load_document(const std::string& arg, const DocumentArgs& opts) {
  std::error_code ec;
  if (fs::exists(arg, ec)) {
    const auto entry = manifest_entry_for(arg);
    const ingest::Options o = entry ? options_for(*entry, opts.ingest) : opts.ingest;
    auto doc = compare::load(arg, o, opts.structure);
    if (doc.ok() && entry) apply_manifest_meta(doc.value(), *entry);
    return doc;
  }
  // Not a file: maybe a document id of the corpus.
  const bool looks_like_id =
      arg.find('/') == std::string::npos && arg.find('.') == std::string::npos;
  if (looks_like_id) {
    auto manifest = load_corpus(opts.corpus_dir);
    // A corpus whose manifest is broken: say so rather than "no such file".
    if (!manifest.ok() && manifest.status().code != ErrorCode::io) return manifest.status();
    if (manifest.ok()) {
      if (const auto* md = manifest->document(arg)) {
        auto doc = compare::load(md->resolved, options_for(*md, opts.ingest), opts.structure);
        if (doc.ok()) apply_manifest_meta(doc.value(), *md);
        return doc;
      }
    }
  }
  return Status::error(ErrorCode::io, "no such file", arg)
      .with_hint(looks_like_id ? "give a file path, or a document id from " + opts.corpus_dir +
                                     "/manifest.json"
                               : "check the path");
}

Result<std::vector<Document>> load_documents(const std::vector<std::string>& args,
                                             const DocumentArgs& opts) {
  std::vector<std::optional<Result<Document>>> loaded(args.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < args.size(); i = next++) {
      loaded[i].emplace(load_document(args[i], opts));
    }
  };
  {
    std::thread helper;
    if (args.size() > 1) helper = std::thread(work);
    work();
    if (helper.joinable()) helper.join();
  }
  std::vector<Document> out;
  out.reserve(args.size());
  for (auto& r : loaded) {
    if (!r->ok()) return r->status();
    out.push_back(std::move(r->value()));
  }
  return out;
}

}  // namespace cd::cli
