#include "corpus/unit_names.h"

#include <algorithm>

namespace cd::corpus {

std::string resolve_unit(const Document& doc, const std::string& name) {
  if (name.rfind("sent:", 0) == 0) {
    const std::string prefix = name.substr(5);
    for (const auto& s : doc.sentences) {
      if (doc.utf8(s.span).rfind(prefix, 0) == 0) return s.id;
    }
    return {};
  }
  if (doc.clause(name) != nullptr || doc.sentence(name) != nullptr) return name;
  return {};
}

Span unit_span(const Document& doc, const std::string& id) {
  if (const auto* c = doc.clause(id)) return c->span;
  if (const auto* s = doc.sentence(id)) return s->span;
  return {};
}

std::string describe_unit(const Document& doc, const std::string& id) {
  Span s = unit_span(doc, id);
  if (const auto* c = doc.clause(id)) s = c->body.empty() ? c->span : c->body;
  const std::string text = doc.utf8(Span{s.start, std::min(s.end, s.start + 50)});
  return id + " \"" + text + (s.size() > 50 ? "...\"" : "\"");
}

}  // namespace cd::corpus
