// model/document.h: the plain value types every stage passes on.
//
// A Document is what ingest produces and structure completes: metadata from the
// file's header, the canonical text (NFC, otherwise as in the source) as UTF-32
// so that every offset is a code point offset, a map back to source bytes and
// line:column, the reader's blocks, and the clause tree and sentences that
// structure finds. No behaviour beyond small accessors lives here: stages own
// the algorithms, the model only holds their results.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/byte_map.h"

namespace cd {

// Half-open range [start, end) of code points in a Document's canonical text.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  bool contains(const Span& o) const { return start <= o.start && o.end <= end; }
  bool overlaps(const Span& o) const { return start < o.end && o.start < end; }
  bool operator==(const Span& o) const { return start == o.start && end == o.end; }
  bool operator<(const Span& o) const { return start != o.start ? start < o.start : end < o.end; }
};

struct DocumentMeta {
  std::string id;  // corpus id ("nat-1949") or derived from the file name
  std::string title;
  std::string date;
  std::string kind;      // treaty | agreement | draft | news | other
  std::string genre;     // legal | report
  std::string source;    // header "source:" (provenance)
  std::string verified;  // header "verified:"
  std::string status;    // header "status:" ("reported draft, unofficial", ...)
  std::string path;      // as given by the user or the manifest
  std::string sha256;    // of the source bytes
  std::string format;    // text | markdown | xml | uslm | akn | tei | html
};

enum class BlockKind { title, heading, paragraph, list_item, quote, note };

// One block of text as the reader saw it (a paragraph, a heading, an XML
// element's text). Structure builds clauses from blocks.
struct Block {
  BlockKind kind = BlockKind::paragraph;
  Span span;
  int level = 0;        // heading level (Markdown #, XML nesting), 0 if none
  int indent = 0;       // leading spaces in a plain-text source
  std::string num;      // explicit number from the format (XML <num>), if any
  std::string element;  // XML element name / cmark node type, for structure hints
};

struct Clause {
  std::string id;       // stable: "art5", "art42.7", "sec2.a.1", "p3", "preamble"
  std::string label;    // as written: "ARTICLE V", "Article 42(7)", "(a)", "SEC. 2."
  std::string number;   // normalized: "5", "42.7", "2.a.1"; empty for preamble etc.
  std::string kind;     // article | section | point | paragraph | item | preamble | final | heading
  std::string heading;  // a title after the number ("Collective defence"), if any
  int level = 1;        // 1 = top
  std::string parent;   // id of the parent clause; empty = none
  Span span;            // from the label to the end of the clause's last block
  Span body;            // the clause's text without its label line
};

struct Sentence {
  std::string id;    // "s1", "s2", ... in document order
  std::string unit;  // innermost clause containing it; empty = none
  Span span;
};

enum class Severity { note, warning, error };

struct Diagnostic {
  Severity severity = Severity::warning;
  std::string message;
  uint32_t line = 0;
  uint32_t column = 0;
};

// Canonical code point -> source byte; source byte -> line:column.
struct SourceMap {
  ByteMap byte_of;                    // size text.size()+1 (model/byte_map.h)
  std::vector<uint32_t> line_starts;  // byte offsets where each source line starts
  std::string source_bytes_sha;       // equals meta.sha256

  struct Position {
    uint32_t byte = 0;
    uint32_t line = 0;    // 1-based
    uint32_t column = 0;  // 1-based, in bytes of the source line
  };
  Position position_of(uint32_t cp) const;
  Position position_of_byte(uint32_t byte) const;
};

struct Document {
  DocumentMeta meta;
  std::u32string text;  // canonical text
  SourceMap source;
  std::vector<Block> blocks;
  std::vector<Clause> clauses;  // pre-order: parents before children
  std::vector<Sentence> sentences;
  std::vector<Diagnostic> diagnostics;

  // Clause id -> position in `clauses`, filled by index_clauses() (which
  // structure::build calls). A hint only: clause() checks the entry and
  // falls back to a linear search when the index is missing or stale.
  std::unordered_map<std::string, uint32_t> clause_index;

  bool is_report() const { return meta.genre == "report"; }
  std::string utf8(Span s) const;  // text of a span as UTF-8
  // By id: O(1) through clause_index, and for sentences through their id
  // ("s12" is sentences[11]); a linear search otherwise.
  const Clause* clause(const std::string& id) const;
  const Sentence* sentence(const std::string& id) const;
  void index_clauses();
};

// A comparable unit: a clause of a legal document or a sentence of a report.
struct Unit {
  std::string id;
  std::string label;  // clause label, or "s3"
  std::string number;
  std::string kind;  // clause kind ("article", "preamble", ...), or "sentence"
  Span span;         // full span (clauses include their label)
  Span body;         // text that is compared (clause body; sentence span)
  int level = 1;
  std::string parent;
};

// Units the document is compared by: its top-level clauses (with their
// children listed after them) for legal documents, its sentences for reports
// and for legal documents without any clause.
std::vector<Unit> units_of(const Document& doc);

}  // namespace cd
