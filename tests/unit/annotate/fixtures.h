// tests/unit/annotate/fixtures.h: Documents built by hand from the real corpus.
//
// The annotate tests do not depend on ingest or structure (other modules):
// they read the corpus file, cut out the paragraph under test and build a
// Document with one Clause per unit (or one Sentence per unit for reports).
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "annotate/annotate.h"
#include "core/utf8.h"
#include "test_util.h"

namespace cd::testing {

// The text after the file's `---` header block.
inline std::string corpus_body(const std::string& rel) {
  const std::string all = read_repo_file(rel);
  REQUIRE_MESSAGE(!all.empty(), "cannot read " << rel);
  const auto first = all.find("---\n");
  const auto second = all.find("\n---\n", first + 3);
  return second == std::string::npos ? all : all.substr(second + 5);
}

// The line (paragraph) of `body` that starts with `prefix`.
inline std::string line_starting(const std::string& body, const std::string& prefix) {
  std::size_t pos = 0;
  while (pos < body.size()) {
    const auto nl = body.find('\n', pos);
    const std::string line =
        body.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    if (line.rfind(prefix, 0) == 0) return line;
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  FAIL("no line starting with: " << prefix);
  return {};
}

struct UnitText {
  std::string id;
  std::string text;
  std::string note;  // optional editorial note after the unit (BlockKind::note)
};

// A document with one unit per entry: clauses for legal, sentences for reports.
inline Document make_doc(const std::string& genre, const std::vector<UnitText>& units) {
  Document d;
  d.meta.genre = genre;
  d.meta.kind = genre == "report" ? "news" : "treaty";
  for (const auto& u : units) {
    if (!d.text.empty()) d.text += U"\n\n";
    const auto start = static_cast<uint32_t>(d.text.size());
    d.text += to_u32(u.text);
    const auto text_end = static_cast<uint32_t>(d.text.size());
    Block para;
    para.span = Span{start, text_end};
    d.blocks.push_back(para);
    if (!u.note.empty()) {
      d.text += U"\n    ";
      const auto ns = static_cast<uint32_t>(d.text.size());
      d.text += to_u32(u.note);
      Block note;
      note.kind = BlockKind::note;
      note.span = Span{ns, static_cast<uint32_t>(d.text.size())};
      d.blocks.push_back(note);
    }
    const Span whole{start, static_cast<uint32_t>(d.text.size())};
    if (genre == "report") {
      Sentence s;
      s.id = u.id;
      s.span = whole;
      d.sentences.push_back(s);
    } else {
      Clause c;
      c.id = u.id;
      c.label = u.id;
      c.kind = "paragraph";
      c.span = whole;
      c.body = whole;
      d.clauses.push_back(c);
    }
  }
  return d;
}

inline const annotate::RuleSet& builtin_rules() {
  static const annotate::RuleSet rules = [] {
    auto r = annotate::RuleSet::builtin();
    REQUIRE_MESSAGE(r.ok(), r.status().to_string());
    return std::move(r).value();
  }();
  return rules;
}

inline Document nat_art5() {
  const auto body = corpus_body("corpus/texts/01_north_atlantic_treaty_1949.txt");
  return make_doc("legal",
                  {{"art5", line_starting(body, "The Parties agree that an armed attack"), ""}});
}

inline Document draft_2025() {
  const auto body =
      corpus_body("corpus/texts/11d_us_security_guarantee_draft_nov2025_REPORTED.txt");
  std::vector<UnitText> units;
  for (const char* n : {"1", "2", "3"}) {
    const std::string line = line_starting(body, std::string("(") + n + ")");
    // The source line under each quote ("    [TASS ...]") is an editorial note.
    const auto at = body.find(line) + line.size() + 1;
    const auto nl = body.find('\n', at);
    std::string note = body.substr(at, nl - at);
    note.erase(0, note.find_first_not_of(' '));
    units.push_back({std::string("p") + n, line, note});
  }
  return make_doc("legal", units);
}

inline Document anzus_art4() {
  const auto body = corpus_body("corpus/texts/02_anzus_security_treaty_1951.txt");
  return make_doc(
      "legal", {{"art4", line_starting(body, "Each Party recognizes that an armed attack"), ""}});
}

inline Document teu_42_7() {
  const auto body = corpus_body("corpus/texts/07_teu_article_42_7.txt");
  std::string line = line_starting(body, "7. If a Member State");
  line = line.substr(3);  // the body without its label "7. "
  return make_doc("legal", {{"art42.7", line, ""}});
}

inline std::vector<std::string> unit_ids(const Document& d) {
  std::vector<std::string> ids;
  for (const auto& u : units_of(d)) ids.push_back(u.id);
  return ids;
}

struct Annotated {
  Document doc;
  std::vector<Annotation> annotations;
};

inline Annotated annotated(Document d) {
  std::vector<Diagnostic> diags;
  auto anns = annotate::annotate(d, builtin_rules(), &diags);
  CHECK_MESSAGE(diags.empty(), (diags.empty() ? "" : diags.front().message));
  return {std::move(d), std::move(anns)};
}

inline std::vector<Delta> compare(const Annotated& a, const Annotated& b) {
  return annotate::deltas(a.doc, unit_ids(a.doc), a.annotations, b.doc, unit_ids(b.doc),
                          b.annotations);
}

inline std::vector<std::string> delta_ids(const std::vector<Delta>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(d.dimension + " " + d.change);
  return out;
}

inline bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

inline std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

// The annotations whose text is exactly `text`.
inline std::vector<Annotation> find_text(const Annotated& a, const std::string& text) {
  std::vector<Annotation> out;
  for (const auto& x : a.annotations) {
    if (a.doc.utf8(x.span) == text) out.push_back(x);
  }
  return out;
}

}  // namespace cd::testing
