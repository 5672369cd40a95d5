#include "corpus/annotation_store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "core/fs.h"
#include "core/sha256.h"
#include "core/utf8.h"

namespace cd::corpus {
namespace fs = std::filesystem;
using Json = nlohmann::json;
using OJson = nlohmann::ordered_json;

const char* to_string(AnchorStatus s) {
  switch (s) {
    case AnchorStatus::exact:
      return "exact";
    case AnchorStatus::shifted:
      return "shifted";
    case AnchorStatus::fuzzy:
      return "fuzzy";
    case AnchorStatus::orphaned:
      return "orphaned";
  }
  return "exact";
}

std::optional<AnchorStatus> anchor_status_from(std::string_view s) {
  if (s == "exact") return AnchorStatus::exact;
  if (s == "shifted") return AnchorStatus::shifted;
  if (s == "fuzzy") return AnchorStatus::fuzzy;
  if (s == "orphaned") return AnchorStatus::orphaned;
  return std::nullopt;
}

const std::vector<std::string>& taxonomy_categories() {
  // taxonomy.md, "When spans overlap, the more specific category wins".
  static const std::vector<std::string> kCategories = {
      "exception",  "procedure",   "discretion",       "trigger_frame", "trigger", "means",
      "geo_scope",  "temporal",    "domestic_process", "obligation",    "obligor", "hedge",
      "permission", "prohibition", "bindingness",      "vagueness"};
  return kCategories;
}

bool known_category(std::string_view id) { return category_rank(id) < 1000; }

int category_rank(std::string_view id) {
  const auto& c = taxonomy_categories();
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (c[i] == id) return static_cast<int>(i);
  }
  return 1000;
}

std::string text_sha256(std::u32string_view text) { return sha256_hex(to_u8(text)); }
std::string text_sha256(const Document& doc) { return text_sha256(doc.text); }

void fill_quote(StoredAnnotation& a, std::u32string_view text, const std::string& text_sha) {
  const auto n = static_cast<uint32_t>(text.size());
  const uint32_t s = std::min(a.start, n);
  const uint32_t e = std::min(std::max(a.end, s), n);
  const uint32_t p = s > kContext ? s - kContext : 0;
  const uint32_t q = std::min(n, e + kContext);
  a.doc_sha256 = text_sha;
  a.exact = to_u8(text.substr(s, e - s));
  a.prefix = to_u8(text.substr(p, s - p));
  a.suffix = to_u8(text.substr(e, q - e));
}

StoredAnnotation anchor_at(const Document& doc, Span span) {
  StoredAnnotation a;
  a.doc = doc.meta.id;
  a.start = span.start;
  a.end = span.end;
  fill_quote(a, doc.text, text_sha256(doc));
  return a;
}

std::string make_id(const StoredAnnotation& a) {
  const std::string key = a.doc + "\n" + a.author + "\n" + std::to_string(a.start) + "\n" +
                          std::to_string(a.end) + "\n" + a.category + "\n" + a.subtype;
  return "a" + sha256_hex(key).substr(0, 16);
}

namespace {

bool digits(std::string_view s, std::size_t from, std::size_t n) {
  if (s.size() < from + n) return false;
  for (std::size_t i = from; i < from + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

}  // namespace

bool valid_date(std::string_view s) {
  if (!(digits(s, 0, 4) && s.size() >= 10 && s[4] == '-' && digits(s, 5, 2) && s[7] == '-' &&
        digits(s, 8, 2))) {
    return false;
  }
  if (s.size() == 10) return true;
  if (!(s.size() >= 20 && s[10] == 'T' && digits(s, 11, 2) && s[13] == ':' && digits(s, 14, 2) &&
        s[16] == ':' && digits(s, 17, 2))) {
    return false;
  }
  std::size_t i = 19;
  if (s[i] == '.') {
    ++i;
    const std::size_t f = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == f) return false;
  }
  return i + 1 == s.size() && s[i] == 'Z';
}

bool valid_author(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!(alnum || (i > 0 && (c == '.' || c == '_' || c == '-')))) return false;
  }
  return true;
}

std::string Issue::to_string() const {
  std::string out = path;
  if (line > 0) out += ":" + std::to_string(line);
  out += severity == Severity::error     ? ": error: "
         : severity == Severity::warning ? ": warning: "
                                         : ": note: ";
  return out + message;
}

