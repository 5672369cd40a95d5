// ingest/ingest.h: from a file's bytes to a Document with canonical text.
//
// What it does: detects the format (extension first, then content), decodes
// the bytes (UTF-8 with or without BOM; UTF-16 with BOM via ICU; invalid
// UTF-8 repaired to U+FFFD with a warning), reads the format's header or
// metadata, extracts the text as blocks (paragraphs, headings, list items,
// notes), normalizes it to NFC and records for every canonical code point the
// source byte it came from.
// Formats: plain text with an optional `---` header block (as in
// corpus/texts), Markdown (cmark), XML (pugixml: USLM bill XML, Akoma Ntoso,
// TEI, generic XML/XHTML), HTML news pages (gumbo).
// What it does not do: find clauses or sentences (src/structure does that) or
// resolve anything over the network (XML external entities are never loaded).
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "model/document.h"

namespace cd::ingest {

struct Options {
  std::string format;  // "", "text", "markdown", "xml", "html": empty = detect
  std::string id;      // document id; empty = derived from the file name
  std::string kind;    // overrides the header/manifest kind when set
  std::string genre;   // overrides the genre when set ("legal" | "report")
  std::string title;   // used when the source has no title
};

// Format by extension (.txt .md .xml .html ...) and, when unclear, content.
std::string detect_format(const std::string& path, std::string_view bytes);

Result<Document> ingest_bytes(std::string_view bytes, const std::string& path,
                              const Options& options = {});
Result<Document> ingest_file(const std::string& path, const Options& options = {});

}  // namespace cd::ingest
