// ingest/decode.cpp: source bytes -> code points with their source bytes.
//
// UTF-8 (BOM optional), UTF-16 LE/BE with BOM; invalid UTF-8 is repaired to
// U+FFFD by core/utf8 and reported as a warning with line:column. Binary data
// (NUL bytes, a PDF, or more than 1% control characters), UTF-16 without a
// BOM (named as such, so the user knows to convert it) and empty files are
// refused: clausediff compares texts, and guessing at binary data would make
// up commitments that are not there. CRLF and lone CR become LF (the byte map
// keeps pointing at the original bytes).
#include <algorithm>
#include <optional>

#include "core/utf8.h"
#include "ingest/reader.h"

namespace cd::ingest {
namespace {

// UTF-16 without a byte-order mark: text in Latin script has a NUL in every
// other byte. Returns "UTF-16LE", "UTF-16BE" or nullptr. Only a guess for the
// message: such a file is still refused, since without a BOM the byte order
// (and so every character) would be a guess too.
const char* utf16_without_bom(std::string_view bytes) {
  const std::size_t n = std::min<std::size_t>(bytes.size(), 4096) & ~std::size_t{1};
  if (n < 4) return nullptr;
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (bytes[i] == '\0') ++(i % 2 == 0 ? even : odd);
  }
  const std::size_t pairs = n / 2;
  if (odd * 2 >= pairs && even * 20 < odd) return "UTF-16LE";
  if (even * 2 >= pairs && odd * 20 < even) return "UTF-16BE";
  return nullptr;
}

bool is_control(char32_t c) {
  return (c < 0x20 && c != U'\t' && c != U'\n' && c != U'\r' && c != U'\f') || c == 0x7F;
}

Utf8Decoded decode_utf16(std::string_view bytes, bool little, std::vector<uint32_t>& bad) {
  Utf8Decoded out;
  auto unit = [&](std::size_t i) -> uint32_t {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    return little ? (a | (b << 8u)) : ((a << 8u) | b);
  };
  std::size_t i = 2;  // after the BOM
  while (i + 1 < bytes.size()) {
    const uint32_t u = unit(i);
    const auto at = static_cast<uint32_t>(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      const uint32_t v = unit(i + 2);
      if (v >= 0xDC00 && v <= 0xDFFF) {
        out.text.push_back(static_cast<char32_t>(0x10000 + ((u - 0xD800) << 10u) + (v - 0xDC00)));
        out.byte_offset.push_back(at);
        i += 4;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {
      out.text.push_back(U'\uFFFD');
      bad.push_back(at);
    } else {
      out.text.push_back(static_cast<char32_t>(u));
    }
    out.byte_offset.push_back(at);
    i += 2;
  }
  if (i < bytes.size()) {  // odd trailing byte
    out.text.push_back(U'\uFFFD');
    out.byte_offset.push_back(static_cast<uint32_t>(i));
    bad.push_back(static_cast<uint32_t>(i));
  }
  out.byte_offset.push_back(static_cast<uint32_t>(bytes.size()));
  return out;
}

// Decoded text that is not text after all: NUL characters or more than 1 %
// control characters (binary data), or nothing but white space. Both decoding
// paths end here, so that they refuse the same inputs with the same words.
Status refusal(std::u32string_view text, std::size_t controls, bool nul, const std::string& path) {
  if (nul || (controls > 0 && controls * 100 > text.size())) {
    return Status::error(ErrorCode::invalid_input,
                         nul ? "binary content (NUL characters), not text"
                             : "binary content (more than 1% control characters), not text",
                         path)
        .with_hint(
            "give a UTF-8 or UTF-16 (with BOM) text file; convert other files to text first");
  }
  if (std::all_of(text.begin(), text.end(), is_space_cp)) {
    return Status::error(ErrorCode::invalid_input, "empty file", path)
        .with_hint("the file holds only white space");
  }
  return Status{};
}

// The common case in one pass: ASCII without CR or NUL (after an optional
// UTF-8 BOM), where each code point is its byte. Returns nothing when the
// general path is needed (any byte >= 0x80, CR, or NUL).
struct PlainAscii {
  Decoded d;
  std::size_t controls = 0;
};
std::optional<PlainAscii> decode_plain_ascii(std::string_view bytes, uint32_t base) {
  for (std::size_t i = base; i < bytes.size(); ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c >= 0x80 || c == '\r' || c == '\0') return std::nullopt;
  }
  PlainAscii out;
  const std::size_t n = bytes.size() - base;
  out.d.text.resize(n);
  out.d.byte_of.resize(n + 1);
  out.d.line_starts.push_back(base);
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(bytes[base + i]);
    out.d.text[i] = c;
    out.d.byte_of[i] = static_cast<uint32_t>(base + i);
    if (c == '\n') out.d.line_starts.push_back(static_cast<uint32_t>(base + i + 1));
    if (is_control(c)) ++out.controls;
  }
  out.d.byte_of[n] = static_cast<uint32_t>(bytes.size());
  return out;
}

}  // namespace