// ---- serialisation ---------------------------------------------------------------

void sort_annotations(std::vector<StoredAnnotation>& annotations) {
  std::stable_sort(annotations.begin(), annotations.end(),
                   [](const StoredAnnotation& x, const StoredAnnotation& y) {
                     return std::tie(x.start, x.end, x.category, x.subtype, x.id) <
                            std::tie(y.start, y.end, y.category, y.subtype, y.id);
                   });
}

std::string to_json_line(const StoredAnnotation& a) {
  // Key order is the format (docs/ANNOTATIONS.md): identity, anchor, label,
  // provenance, state, log. ordered_json keeps insertion order.
  OJson j;
  j["id"] = a.id;
  j["doc"] = a.doc;
  j["doc_sha256"] = a.doc_sha256;
  j["start"] = a.start;
  j["end"] = a.end;
  j["exact"] = a.exact;
  j["prefix"] = a.prefix;
  j["suffix"] = a.suffix;
  j["category"] = a.category;
  j["subtype"] = a.subtype;
  j["author"] = a.author;
  j["created"] = a.created;
  j["note"] = a.note;
  j["status"] = to_string(a.status);
  if (a.status == AnchorStatus::fuzzy) j["score"] = std::round(a.score * 1000.0) / 1000.0;
  j["source"] = a.source;
  if (!a.rule.empty()) j["rule"] = a.rule;
  if (a.anchored_from) {
    OJson p;
    p["doc_sha256"] = a.anchored_from->doc_sha256;
    p["start"] = a.anchored_from->start;
    p["end"] = a.anchored_from->end;
    p["exact"] = a.anchored_from->exact;
    j["anchored_from"] = p;
  }
  OJson log = OJson::array();
  for (const auto& d : a.decisions) {
    OJson e;
    e["action"] = d.action;
    e["by"] = d.by;
    e["date"] = d.date;
    e["ref"] = d.ref;
    e["note"] = d.note;
    log.push_back(e);
  }
  j["decisions"] = log;
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string to_jsonl(std::vector<StoredAnnotation> annotations) {
  sort_annotations(annotations);
  std::string out;
  for (const auto& a : annotations) {
    out += to_json_line(a);
    out += '\n';
  }
  return out;
}

namespace {

// Reads one JSON object into an annotation; returns the first problem found.
std::string from_json(const Json& j, StoredAnnotation& a) {
  static const std::set<std::string> kKeys = {
      "id",     "doc",      "doc_sha256", "start",         "end",      "exact", "prefix",
      "suffix", "category", "subtype",    "author",        "created",  "note",  "status",
      "score",  "source",   "rule",       "anchored_from", "decisions"};
  if (!j.is_object()) return "a line must hold one JSON object";
  for (const auto& [k, v] : j.items()) {
    if (!kKeys.count(k)) return "unknown key \"" + k + "\"";
  }
  auto str = [&](const char* key, std::string& out, bool required) -> std::string {
    auto it = j.find(key);
    if (it == j.end()) return required ? std::string("missing \"") + key + "\"" : std::string();
    if (!it->is_string()) return std::string("\"") + key + "\" must be a string";
    out = it->get<std::string>();
    return {};
  };
  auto num = [&](const Json& o, const char* key, uint32_t& out) -> std::string {
    auto it = o.find(key);
    if (it == o.end()) return std::string("missing \"") + key + "\"";
    if (!it->is_number_unsigned() || it->get<uint64_t>() > UINT32_MAX) {
      return std::string("\"") + key + "\" must be a non-negative integer (code points)";
    }
    out = static_cast<uint32_t>(it->get<uint64_t>());
    return {};
  };
  std::string err;
  for (auto [key, field] : {std::pair{"id", &a.id},
                            {"doc", &a.doc},
                            {"doc_sha256", &a.doc_sha256},
                            {"exact", &a.exact},
                            {"category", &a.category},
                            {"author", &a.author},
                            {"created", &a.created},
                            {"source", &a.source}}) {
    if (!(err = str(key, *field, true)).empty()) return err;
  }
  for (auto [key, field] : {std::pair{"prefix", &a.prefix},
                            {"suffix", &a.suffix},
                            {"subtype", &a.subtype},
                            {"note", &a.note},
                            {"rule", &a.rule}}) {
    if (!(err = str(key, *field, false)).empty()) return err;
  }
  if (!(err = num(j, "start", a.start)).empty()) return err;
  if (!(err = num(j, "end", a.end)).empty()) return err;
  std::string status = "exact";
  if (!(err = str("status", status, false)).empty()) return err;
  auto st = anchor_status_from(status);
  if (!st) return "\"status\" must be exact, shifted, fuzzy or orphaned, not \"" + status + "\"";
  a.status = *st;
  if (auto it = j.find("score"); it != j.end()) {
    if (!it->is_number()) return "\"score\" must be a number";
    a.score = it->get<double>();
  }
  if (auto it = j.find("anchored_from"); it != j.end()) {
    if (!it->is_object()) return "\"anchored_from\" must be an object";
    PreviousAnchor p;
    auto sha = it->find("doc_sha256");
    auto ex = it->find("exact");
    if (sha == it->end() || !sha->is_string() || ex == it->end() || !ex->is_string()) {
      return "\"anchored_from\" needs \"doc_sha256\" and \"exact\" strings";
    }
    p.doc_sha256 = sha->get<std::string>();
    p.exact = ex->get<std::string>();
    if (!(err = num(*it, "start", p.start)).empty()) return "anchored_from: " + err;
    if (!(err = num(*it, "end", p.end)).empty()) return "anchored_from: " + err;
    a.anchored_from = p;
  }
  if (auto it = j.find("decisions"); it != j.end()) {
    if (!it->is_array()) return "\"decisions\" must be an array";
    for (const auto& e : *it) {
      if (!e.is_object()) return "each decision must be an object";
      Decision d;
      for (auto [key, field] : {std::pair{"action", &d.action},
                                {"by", &d.by},
                                {"date", &d.date},
                                {"ref", &d.ref},
                                {"note", &d.note}}) {
        auto f = e.find(key);
        if (f != e.end()) {
          if (!f->is_string()) return std::string("decision \"") + key + "\" must be a string";
          *field = f->get<std::string>();
        }
      }
      if (d.action != "accept" && d.action != "reject" && d.action != "edit" &&
          d.action != "merge") {
        return "decision \"action\" must be accept, reject, edit or merge, not \"" + d.action +
               "\"";
      }
      a.decisions.push_back(std::move(d));
    }
  }
  return {};
}

}  // namespace

std::vector<StoredAnnotation> parse_jsonl(std::string_view bytes, const std::string& path,
                                          std::vector<Issue>& issues,
                                          std::vector<uint32_t>* lines) {
  std::vector<StoredAnnotation> out;
  uint32_t line = 0;
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    ++line;
    std::size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) nl = bytes.size();
    std::string_view text = bytes.substr(pos, nl - pos);
    pos = nl + 1;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
    Json j;
    StoredAnnotation a;
    std::string err;
    // nlohmann throws out_of_range for numbers like 1e999 and type_error for
    // unexpected shapes, not only parse_error: all are bad input here.
    try {
      j = Json::parse(text);
      err = from_json(j, a);
    } catch (const Json::parse_error& e) {
      issues.push_back({Severity::error, path, line, std::string("not valid JSON: ") + e.what()});
      continue;
    } catch (const Json::exception& e) {
      issues.push_back(
          {Severity::error, path, line, std::string("not a valid annotation: ") + e.what()});
      continue;
    }
    if (!err.empty()) {
      issues.push_back({Severity::error, path, line, err});
      continue;
    }
    out.push_back(std::move(a));
    if (lines) lines->push_back(line);
  }
  return out;
}

