// ingest/builder.cpp: the canonical text of a Document and its byte map.
//
// Readers push code points with the source byte they came from; finish()
// applies NFC (UAX #15) through text::nfc, whose origin map lets us carry both
// the byte map and the block spans over to the normalized text.
#include <algorithm>
#include <stdexcept>

#include "core/utf8.h"
#include "ingest/reader.h"
#include "text/normalize.h"

namespace cd::ingest {

bool is_space_cp(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' ||
         c == 0xA0 || c == 0x2028 || c == 0x2029 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A);
}

std::string trim_ascii(std::string s) {
  const char* ws = " \t\r\n\f\v";
  const auto a = s.find_first_not_of(ws);
  if (a == std::string::npos) return {};
  const auto b = s.find_last_not_of(ws);
  return s.substr(a, b - a + 1);
}

void TextBuilder::push(char32_t c, uint32_t byte) {
  text_.push_back(c);
  bytes_.push_back(byte);
}

void TextBuilder::push(std::u32string_view s, const uint32_t* bytes) {
  text_.append(s);
  bytes_.insert(bytes_.end(), bytes, bytes + s.size());
}

void TextBuilder::adopt(std::u32string&& text, std::vector<uint32_t>&& bytes, uint32_t from) {
  if (!text_.empty()) throw std::logic_error("TextBuilder::adopt on a non-empty builder");
  text_ = std::move(text);
  bytes_ = std::move(bytes);
  bytes_.resize(text_.size());  // drop the end entry: bytes_ runs parallel to text_
  from = std::min<uint32_t>(from, static_cast<uint32_t>(text_.size()));
  text_.erase(0, from);
  bytes_.erase(bytes_.begin(), bytes_.begin() + from);
}

void TextBuilder::separate(uint32_t byte) {
  if (text_.empty()) return;
  push(U'\n', byte);
  push(U'\n', byte);
}

void TextBuilder::finish(Document& doc, uint32_t end_byte) {
  if (text::is_nfc_identity(text_)) {
    // Already NFC (nearly every treaty text): the builder's text becomes the
    // document's as it is, without an origin map or copies; the byte map is
    // compressed into runs (model/byte_map.h) and the array freed.
    doc.text = std::move(text_);
    bytes_.push_back(end_byte);
    doc.source.byte_of = ByteMap(bytes_);
    doc.blocks = std::move(blocks_);
    text_.clear();
    std::vector<uint32_t>().swap(bytes_);
    blocks_.clear();
    return;
  }
  auto n = text::nfc(text_);
  doc.text = std::move(n.text);
  std::vector<uint32_t> byte_of(doc.text.size() + 1);
  for (std::size_t i = 0; i < doc.text.size(); ++i) byte_of[i] = bytes_[n.origin[i]];
  byte_of[doc.text.size()] = end_byte;
  doc.source.byte_of = ByteMap(byte_of);
  auto map = [&](uint32_t p) {
    return static_cast<uint32_t>(std::lower_bound(n.origin.begin(), n.origin.end() - 1, p) -
                                 n.origin.begin());
  };
  doc.blocks.clear();
  for (Block b : blocks_) {
    b.span.start = map(b.span.start);
    b.span.end = map(b.span.end);
    if (b.span.end < b.span.start) b.span.end = b.span.start;
    doc.blocks.push_back(std::move(b));
  }
}

Utf8Buffer make_utf8(const Decoded& d, uint32_t from, uint32_t to) {
  Utf8Buffer out;
  out.bytes.reserve(to - from);
  for (uint32_t i = from; i < to; ++i) {
    const std::size_t before = out.bytes.size();
    append_utf8(out.bytes, d.text[i]);
    out.cp_of.insert(out.cp_of.end(), out.bytes.size() - before, i);
  }
  out.cp_of.push_back(to);
  return out;
}

uint32_t read_header(const std::u32string& t, std::map<std::string, std::string>& out) {
  if (t.rfind(U"---\n", 0) != 0) return 0;
  std::size_t pos = 4;
  std::map<std::string, std::string> found;
  while (pos < t.size()) {
    std::size_t eol = t.find(U'\n', pos);
    if (eol == std::u32string::npos) eol = t.size();
    std::u32string_view line(t.data() + pos, eol - pos);
    while (!line.empty() && is_space_cp(line.back())) line.remove_suffix(1);
    if (line == U"---") {
      out = std::move(found);
      return static_cast<uint32_t>(std::min(eol + 1, t.size()));
    }
    const auto colon = line.find(U':');
    if (colon != std::u32string_view::npos && colon > 0) {
      std::string key = trim_ascii(encode_utf8(line.substr(0, colon)));
      std::transform(key.begin(), key.end(), key.begin(),
                     [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
      found[key] = trim_ascii(encode_utf8(line.substr(colon + 1)));
    } else if (!line.empty()) {
      return 0;  // not a key: value block after all
    }
    pos = eol + 1;
  }
  return 0;  // no closing line: treat the `---` as text
}

}  // namespace cd::ingest
