// ingest/ingest.cpp: format detection, decoding, dispatch to a reader, and
// the metadata every Document carries (see ingest.h).
#include "ingest/ingest.h"

#include "core/phase_timer.h"

#include <algorithm>
#include <filesystem>

#include "core/fs.h"
#include "core/sha256.h"
#include "ingest/reader.h"

namespace cd::ingest {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
  return s;
}

std::string sniff(std::string_view bytes) {
  // Skip a UTF-8 BOM and leading white space; UTF-16 is sniffed after decoding.
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  while (!bytes.empty() &&
         (bytes[0] == ' ' || bytes[0] == '\n' || bytes[0] == '\r' || bytes[0] == '\t'))
    bytes.remove_prefix(1);
  const std::string head = lower(std::string(bytes.substr(0, 1024)));
  if (head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0) return "html";
  if (head.rfind("<?xml", 0) == 0 || head.rfind("<", 0) == 0) {
    return head.find("<html") != std::string::npos ? "html" : "xml";
  }
  if (head.rfind("# ", 0) == 0 || head.rfind("## ", 0) == 0) return "markdown";
  return "text";
}

}  // namespace

std::string detect_format(const std::string& path, std::string_view bytes) {
  const std::string ext = lower(std::filesystem::path(path).extension().string());
  if (ext == ".txt" || ext == ".text") return "text";
  if (ext == ".md" || ext == ".markdown") return "markdown";
  if (ext == ".xml" || ext == ".akn" || ext == ".tei" || ext == ".xhtml") return "xml";
  if (ext == ".html" || ext == ".htm") return "html";
  return sniff(bytes);
}

Result<Document> ingest_bytes(std::string_view bytes, const std::string& path,
                              const Options& options) {
  PhaseTimer timer("ingest");
  auto decoded = decode_source(bytes, path);
  if (!decoded.ok()) return decoded.status();
  timer.lap("decode");
  Decoded& d = decoded.value();
  // Before a reader takes the decoded text over (read_text does).
  const uint32_t end_byte = d.byte_of.empty() ? 0 : d.byte_of.back();

  std::string format = options.format.empty() ? detect_format(path, bytes) : lower(options.format);
  if (format == "md") format = "markdown";
  if (format == "txt") format = "text";
  if (options.format.empty() && format == "text" && bytes.size() >= 2 &&
      (bytes[0] == '\xFF' || bytes[0] == '\xFE')) {
    // UTF-16 without a telling extension: sniff the decoded text.
    std::string head;
    for (std::size_t i = 0; i < d.text.size() && i < 64; ++i)
      head.push_back(d.text[i] < 0x80 ? static_cast<char>(d.text[i]) : '?');
    if (std::filesystem::path(path).extension().empty()) format = sniff(head);
  }

  Document doc;
  doc.diagnostics = d.diagnostics;
  doc.meta.path = path;
  doc.meta.sha256 = sha256_hex(bytes);
  doc.source.source_bytes_sha = doc.meta.sha256;
  doc.source.line_starts = d.line_starts;
  timer.lap("sha256");

  std::map<std::string, std::string> header;
  TextBuilder b;
  Status st;
  if (format == "text" || format == "markdown") {
    const uint32_t from = read_header(d.text, header);
    auto get = [&](const char* k) {
      auto it = header.find(k);
      return it == header.end() ? std::string() : it->second;
    };
    doc.meta.title = get("title");
    doc.meta.date = get("date");
    doc.meta.source = get("source");
    doc.meta.verified = get("verified");
    doc.meta.status = get("status");
    doc.meta.kind = get("kind");
    doc.meta.genre = get("genre");
    if (doc.meta.id.empty()) doc.meta.id = get("id");
    doc.meta.format = format;
    st = format == "text" ? read_text(d, from, b, doc) : read_markdown(d, from, b, doc);
  } else if (format == "xml") {
    doc.meta.format = "xml";
    st = read_xml(d, b, doc);
  } else if (format == "html") {
    doc.meta.format = "html";
    st = read_html(d, b, doc);
  } else {
    return Status::error(ErrorCode::usage, "unknown input format '" + format + "'", path)
        .with_hint("use one of: text, markdown, xml, html");
  }
  if (!st.ok()) {
    if (st.path.empty()) st.path = path;
    return st;
  }
  timer.lap("read");
  // The builder holds its own copy of the text now (or took the decoded
  // one over): free what is left before finish() so that the two are never
  // alive with NFC's output.
  std::u32string().swap(decoded.value().text);
  std::vector<uint32_t>().swap(decoded.value().byte_of);
  b.finish(doc, end_byte);
  timer.lap("finish");
  if (doc.meta.title.empty() && !doc.blocks.empty() &&
      (doc.blocks[0].kind == BlockKind::title || doc.blocks[0].kind == BlockKind::heading)) {
    doc.meta.title = doc.utf8(doc.blocks[0].span);  // "# Title" names a Markdown file
  }

  if (!options.id.empty()) {
    doc.meta.id = options.id;
  } else if (doc.meta.id.empty()) {
    doc.meta.id = std::filesystem::path(path).stem().string();
  }
  if (!options.kind.empty()) doc.meta.kind = options.kind;
  if (doc.meta.kind.empty()) doc.meta.kind = "other";
  if (!options.genre.empty()) {
    doc.meta.genre = options.genre;
  } else if (doc.meta.genre.empty()) {
    doc.meta.genre = doc.meta.kind == "news" ? "report" : "legal";
  }
  if (doc.meta.title.empty()) doc.meta.title = options.title;
  return doc;
}

Result<Document> ingest_file(const std::string& path, const Options& options) {
  auto bytes = read_file(path);
  if (!bytes.ok()) return bytes.status();
  return ingest_bytes(bytes.value(), path, options);
}

}  // namespace cd::ingest
