// corpus/annotation_store.h: the annotation corpus on disk (annotations/).
//
// What it does: holds stand-off annotations over the corpus documents, one
// JSON Lines file per document and annotator
// (annotations/<doc-id>/<annotator>.jsonl), each line one annotation with
// code point offsets into the document's canonical text, the quote with 32
// code points of context on each side (W3C Web Annotation Data Model §4.2.4
// TextQuoteSelector), the SHA-256 of the canonical text it was made on, its
// taxonomy category, provenance, anchor status and decision log. Files are
// canonical (fixed key order, sorted by position, "\n" line ends) so that git
// diffs are semantic and two annotators never edit the same file. Loading
// collects every problem with its file and line instead of stopping at the
// first; validation checks every annotation against its document (the text
// at start..end equals the quote, category known, version hash matches).
// Saving is atomic (core/fs.h), serialised by a lock on the store folder and
// refused when the file changed since it was loaded (lost-update check).
// What it does not do: compute anchors after an edit (corpus/anchoring.h),
// agreement (corpus/agreement.h) or interchange formats (corpus/export.h).
// Format reference: docs/ANNOTATIONS.md.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "model/analysis.h"
#include "model/document.h"

namespace cd::corpus {

// Where an annotation's anchor stands relative to the current text.
enum class AnchorStatus { exact, shifted, fuzzy, orphaned };
const char* to_string(AnchorStatus s);
std::optional<AnchorStatus> anchor_status_from(std::string_view s);

// One entry of an annotation's decision log (adjudication, merge, re-anchoring
// is not logged here: it has its own `anchored_from`).
struct Decision {
  std::string action;  // accept | reject | edit | merge
  std::string by;      // who decided
  std::string date;    // ISO 8601, given by the caller
  std::string ref;     // the other side: "<author>:<id>" copied from / into
  std::string note;    // why, or what changed ("category: a -> b")
  bool operator==(const Decision&) const = default;
};

// The anchor an annotation had before the last re-anchoring.
struct PreviousAnchor {
  std::string doc_sha256;
  uint32_t start = 0;
  uint32_t end = 0;
  std::string exact;
  bool operator==(const PreviousAnchor&) const = default;
};

struct StoredAnnotation {
  std::string id;          // unique within its file; make_id() for new ones
  std::string doc;         // corpus document id
  std::string doc_sha256;  // SHA-256 of the UTF-8 canonical text the offsets refer to
  uint32_t start = 0;      // code points, end exclusive
  uint32_t end = 0;
  std::string exact;     // UTF-8 text at [start, end)
  std::string prefix;    // up to kContext code points before start
  std::string suffix;    // up to kContext code points after end
  std::string category;  // taxonomy id
  std::string subtype;
  std::string author;
  std::string created;  // YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ
  std::string note;
  AnchorStatus status = AnchorStatus::exact;
  double score = 1.0;            // anchor quality; below 1 only for fuzzy anchors
  std::string source = "human";  // human | machine
  std::string rule;              // machine suggestions: the rule id
  std::optional<PreviousAnchor> anchored_from;
  std::vector<Decision> decisions;
  // The annotator file that holds it (its name without .jsonl). Not written
  // into the line: it is the file name. Differs from `author` in gold files.
  std::string file;

  Span span() const { return Span{start, end}; }
  bool operator==(const StoredAnnotation&) const = default;
};

inline constexpr uint32_t kContext = 32;  // as Hypothesis (research notes §2)

// Taxonomy category ids (shared/design/taxonomy.md) in priority order, most
// specific first. Used to validate categories and to label tokens for
// agreement when one annotator's spans overlap.
const std::vector<std::string>& taxonomy_categories();
bool known_category(std::string_view id);
int category_rank(std::string_view id);  // 0 = most specific; large when unknown

// SHA-256 of the document's canonical text as UTF-8: the version id written
// into doc_sha256 (the source bytes' hash, meta.sha256, also changes when only
// a header line changes, which does not move any offset).
std::string text_sha256(const Document& doc);
std::string text_sha256(std::u32string_view text);

// Fills doc, doc_sha256, start/end, exact, prefix and suffix from the document.
StoredAnnotation anchor_at(const Document& doc, Span span);
void fill_quote(StoredAnnotation& a, std::u32string_view text, const std::string& text_sha);
// Deterministic id: "a" + 16 hex digits of SHA-256 over doc, author, offsets, category, subtype.
std::string make_id(const StoredAnnotation& a);

// True for YYYY-MM-DD and YYYY-MM-DDTHH:MM:SS[.fff]Z.
bool valid_date(std::string_view s);
// Annotator names are file names: [a-z0-9][a-z0-9._-]*, at most 64 bytes.
bool valid_author(std::string_view s);

// One problem found while loading or validating, with its place.
struct Issue {
  Severity severity = Severity::error;
  std::string path;   // file, relative to the working directory
  uint32_t line = 0;  // 1-based; 0 = whole file
  std::string message;
  std::string to_string() const;  // "PATH:LINE: error: MESSAGE"
};

struct AnnotationFile {
  std::string doc;     // folder name
  std::string author;  // file name without .jsonl
  std::string path;    // full path of the file
  std::vector<StoredAnnotation> annotations;
  std::vector<uint32_t> lines;  // line of each annotation as loaded (0 = added since)
  std::string base_sha256;      // SHA-256 of the bytes as loaded; empty = new file
};

// Canonical serialisation: sorted by (start, end, category, subtype, id), one
// object per line with the key order of docs/ANNOTATIONS.md.
std::string to_jsonl(std::vector<StoredAnnotation> annotations);
std::string to_json_line(const StoredAnnotation& a);
// Parses JSON Lines; every bad line becomes an Issue (with `path` and its line)
// and the good lines are kept. Blank lines are allowed.
std::vector<StoredAnnotation> parse_jsonl(std::string_view bytes, const std::string& path,
                                          std::vector<Issue>& issues,
                                          std::vector<uint32_t>* lines = nullptr);
void sort_annotations(std::vector<StoredAnnotation>& annotations);

class AnnotationStore {
 public:
  // Loads every <doc>/<author>.jsonl under `dir` (a missing folder is an empty
  // store). Problems in the files are collected in issues(), not returned.
  static Result<AnnotationStore> open(const std::string& dir);

