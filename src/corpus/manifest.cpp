#include "corpus/manifest.h"

#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "core/fs.h"

namespace cd::corpus {
namespace {

using Json = nlohmann::json;

// Line and column of a byte offset, for messages about the manifest itself.
std::pair<uint32_t, uint32_t> line_col(const std::string& text, std::size_t byte) {
  uint32_t line = 1, col = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return {line, col};
}

std::string str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> strings(const Json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

Result<Manifest> read_manifest(const Json& j, const std::string& path);

}  // namespace

const ManifestDocument* Manifest::document(const std::string& id) const {
  for (const auto& d : documents) {
    if (d.id == id) return &d;
  }
  return nullptr;
}

const ComparisonSetSpec* Manifest::set(const std::string& name) const {
  for (const auto& s : sets) {
    if (name.empty() ? s.is_default : s.name == name) return &s;
  }
  if (name.empty() && !sets.empty()) return &sets.front();
  return nullptr;
}

Result<Manifest> load_manifest(const std::string& path) {
  auto bytes = read_file(path);
  if (!bytes.ok()) return bytes.status();
  Json j;
  try {
    j = Json::parse(bytes.value());
  } catch (const Json::parse_error& e) {
    auto [line, col] = line_col(bytes.value(), e.byte > 0 ? e.byte - 1 : 0);
    return Status::error(ErrorCode::invalid_input,
                         std::string("manifest is not valid JSON: ") + e.what(), path, line, col)
        .with_hint("see docs/CORPUS.md for the manifest format");
  } catch (const Json::exception& e) {
    // e.g. out_of_range for a number like 1e999
    return Status::error(ErrorCode::invalid_input,
                         std::string("manifest is not usable JSON: ") + e.what(), path)
        .with_hint("see docs/CORPUS.md for the manifest format");
  }
  try {
    return read_manifest(j, path);
  } catch (const Json::exception& e) {
    // A value of an unexpected type deep inside: bad input, not a bug.
    return Status::error(ErrorCode::invalid_input,
                         std::string("manifest has a value of the wrong type: ") + e.what(), path)
        .with_hint("see docs/CORPUS.md for the manifest format");
  }
}

namespace {

Result<Manifest> read_manifest(const Json& j, const std::string& path) {
  if (!j.is_object() || !j.contains("documents") || !j["documents"].is_array()) {
    return Status::error(ErrorCode::invalid_input, "manifest needs a \"documents\" array", path)
        .with_hint("see docs/CORPUS.md for the manifest format");
  }
  Manifest m;
  m.path = path;
  m.dir = std::filesystem::path(path).has_parent_path()
              ? std::filesystem::path(path).parent_path().string()
              : std::string(".");
  std::set<std::string> ids;
  std::size_t index = 0;
  for (const auto& d : j["documents"]) {
    ++index;
    if (!d.is_object()) {
      return Status::error(ErrorCode::invalid_input,
                           "document " + std::to_string(index) + " must be a JSON object", path);
    }
    ManifestDocument doc;
    doc.id = str(d, "id");
    doc.path = str(d, "path");
    if (doc.id.empty() || doc.path.empty()) {
      return Status::error(ErrorCode::invalid_input,
                           "document " + std::to_string(index) + " needs an \"id\" and a \"path\"",
                           path);
    }
    if (!ids.insert(doc.id).second) {
      return Status::error(ErrorCode::invalid_input, "duplicate document id '" + doc.id + "'",
                           path);
    }
    auto resolved = resolve_inside(m.dir, doc.path);
    if (!resolved.ok()) {
      Status s = resolved.status();
      s.path = path;
      s.message = "document '" + doc.id + "': " + s.message;
      return s.with_hint("document paths are relative to the manifest's folder and stay inside it");
    }
    doc.resolved = resolved.value();
    doc.kind = str(d, "kind");
    doc.genre = str(d, "genre");
    doc.title = str(d, "title");
    doc.date = str(d, "date");
    doc.source = str(d, "source");
    doc.status = str(d, "status");
    doc.verified = str(d, "verified");
    m.documents.push_back(std::move(doc));
  }
  if (j.contains("sets") && j["sets"].is_array()) {
    for (const auto& s : j["sets"]) {
      if (!s.is_object()) {
        return Status::error(ErrorCode::invalid_input, "each set must be a JSON object", path);
      }
      if (s.contains("default") && !s["default"].is_boolean()) {
        return Status::error(ErrorCode::invalid_input, "\"default\" of a set must be true or false",
                             path);
      }
      ComparisonSetSpec spec;
      spec.name = str(s, "name");
      spec.title = str(s, "title");
      spec.description = str(s, "description");
      spec.reference = str(s, "reference");
      spec.reference_units = strings(s, "reference_units");
      spec.documents = strings(s, "documents");
      spec.is_default = s.value("default", false);
      if (spec.name.empty() || spec.reference.empty()) {
        return Status::error(ErrorCode::invalid_input, "a set needs a \"name\" and a \"reference\"",
                             path);
      }
      for (const auto& id : spec.documents) {
        if (!m.document(id)) {
          return Status::error(ErrorCode::invalid_input,
                               "set '" + spec.name + "' names unknown document '" + id + "'", path);
        }
      }
      if (!m.document(spec.reference)) {
        return Status::error(
            ErrorCode::invalid_input,
            "set '" + spec.name + "' has unknown reference '" + spec.reference + "'", path);
      }
      m.sets.push_back(std::move(spec));
    }
  }
  return m;
}

}  // namespace

}  // namespace cd::corpus
