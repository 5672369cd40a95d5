#include "model/document.h"

#include <algorithm>

#include "core/utf8.h"

namespace cd {

SourceMap::Position SourceMap::position_of_byte(uint32_t byte) const {
  Position p;
  p.byte = byte;
  if (line_starts.empty()) return p;
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), byte);
  const auto line_index = static_cast<uint32_t>((it - line_starts.begin()) - 1);
  p.line = line_index + 1;
  p.column = byte - line_starts[line_index] + 1;
  return p;
}

SourceMap::Position SourceMap::position_of(uint32_t cp) const {
  if (byte_of.empty()) return {};
  const uint32_t i = std::min<uint32_t>(cp, static_cast<uint32_t>(byte_of.size() - 1));
  return position_of_byte(byte_of[i]);
}

std::string Document::utf8(Span s) const {
  const auto n = static_cast<uint32_t>(text.size());
  const uint32_t a = std::min(s.start, n);
  const uint32_t b = std::min(std::max(s.end, a), n);
  return encode_utf8(std::u32string_view(text).substr(a, b - a));
}

const Clause* Document::clause(const std::string& id) const {
  // The index is a hint (see document.h): an entry counts only if it still
  // points at a clause of that id. Duplicate ids keep the first, as below.
  if (auto it = clause_index.find(id);
      it != clause_index.end() && it->second < clauses.size() && clauses[it->second].id == id)
    return &clauses[it->second];
  for (const auto& c : clauses) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

const Sentence* Document::sentence(const std::string& id) const {
  // structure numbers sentences s1, s2, ... in order.
  if (id.size() > 1 && id.size() < 11 && id[0] == 's' &&
      id.find_first_not_of("0123456789", 1) == std::string::npos && id[1] != '0') {
    const auto k = std::stoul(id.substr(1));
    if (k >= 1 && k <= sentences.size() && sentences[k - 1].id == id) return &sentences[k - 1];
  }
  for (const auto& s : sentences) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

void Document::index_clauses() {
  clause_index.clear();
  for (std::size_t k = 0; k < clauses.size(); ++k)
    clause_index.emplace(clauses[k].id, static_cast<uint32_t>(k));
}

std::vector<Unit> units_of(const Document& doc) {
  std::vector<Unit> out;
  if (!doc.is_report() && !doc.clauses.empty()) {
    for (const auto& c : doc.clauses) {
      Unit u;
      u.id = c.id;
      u.label = c.label;
      u.number = c.number;
      u.kind = c.kind;
      u.span = c.span;
      u.body = c.body.empty() ? c.span : c.body;
      u.level = c.level;
      u.parent = c.parent;
      out.push_back(std::move(u));
    }
    return out;
  }
  for (const auto& s : doc.sentences) {
    Unit u;
    u.id = s.id;
    u.label = s.id;
    u.kind = "sentence";
    u.span = s.span;
    u.body = s.span;
    u.parent = s.unit;
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace cd