SourceMap::Position position_in(const std::vector<uint32_t>& line_starts, uint32_t byte) {
  SourceMap m;
  m.line_starts = line_starts;
  return m.position_of_byte(byte);
}

Result<Decoded> decode_source(std::string_view bytes, const std::string& path) {
  if (bytes.empty()) {
    return Status::error(ErrorCode::invalid_input, "empty file", path)
        .with_hint("give a text, Markdown, XML or HTML file with some content");
  }
  if (bytes.size() > 0xFFFFFFF0u) {
    return Status::error(ErrorCode::limit, "file too large", path);
  }
  const bool pdf = bytes.substr(0, 5) == "%PDF-";
  const bool bom16le = bytes.size() >= 2 && bytes[0] == '\xFF' && bytes[1] == '\xFE';
  const bool bom16be = bytes.size() >= 2 && bytes[0] == '\xFE' && bytes[1] == '\xFF';
  const bool bom8 = bytes.substr(0, 3) == "\xEF\xBB\xBF";
  if (pdf) {
    return Status::error(ErrorCode::invalid_input, "binary content (a PDF file), not text", path)
        .with_hint("extract the text first (e.g. pdftotext FILE out.txt) and give the .txt");
  }
  if (!bom16le && !bom16be) {
    if (auto fast = decode_plain_ascii(bytes, bom8 ? 3 : 0)) {
      if (Status st = refusal(fast->d.text, fast->controls, false, path); !st.ok()) return st;
      return std::move(fast->d);
    }
  }
  Utf8Decoded raw;
  std::vector<uint32_t> bad;
  if (bom16le || bom16be) {
    raw = decode_utf16(bytes, bom16le, bad);
  } else {
    if (bytes.find('\0') != std::string_view::npos) {
      if (const char* enc = utf16_without_bom(bytes)) {
        return Status::error(ErrorCode::invalid_input,
                             std::string("looks like ") + enc +
                                 " text without a byte-order mark; only UTF-8, or UTF-16 with a "
                                 "byte-order mark, is read",
                             path)
            .with_hint(std::string("convert it first, e.g. iconv -f ") + enc + " -t UTF-8 '" +
                       path + "' > converted.txt");
      }
      return Status::error(ErrorCode::invalid_input, "binary content (NUL bytes), not text", path)
          .with_hint(
              "give a UTF-8 or UTF-16 (with BOM) text file; convert other files to text first");
    }
    const uint32_t base = bom8 ? 3 : 0;
    raw = decode_utf8(bytes.substr(base), base);
    bad = raw.invalid_at;
  }
  std::size_t controls = 0;
  bool nul = false;
  for (char32_t c : raw.text) {
    if (c == 0) nul = true;
    if (is_control(c)) ++controls;
  }
  if (nul || (controls > 0 && controls * 100 > raw.text.size())) {
    return refusal(raw.text, controls, nul, path);
  }

  Decoded d;
  d.line_starts.push_back(raw.byte_offset.empty() ? 0 : raw.byte_offset[0]);
  d.text.reserve(raw.text.size());
  d.byte_of.reserve(raw.text.size() + 1);
  for (std::size_t i = 0; i < raw.text.size(); ++i) {
    char32_t c = raw.text[i];
    if (c == U'\r') {
      if (i + 1 < raw.text.size() && raw.text[i + 1] == U'\n') continue;  // CRLF: keep the LF
      c = U'\n';                                                          // lone CR (old Mac)
    }
    d.text.push_back(c);
    d.byte_of.push_back(raw.byte_offset[i]);
    if (c == U'\n') d.line_starts.push_back(raw.byte_offset[i + 1]);
  }
  d.byte_of.push_back(raw.byte_offset.back());
  if (Status st = refusal(d.text, 0, false, path); !st.ok()) return st;
  for (uint32_t at : bad) {
    const auto p = position_in(d.line_starts, at);
    d.diagnostics.push_back(Diagnostic{Severity::warning,
                                       "invalid UTF-8 or UTF-16 sequence replaced by U+FFFD",
                                       p.line, p.column});
  }
  return d;
}

}  // namespace cd::ingest
