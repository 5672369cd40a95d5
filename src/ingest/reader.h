// ingest/reader.h (private to src/ingest): what the format readers share.
//
// decode_source() turns source bytes into code points with the source byte of
// each one (see decode.cpp). TextBuilder collects a reader's canonical text
// and blocks with their source bytes and applies NFC at the end (text/normalize.h
// keeps the origin map, so Block spans and SourceMap::byte_of stay exact).
// Utf8Buffer is the decoded text re-encoded as UTF-8 for the C parsers (cmark,
// pugixml, gumbo), with a map from its bytes back to decoded code points.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "model/document.h"

namespace cd::ingest {

// Deepest element nesting the XML and HTML readers accept (docs/LIMITS.md).
// The readers walk the tree recursively and gumbo spends time proportional
// to the depth on every tag, so 100,000 nested elements would overflow the
// stack or run for minutes; no treaty, bill or news page comes near 1,000
// (USLM bills nest about 10 deep).
inline constexpr int kMaxNesting = 1000;

struct Decoded {
  std::u32string text;                // CRLF already folded to LF
  std::vector<uint32_t> byte_of;      // size text.size()+1
  std::vector<uint32_t> line_starts;  // source byte offsets of lines
  std::vector<Diagnostic> diagnostics;
};

Result<Decoded> decode_source(std::string_view bytes, const std::string& path);

// Line and column (1-based, bytes) of a source byte.
SourceMap::Position position_in(const std::vector<uint32_t>& line_starts, uint32_t byte);

class TextBuilder {
 public:
  void push(char32_t c, uint32_t byte);
  void push(std::u32string_view s, const uint32_t* bytes);  // bytes[i] for s[i]
  // An empty builder takes `text` from `from` on, with its byte map (size
  // text.size()+1 as in Decoded), without copying.
  void adopt(std::u32string&& text, std::vector<uint32_t>&& bytes, uint32_t from);
  std::u32string_view view() const { return text_; }
  uint32_t size() const { return static_cast<uint32_t>(text_.size()); }
  char32_t back() const { return text_.empty() ? U'\0' : text_.back(); }
  // Appends "\n\n" unless the text is empty (separator between blocks).
  void separate(uint32_t byte);
  // Spans in pre-NFC coordinates of this builder.
  void add_block(const Block& b) { blocks_.push_back(b); }
  // NFC, then fills doc.text, doc.blocks and doc.source.byte_of.
  void finish(Document& doc, uint32_t end_byte);

 private:
  std::u32string text_;
  std::vector<uint32_t> bytes_;
  std::vector<Block> blocks_;
};

struct Utf8Buffer {
  std::string bytes;            // decoded text [from, to) as UTF-8
  std::vector<uint32_t> cp_of;  // cp_of[i] = index in Decoded::text of byte i; size bytes.size()+1
};
Utf8Buffer make_utf8(const Decoded& d, uint32_t from, uint32_t to);

// Header block `---\nkey: value\n---\n` at the start of the text (corpus/texts).
// Returns the index after the closing line, or 0 when there is no header.
uint32_t read_header(const std::u32string& text, std::map<std::string, std::string>& out);

// Readers: fill blocks and text through `b`, and metadata they find.
// read_text takes d.text and d.byte_of over (TextBuilder::adopt): d is left
// without them.
Status read_text(Decoded& d, uint32_t from, TextBuilder& b, Document& doc);
Status read_markdown(const Decoded& d, uint32_t from, TextBuilder& b, Document& doc);
Status read_xml(const Decoded& d, TextBuilder& b, Document& doc);
Status read_html(const Decoded& d, TextBuilder& b, Document& doc);

// Small text helpers shared by the readers.
bool is_space_cp(char32_t c);

// Appends `c` (from source byte `byte`) to markup text, collapsing white
// space runs to one space as HTML and XML rendering do (shared by the XML
// and HTML readers).
inline void push_collapsing(std::u32string& text, std::vector<uint32_t>& bytes, char32_t c,
                            uint32_t byte) {
  if (is_space_cp(c)) {
    if (text.empty() || text.back() == U' ') return;
    c = U' ';
  }
  text.push_back(c);
  bytes.push_back(byte);
}
std::string trim_ascii(std::string s);

}  // namespace cd::ingest
