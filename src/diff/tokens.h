// diff/tokens.h (private): texts as sequences of interned token ids.
//
// Every token's comparison key (its text, case-folded or class-mapped as the
// options ask) is hashed once into a dense integer id, so that the O(ND)
// search and the anchor pass compare ints, never strings. Ids are dense so
// that per-id tables (occurrence counts for unique-token anchors) are arrays.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "diff/diff.h"
#include "text/segment.h"

namespace cd::diff::detail {

// Token sequence of one text. start has size()+1 entries (last = text length),
// so token i covers [start[i], start[i+1]) relative to the text.
struct TokenSeq {
  std::vector<uint32_t> start;
  std::vector<uint32_t> id;
  std::vector<uint8_t> kinds;  // text::TokenKind, one byte each (memory on big inputs)
  uint32_t size() const { return static_cast<uint32_t>(id.size()); }
  text::TokenKind kind(uint32_t t) const { return static_cast<text::TokenKind>(kinds[t]); }
  uint32_t chars(uint32_t t0, uint32_t t1) const { return start[t1] - start[t0]; }
};

// Open-addressing hash table from key strings (UTF-32) to dense ids.
class Interner {
 public:
  Interner();
  uint32_t intern(std::u32string_view key);
  uint32_t size() const { return static_cast<uint32_t>(offsets_.size()); }
  std::u32string_view key(uint32_t id) const;

 private:
  void grow();
  std::vector<uint64_t> slots_;  // (hash high bits << 32) | (id + 1), 0 = empty
  std::vector<uint32_t> offsets_;
  std::vector<uint32_t> lengths_;
  std::u32string pool_;
};

// Reserved ids: every whitespace token under ignore_whitespace, every clause
// number or label under ignore_numbering.
inline constexpr uint32_t kSpaceId = 0;
inline constexpr uint32_t kNumberId = 1;

// Tokenizes both texts (word tokens via text::tokenize, or code points when
// options.chars) and interns their keys into one id space. Large texts are
// tokenized in chunks cut after line feeds (always a UAX #29 word boundary)
// and the two texts on two threads.
// When `keep` is given, it receives the table (ids to keys).
void tokenize_pair(std::u32string_view a, std::u32string_view b, const Options& options,
                   TokenSeq& ta, TokenSeq& tb, uint32_t& vocabulary, Interner* keep = nullptr);

// diff_texts after tokenization (diff.cpp).
EditScript diff_tokens(std::u32string_view a, std::u32string_view b, const TokenSeq& ta,
                       const TokenSeq& tb, uint32_t vocabulary, const Options& options,
                       uint32_t a_base, uint32_t b_base);

// map_clauses with the documents' whole-text tokens already made, their ids
// case-folded into one space of `vocabulary` ids (clause_map.cpp).
std::vector<ClauseMapping> map_clauses_tokens(const Document& older, const Document& newer,
                                              const EditScript& text_script, const TokenSeq& ta,
                                              const TokenSeq& tb, uint32_t vocabulary);

// The same tokens as text::tokenize (ICU, UAX #29 word boundaries) for
// ASCII-only text, computed directly: the rules that apply to ASCII are few
// (WB3 CR LF, WB3a/b newlines, WB3d space runs, WB5-WB13b letters, digits,
// ' . , ; and _), and ICU's rule status for a word is that of its last
// transition (a letter ends a "word", a digit a "number"). Returns false,
// leaving `out` untouched, when `s` holds a non-ASCII code point. A unit test
// checks it against text::tokenize on random ASCII strings.
bool tokenize_ascii(std::u32string_view s, uint32_t base, std::vector<text::Token>& out);

// True when token t is whitespace holding a line feed.
bool is_line_break_token(std::u32string_view text, const TokenSeq& seq, uint32_t t);

}  // namespace cd::diff::detail
