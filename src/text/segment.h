// text/segment.h: sentences and words, by ICU's break iterators.
//
// Sentences follow UAX #29 sentence boundaries (ICU), with the breaks after
// abbreviations common in treaty and news text ("Art.", "No.", "U.N.",
// "U.S.", "para.") taken back, so "Art. 5" is not two sentences. Words follow UAX #29 word
// boundaries; every code point of the input belongs to exactly one token, so tokens concatenate
// back to the text (the diff relies on this). Offsets are code points, shifted by `base`.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace cd::text {

enum class TokenKind { word, number, space, punct };

struct Token {
  Span span;
  TokenKind kind = TokenKind::word;
};

// Sentence spans inside `range` of `text`, trimmed of surrounding whitespace;
// empty sentences are dropped. Paragraph breaks (a blank line) always end a
// sentence.
std::vector<Span> sentences(std::u32string_view text, Span range);

// Word tokens covering `text` completely; spans are offset by `base`.
std::vector<Token> tokenize(std::u32string_view text, uint32_t base = 0);

}  // namespace cd::text
