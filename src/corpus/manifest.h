// corpus/manifest.h: the on-disk description of corpus/ (corpus/manifest.json).
//
// The manifest lists documents (id, path relative to corpus/, kind, genre and
// metadata that the file itself cannot carry) and comparison sets (a reference
// document and units, and the documents compared against it). Paths are
// resolved inside the corpus folder only: a manifest cannot name a file
// outside it. Format documented in docs/CORPUS.md.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace cd::corpus {

struct ManifestDocument {
  std::string id;
  std::string path;      // relative to the corpus folder, as written
  std::string resolved;  // joined and checked
  std::string kind;
  std::string genre;
  std::string title;  // used when the file has no header
  std::string date;
  std::string source;
  std::string status;
  std::string verified;
};

struct ComparisonSetSpec {
  std::string name;
  std::string title;
  std::string description;
  std::string reference;  // document id
  std::vector<std::string> reference_units;
  std::vector<std::string> documents;  // compared against the reference, in order
  bool is_default = false;
};

struct Manifest {
  std::string dir;
  std::string path;
  std::vector<ManifestDocument> documents;
  std::vector<ComparisonSetSpec> sets;

  const ManifestDocument* document(const std::string& id) const;
  const ComparisonSetSpec* set(const std::string& name) const;  // "" = the default set
};

Result<Manifest> load_manifest(const std::string& path);

}  // namespace cd::corpus
