// cli/app.h: shared plumbing of the subcommands: exit codes, error printing,
// output writing, and turning a command-line argument into a Document (a
// path, or a document id of the corpus manifest).
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "corpus/manifest.h"
#include "ingest/ingest.h"
#include "model/document.h"
#include "structure/structure.h"

namespace cd::cli {

// Exit statuses (docs/CLI.md): diff(1) conventions.
inline constexpr int kExitSame = 0;
inline constexpr int kExitDifferent = 1;
inline constexpr int kExitTrouble = 2;

// Prints "clausediff: PATH:LINE:COL: error: WHAT" (+ "hint: ..." line) to stderr.
int fail(const Status& status);
void warn(const std::string& path, const Diagnostic& d);

// Writes to `out_path` atomically, or to stdout when empty or "-".
Status write_output(const std::string& out_path, const std::string& bytes);

// True when stdout is a terminal and NO_COLOR is unset (https://no-color.org).
bool want_color(const std::string& mode);

struct DocumentArgs {
  std::string corpus_dir = "corpus";
  ingest::Options ingest;
  structure::Options structure;  // diff and history need no sentences
};

// `arg` is a file path, or a document id of <corpus_dir>/manifest.json. A
// file listed in a manifest beside or above it gets the manifest's metadata.
Result<Document> load_document(const std::string& arg, const DocumentArgs& opts);

// load_document for each argument, two at a time on two threads (ingest and
// structure are independent per document); the first failure in argument
// order is returned, so the message does not depend on thread timing.
Result<std::vector<Document>> load_documents(const std::vector<std::string>& args,
                                             const DocumentArgs& opts);

// The manifest of the corpus folder.
Result<corpus::Manifest> load_corpus(const std::string& corpus_dir);

// Applies the manifest's metadata for `md` to the ingest options.
ingest::Options options_for(const corpus::ManifestDocument& md, const ingest::Options& base);
void apply_manifest_meta(Document& doc, const corpus::ManifestDocument& md);

}  // namespace cd::cli