  const std::string& dir() const { return dir_; }
  std::vector<AnnotationFile>& files() { return files_; }
  const std::vector<AnnotationFile>& files() const { return files_; }
  const std::vector<Issue>& issues() const { return issues_; }

  AnnotationFile* find(const std::string& doc, const std::string& author);
  const AnnotationFile* find(const std::string& doc, const std::string& author) const;
  // The file for (doc, author), created empty (not yet written) when missing.
  Result<AnnotationFile*> file_for(const std::string& doc, const std::string& author);
  std::vector<std::string> authors() const;    // sorted
  std::vector<std::string> documents() const;  // sorted

  // Writes the file atomically under the store lock. Refused when the file on
  // disk no longer has the bytes it was loaded with (another writer won).
  Status save(AnnotationFile& file);

 private:
  std::string dir_;
  std::vector<AnnotationFile> files_;
  std::vector<Issue> issues_;
};

// Checks every annotation of the store against `docs` (by corpus id): the doc
// exists, the id is unique in its file, the offsets lie inside the text, the
// text there equals `exact`, doc_sha256 names this version, the category is
// known, fields hold allowed values. Orphaned annotations are warnings.
std::vector<Issue> validate(const AnnotationStore& store,
                            const std::map<std::string, const Document*>& docs);
std::vector<Issue> validate_file(const AnnotationFile& file, const Document* doc);

struct Stats {
  std::map<std::string, std::size_t> by_category;
  std::map<std::string, std::size_t> by_author;
  std::map<std::string, std::size_t> by_document;
  std::map<std::string, std::size_t> by_status;
  std::map<std::string, std::size_t> by_source;
  std::size_t total = 0;
  std::size_t files = 0;
};
Stats stats(const AnnotationStore& store);
std::string to_json(const Stats& s);  // {"total":..,"files":..,"by_category":{..},...}

// Machine suggestions (annotate::annotate) as store records for review:
// source "machine", the rule id kept, author as given ("clausediff").
std::vector<StoredAnnotation> suggestions(const Document& doc, const std::vector<Annotation>& found,
                                          const std::string& author, const std::string& created);
// Replaces the suggestions in `file` by a new run, keeping the decision log
// (and created date) of every suggestion that is still proposed.
struct SuggestResult {
  std::size_t total = 0, kept = 0, added = 0, removed = 0;
};
SuggestResult replace_suggestions(AnnotationFile& file, std::vector<StoredAnnotation> fresh);

// Adds `a` to `file`; refused when an annotation with the same id, or the same
// span, category and subtype, is already there.
Status add(AnnotationFile& file, StoredAnnotation a);

// Union of several annotators' files into `into`: annotations with the same
// span, category and subtype become one, with a "merge" decision naming every
// source; the others are copied with one "merge" decision each. Annotations
// already in `into` (by span/category/subtype) are kept and only logged.
struct MergeResult {
  std::size_t added = 0;
  std::size_t combined = 0;  // identical annotations from several sources
  std::size_t already = 0;
};
MergeResult merge(const std::vector<const AnnotationFile*>& from, AnnotationFile& into,
                  const std::string& by, const std::string& date);

// Adjudication of one annotation of `from` into `into` (the gold file).
struct Verdict {
  std::string action;  // accept | reject | edit
  std::string id;      // annotation id in `from`
  std::string by;
  std::string date;
  std::string note;
  // edit: the new values (empty = unchanged); an offset change re-reads the quote.
  std::string category;
  std::string subtype;
  std::optional<uint32_t> start;
  std::optional<uint32_t> end;
};
// `doc` is needed for edits that move the span; may be null otherwise.
Status adjudicate(AnnotationFile& from, AnnotationFile& into, const Verdict& v,
                  const Document* doc);

}  // namespace cd::corpus