// ---- the store ---------------------------------------------------------------------

Result<AnnotationStore> AnnotationStore::open(const std::string& dir) {
  AnnotationStore store;
  store.dir_ = dir;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return store;
  if (!fs::is_directory(dir, ec)) {
    return Status::error(ErrorCode::io, "the annotation store must be a folder", dir);
  }
  std::vector<fs::path> paths;
  for (const auto& d : fs::directory_iterator(dir, ec)) {
    if (!d.is_directory()) continue;
    const std::string doc = d.path().filename().string();
    // Not document folders: hidden ones, the JSON-LD schema, the examples.
    if (doc.empty() || doc[0] == '.' || doc == "schema" || doc == "examples") continue;
    for (const auto& f : fs::directory_iterator(d.path(), ec)) {
      if (f.is_regular_file() && f.path().extension() == ".jsonl") paths.push_back(f.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    AnnotationFile file;
    file.doc = p.parent_path().filename().string();
    file.author = p.stem().string();
    // Files named in the store are data: they must stay inside it (no symlink out).
    auto inside = resolve_inside(dir, file.doc + "/" + p.filename().string());
    if (!inside.ok()) {
      store.issues_.push_back({Severity::error, p.string(), 0, inside.status().message});
      continue;
    }
    file.path = inside.value();
    auto bytes = read_file(file.path);
    if (!bytes.ok()) {
      store.issues_.push_back({Severity::error, file.path, 0, bytes.status().message});
      continue;
    }
    file.base_sha256 = sha256_hex(bytes.value());
    if (!valid_author(file.author)) {
      store.issues_.push_back({Severity::error, file.path, 0,
                               "file name must be <annotator>.jsonl with [a-z0-9._-] only"});
    }
    file.annotations = parse_jsonl(bytes.value(), file.path, store.issues_, &file.lines);
    for (auto& a : file.annotations) a.file = file.author;
    store.files_.push_back(std::move(file));
  }
  return store;
}

AnnotationFile* AnnotationStore::find(const std::string& doc, const std::string& author) {
  for (auto& f : files_) {
    if (f.doc == doc && f.author == author) return &f;
  }
  return nullptr;
}

const AnnotationFile* AnnotationStore::find(const std::string& doc,
                                            const std::string& author) const {
  for (const auto& f : files_) {
    if (f.doc == doc && f.author == author) return &f;
  }
  return nullptr;
}

Result<AnnotationFile*> AnnotationStore::file_for(const std::string& doc,
                                                  const std::string& author) {
  if (auto* f = find(doc, author)) return f;
  if (!valid_author(author)) {
    return Status::error(
        ErrorCode::usage,
        "annotator name '" + author + "' must match [a-z0-9][a-z0-9._-]* (it is a file name)");
  }
  if (doc.empty() || doc[0] == '.' || doc.find('/') != std::string::npos) {
    return Status::error(ErrorCode::usage, "bad document id '" + doc + "'");
  }
  auto path = resolve_inside(dir_, doc + "/" + author + ".jsonl");
  if (!path.ok()) return path.status();
  AnnotationFile file;
  file.doc = doc;
  file.author = author;
  file.path = path.value();
  files_.push_back(std::move(file));
  return &files_.back();
}

std::vector<std::string> AnnotationStore::authors() const {
  std::set<std::string> s;
  for (const auto& f : files_) s.insert(f.author);
  return {s.begin(), s.end()};
}

std::vector<std::string> AnnotationStore::documents() const {
  std::set<std::string> s;
  for (const auto& f : files_) s.insert(f.doc);
  return {s.begin(), s.end()};
}

namespace {

// flock(2) on the store folder itself: no lock file is left behind, and the
// lock is released by the kernel when the process dies.
class StoreLock {
 public:
  explicit StoreLock(const std::string& dir) {
    fd_ = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd_ >= 0 && ::flock(fd_, LOCK_EX) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~StoreLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  StoreLock(const StoreLock&) = delete;
  StoreLock& operator=(const StoreLock&) = delete;
  bool ok() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

}  // namespace

Status AnnotationStore::save(AnnotationFile& file) {
  std::error_code ec;
  fs::create_directories(fs::path(file.path).parent_path(), ec);
  if (ec)
    return Status::error(ErrorCode::io, "cannot create the folder: " + ec.message(), file.path);
  StoreLock lock(dir_);
  if (!lock.ok()) {
    return Status::error(ErrorCode::io,
                         std::string("cannot lock the store: ") + std::strerror(errno), dir_);
  }
  // Lost-update check: the file must still hold what we loaded.
  std::string current_sha;
  if (fs::exists(file.path, ec)) {
    auto bytes = read_file(file.path);
    if (!bytes.ok()) return bytes.status();
    current_sha = sha256_hex(bytes.value());
  }
  if (current_sha != file.base_sha256) {
    return Status::error(ErrorCode::io,
                         file.base_sha256.empty()
                             ? "the file was created by another writer since this command started"
                             : "the file changed on disk since it was loaded",
                         file.path)
        .with_hint("nothing was written; run the command again on the new version");
  }
  sort_annotations(file.annotations);
  for (auto& a : file.annotations) a.file = file.author;
  const std::string bytes = to_jsonl(file.annotations);
  Status s = write_file_atomic(file.path, bytes);
  if (!s.ok()) return s;
  file.base_sha256 = sha256_hex(bytes);
  file.lines.clear();
  for (uint32_t i = 0; i < file.annotations.size(); ++i) file.lines.push_back(i + 1);
  return Status::success();
}

// ---- validation ----------------------------------------------------------------------

std::vector<Issue> validate_file(const AnnotationFile& file, const Document* doc) {
  std::vector<Issue> out;
  auto issue = [&](std::size_t i, std::string msg, Severity sev = Severity::error) {
    const uint32_t line = i < file.lines.size() ? file.lines[i] : 0;
    out.push_back({sev, file.path, line, std::move(msg)});
  };
  if (doc == nullptr) {
    out.push_back(
        {Severity::error, file.path, 0, "no document '" + file.doc + "' in the corpus manifest"});
  }
  const std::string sha = doc ? text_sha256(*doc) : std::string();
  const auto n = doc ? static_cast<uint32_t>(doc->text.size()) : 0u;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < file.annotations.size(); ++i) {
    const auto& a = file.annotations[i];
    if (a.id.empty()) issue(i, "empty \"id\"");
    if (!ids.insert(a.id).second) issue(i, "duplicate id '" + a.id + "' in this file");
    if (a.doc != file.doc)
      issue(i, "\"doc\" is '" + a.doc + "' but the file is in folder '" + file.doc + "'");
    if (!known_category(a.category)) {
      issue(i, "unknown category '" + a.category + "' (taxonomy ids: see docs/ANNOTATIONS.md)");
    }
    if (a.source != "human" && a.source != "machine") {
      issue(i, "\"source\" must be human or machine, not '" + a.source + "'");
    }
    if (!valid_date(a.created)) issue(i, "\"created\" must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ");
    if (a.end < a.start)
      issue(i, "end " + std::to_string(a.end) + " is before start " + std::to_string(a.start));
    if (a.status == AnchorStatus::orphaned) {
      issue(i,
            "orphaned annotation '" + a.id + "' (\"" + a.exact +
                "\"): its text was not found after the document changed; fix or delete it",
            Severity::warning);
      continue;
    }
    if (!doc) continue;
    if (a.doc_sha256 != sha) {
      issue(i, "annotation '" + a.id + "' was made on another version of the text (doc_sha256 " +
                   a.doc_sha256.substr(0, 12) + ", current " + sha.substr(0, 12) +
                   "); run 'clausediff corpus reanchor " + file.doc + "'");
      continue;
    }
    if (a.end > n) {
      issue(i, "end " + std::to_string(a.end) + " is past the end of the text (" +
                   std::to_string(n) + " code points)");
      continue;
    }
    if (a.end >= a.start) {
      const std::string actual = doc->utf8(Span{a.start, a.end});
      if (actual != a.exact) {
        issue(i, "text at " + std::to_string(a.start) + ".." + std::to_string(a.end) + " is \"" +
                     actual + "\", not \"" + a.exact + "\"");
      }
    }
  }
  return out;
}

std::vector<Issue> validate(const AnnotationStore& store,
                            const std::map<std::string, const Document*>& docs) {
  std::vector<Issue> out = store.issues();
  for (const auto& f : store.files()) {
    auto it = docs.find(f.doc);
    auto issues = validate_file(f, it == docs.end() ? nullptr : it->second);
    out.insert(out.end(), issues.begin(), issues.end());
  }
  std::stable_sort(out.begin(), out.end(), [](const Issue& x, const Issue& y) {
    return std::tie(x.path, x.line) < std::tie(y.path, y.line);
  });
  return out;
}

Stats stats(const AnnotationStore& store) {
  Stats s;
  s.files = store.files().size();
  for (const auto& f : store.files()) {
    for (const auto& a : f.annotations) {
      ++s.total;
      ++s.by_category[a.category];
      ++s.by_author[f.author];
      ++s.by_document[f.doc];
      ++s.by_status[to_string(a.status)];
      ++s.by_source[a.source];
    }
  }
  return s;
}

std::string to_json(const Stats& s) {
  OJson j;
  j["total"] = s.total;
  j["files"] = s.files;
  j["by_category"] = s.by_category;
  j["by_author"] = s.by_author;
  j["by_document"] = s.by_document;
  j["by_status"] = s.by_status;
  j["by_source"] = s.by_source;
  return j.dump(2) + "\n";
}

std::vector<StoredAnnotation> suggestions(const Document& doc, const std::vector<Annotation>& found,
                                          const std::string& author, const std::string& created) {
  std::vector<StoredAnnotation> out;
  const std::string sha = text_sha256(doc);
  for (const auto& f : found) {
    StoredAnnotation a;
    a.doc = doc.meta.id;
    a.start = f.span.start;
    a.end = f.span.end;
    fill_quote(a, doc.text, sha);
    a.category = f.category;
    a.subtype = f.subtype;
    a.author = author;
    a.created = created;
    a.source = "machine";
    a.rule = f.rule;
    a.note = f.reading.empty() ? std::string() : "reading: " + f.reading;
    a.id = make_id(a);
    bool dup = false;
    for (const auto& b : out) dup = dup || b.id == a.id;
    if (!dup) out.push_back(std::move(a));
  }
  sort_annotations(out);
  return out;
}

SuggestResult replace_suggestions(AnnotationFile& file, std::vector<StoredAnnotation> fresh) {
  SuggestResult r;
  std::map<std::string, const StoredAnnotation*> old;
  for (const auto& a : file.annotations) old[a.id] = &a;
  std::set<std::string> seen;
  for (auto& a : fresh) {
    auto it = old.find(a.id);
    if (it != old.end()) {
      a.decisions = it->second->decisions;
      a.created = it->second->created;
      a.note = it->second->note.empty() ? a.note : it->second->note;
      ++r.kept;
    } else {
      ++r.added;
    }
    seen.insert(a.id);
  }
  // Suggestions no longer proposed are dropped only when nobody decided on
  // them; a reviewed one stays so that its decision log is not lost.
  for (const auto& a : file.annotations) {
    if (seen.count(a.id)) continue;
    if (a.decisions.empty()) {
      ++r.removed;
    } else {
      fresh.push_back(a);
      ++r.kept;
    }
  }
  r.total = fresh.size();
  sort_annotations(fresh);
  file.annotations = std::move(fresh);
  file.lines.assign(file.annotations.size(), 0);
  return r;
}

// ---- editing -------------------------------------------------------------------------

namespace {

bool same_label(const StoredAnnotation& x, const StoredAnnotation& y) {
  return x.start == y.start && x.end == y.end && x.category == y.category && x.subtype == y.subtype;
}

StoredAnnotation* find_same(AnnotationFile& f, const StoredAnnotation& a) {
  for (auto& b : f.annotations) {
    if (same_label(a, b)) return &b;
  }
  return nullptr;
}

StoredAnnotation* find_id(AnnotationFile& f, const std::string& id) {
  for (auto& b : f.annotations) {
    if (b.id == id) return &b;
  }
  return nullptr;
}

}  // namespace

Status add(AnnotationFile& file, StoredAnnotation a) {
  if (a.id.empty()) a.id = make_id(a);
  for (const auto& b : file.annotations) {
    if (same_label(a, b)) {
      return Status::error(ErrorCode::usage,
                           "the same span is already annotated as " + b.category +
                               (b.subtype.empty() ? "" : "/" + b.subtype) + " (id " + b.id + ")",
                           file.path);
    }
    if (b.id == a.id)
      return Status::error(ErrorCode::usage, "an annotation with id '" + a.id + "' exists",
                           file.path);
  }
  file.annotations.push_back(std::move(a));
  file.lines.push_back(0);
  return Status::success();
}

MergeResult merge(const std::vector<const AnnotationFile*>& from, AnnotationFile& into,
                  const std::string& by, const std::string& date) {
  MergeResult r;
  for (const AnnotationFile* f : from) {
    for (const auto& a : f->annotations) {
      if (a.status == AnchorStatus::orphaned) continue;  // nothing to merge until re-anchored
      const std::string ref = f->author + ":" + a.id;
      if (StoredAnnotation* have = find_same(into, a)) {
        bool logged = false, merged_before = false;
        for (const auto& d : have->decisions) {
          logged = logged || d.ref == ref;
          merged_before = merged_before || d.action == "merge";
        }
        if (logged || !merged_before) {
          ++r.already;
        } else {
          ++r.combined;  // a second annotator marked the same span the same way
        }
        if (!logged) have->decisions.push_back({"merge", by, date, ref, ""});
        continue;
      }
      StoredAnnotation c = a;
      c.decisions.clear();
      c.author = into.author;  // for the id only
      c.id = make_id(c);
      c.author = a.author;
      c.decisions.push_back({"merge", by, date, ref, ""});
      into.annotations.push_back(std::move(c));
      into.lines.push_back(0);
      ++r.added;
    }
  }
  return r;
}

Status adjudicate(AnnotationFile& from, AnnotationFile& into, const Verdict& v,
                  const Document* doc) {
  StoredAnnotation* src = find_id(from, v.id);
  if (src == nullptr) {
    return Status::error(ErrorCode::usage, "no annotation with id '" + v.id + "'", from.path);
  }
  if (v.action == "reject") {
    src->decisions.push_back({"reject", v.by, v.date, "", v.note});
    return Status::success();
  }
  if (v.action != "accept" && v.action != "edit") {
    return Status::error(ErrorCode::usage,
                         "verdict must be accept, reject or edit, not '" + v.action + "'");
  }
  StoredAnnotation c = *src;
  c.decisions.clear();
  std::string changes;
  if (v.action == "edit") {
    auto change = [&](const char* what, const std::string& old_v, const std::string& new_v) {
      if (!changes.empty()) changes += "; ";
      changes += std::string(what) + ": " + old_v + " -> " + new_v;
    };
    if (!v.category.empty() && v.category != c.category) {
      if (!known_category(v.category)) {
        return Status::error(ErrorCode::usage, "unknown category '" + v.category + "'");
      }
      change("category", c.category, v.category);
      c.category = v.category;
    }
    if (!v.subtype.empty() && v.subtype != c.subtype) {
      change("subtype", c.subtype, v.subtype);
      c.subtype = v.subtype;
    }
    if (v.start || v.end) {
      const uint32_t s = v.start.value_or(c.start), e = v.end.value_or(c.end);
      if (doc == nullptr)
        return Status::error(ErrorCode::usage, "moving a span needs the document");
      if (e < s || e > doc->text.size()) {
        return Status::error(ErrorCode::usage, "span " + std::to_string(s) + ".." +
                                                   std::to_string(e) + " is not inside the text");
      }
      change("span", std::to_string(c.start) + ".." + std::to_string(c.end),
             std::to_string(s) + ".." + std::to_string(e));
      c.start = s;
      c.end = e;
      fill_quote(c, doc->text, text_sha256(*doc));
      c.status = AnchorStatus::exact;
      c.score = 1.0;
    }
    if (changes.empty())
      return Status::error(ErrorCode::usage, "an edit needs a new category, subtype or span");
  }
  if (!v.note.empty()) changes += (changes.empty() ? "" : "; ") + v.note;
  if (StoredAnnotation* have = find_same(into, c)) {
    have->decisions.push_back({v.action, v.by, v.date, from.author + ":" + src->id, changes});
    src->decisions.push_back({v.action, v.by, v.date, into.author + ":" + have->id, changes});
    return Status::success();
  }
  StoredAnnotation key = c;
  key.author = into.author;
  c.id = make_id(key);
  c.decisions.push_back({v.action, v.by, v.date, from.author + ":" + src->id, changes});
  src->decisions.push_back({v.action, v.by, v.date, into.author + ":" + c.id, changes});
  into.annotations.push_back(std::move(c));
  into.lines.push_back(0);
  return Status::success();
}

}  // namespace cd::corpus
