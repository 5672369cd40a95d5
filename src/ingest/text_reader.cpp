// ingest/text_reader.cpp: plain text (corpus/texts) to blocks.
//
// The canonical text is the body after the optional `---` header, from its
// first non-blank line on, otherwise exactly as in the source (CRLF already
// folded). Blocks are paragraphs separated by blank lines; a text without any
// blank line (the news article in corpus/news) has one block per line. A line
// in brackets ("[TASS 2025-11-21, citing Axios]") is an editorial note block of
// its own even without a blank line before it (11d_... puts the note on the
// line under its item), so notes never run into the clause text.
#include <algorithm>

#include "core/utf8.h"
#include "ingest/reader.h"

namespace cd::ingest {
namespace {

struct Line {
  uint32_t start = 0;  // first code point of the line
  uint32_t end = 0;    // before '\n'
  uint32_t first = 0;  // first non-space
  uint32_t last = 0;   // after the last non-space
  bool blank() const { return first >= last; }
};

// "[... not captured]": the bracket that opens the text closes at its end.
// "[opening words not captured] consult together ... [... end]" is text with
// notes inside, not a note.
bool is_note_text(std::u32string_view t) {
  if (t.size() < 2 || t.front() != U'[' || t.back() != U']') return false;
  int depth = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == U'[') ++depth;
    if (t[i] == U']' && --depth == 0) return i + 1 == t.size();
  }
  return false;
}

// is_note_text() of a paragraph that grows line by line, in linear time:
// feed() scans only the new code points, up to the first place where the
// opening bracket closes. (Re-checking the whole paragraph for every added
// line was quadratic: a 3 MB file of "b]" lines after a long note took 40 s.)
struct NoteScan {
  int depth = 0;
  std::size_t closed_at = std::u32string_view::npos;
  void feed(std::u32string_view body, std::size_t from, std::size_t to) {
    for (std::size_t p = from; p < to && closed_at == std::u32string_view::npos; ++p) {
      if (body[p] == U'[') ++depth;
      if (body[p] == U']' && --depth == 0) closed_at = p;
    }
  }
  // Same answer as is_note_text(body.substr(start, end - start)) once [start,
  // end) has been fed.
  bool is_note(std::u32string_view body, std::size_t start, std::size_t end) const {
    return end >= start + 2 && body[start] == U'[' && body[end - 1] == U']' && closed_at == end - 1;
  }
};

bool is_upper_letter(char32_t c) {
  return (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}
bool is_lower_letter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
}

// A first line that is a title: capitals (before any parenthesis), or Title
// Case without final punctuation ("Memorandum on Security Assurances ...").
bool looks_like_title(std::u32string_view t) {
  if (t.empty() || t.size() > 300 || t.front() == U'[' || t.front() == U'(') return false;
  // "ARTICLE I" or "CHAPTER VII" first is a numbered heading, not a title.
  for (const char32_t* w :
       {U"ARTICLE ", U"Article ", U"SECTION ", U"Section ", U"SEC. ", U"CHAPTER ", U"Chapter ",
        U"PART ", U"Part ", U"ANNEX ", U"POINT ", U"Point ", U"PREAMBLE"}) {
    if (t.rfind(w, 0) == 0) return false;
  }
  const auto paren = t.find(U'(');
  std::u32string_view head = t.substr(0, paren);
  int upper = 0, lower = 0;
  for (char32_t c : head) {
    if (is_upper_letter(c)) ++upper;
    if (is_lower_letter(c)) ++lower;
  }
  if (upper >= 3 && lower == 0) return true;
  const char32_t end = t.back();
  if (end == U'.' || end == U',' || end == U';' || end == U':') return false;
  int words = 0, capital = 0;
  std::size_t i = 0;
  while (i < head.size()) {
    while (i < head.size() && head[i] == U' ') ++i;
    std::size_t j = i;
    while (j < head.size() && head[j] != U' ') ++j;
    if (j - i >= 4) {
      ++words;
      if (is_upper_letter(head[i])) ++capital;
    }
    i = j;
  }
  return words >= 3 && capital * 10 >= words * 6;
}

}  // namespace

Status read_text(Decoded& d, uint32_t from, TextBuilder& b, Document& doc) {
  const std::u32string& t = d.text;
  // Skip blank lines before the body.
  uint32_t start = from;
  for (uint32_t p = from; p < t.size(); ++p) {
    if (t[p] == U'\n') {
      start = p + 1;
    } else if (!is_space_cp(t[p])) {
      break;
    }
  }
  const auto n = static_cast<uint32_t>(t.size());
  if (start >= n) start = n;
  // The body is the decoded text from `start` on: the builder takes the
  // decoded buffers over instead of copying them (two 4-byte arrays per
  // character of a 10 MB file).
  b.adopt(std::move(d.text), std::move(d.byte_of), start);
  const std::u32string_view body = b.view();

  std::vector<Line> lines;
  for (uint32_t p = 0; p <= body.size();) {
    const std::size_t nl = body.find(U'\n', p);
    const auto eol = static_cast<uint32_t>(nl == std::u32string_view::npos ? body.size() : nl);
    Line l{p, eol, p, eol};
    while (l.first < eol && is_space_cp(body[l.first])) ++l.first;
    while (l.last > l.first && is_space_cp(body[l.last - 1])) --l.last;
    lines.push_back(l);
    if (eol >= body.size()) break;
    p = eol + 1;
  }
  const bool any_blank = std::any_of(
      lines.begin(), lines.end(), [&](const Line& l) { return l.blank() && &l != &lines.back(); });

  // Group lines into paragraphs.
  std::vector<std::pair<std::size_t, std::size_t>> paras;  // [first line, last line]
  std::size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].blank()) {
      ++i;
      continue;
    }
    std::size_t j = i;
    if (any_blank) {
      NoteScan scan;
      scan.feed(body, lines[i].first, lines[i].last);
      while (j + 1 < lines.size() && !lines[j + 1].blank()) {
        const Line& nx = lines[j + 1];
        const bool note_line = is_note_text(body.substr(nx.first, nx.last - nx.first));
        const bool cur_note = scan.is_note(body, lines[i].first, lines[j].last);
        if (note_line && !cur_note) break;  // a note line starts its own block
        ++j;
        scan.feed(body, lines[j - 1].last, lines[j].last);
      }
    }
    paras.emplace_back(i, j);
    i = j + 1;
  }

  bool first = true;
  for (auto [a, z] : paras) {
    Block blk;
    blk.span = Span{lines[a].first, lines[z].last};
    blk.indent = static_cast<int>(lines[a].first - lines[a].start);
    const std::u32string_view text = body.substr(blk.span.start, blk.span.size());
    if (is_note_text(text)) {
      blk.kind = BlockKind::note;
    } else if (first && a == z && paras.size() > 1 && looks_like_title(text)) {
      blk.kind = BlockKind::title;
      if (doc.meta.title.empty()) doc.meta.title = encode_utf8(text);
    }
    first = false;
    b.add_block(blk);
  }
  return Status::success();
}

}  // namespace cd::ingest
