// structure/numbering.h (private to src/structure): recognizing the labels
// that number clauses, as written in treaty, bill and Markdown texts.
//
// Two families: heading labels that fill a whole line ("Article 5",
// "ARTICLE V", "Art. 5", "Article 42(7)", "SEC. 2.", "SECTION 1.", "Point 5",
// "Paragraph 2", "CHAPTER VII", optionally followed by a heading after a
// separator: "Article 5 - Collective defence") and enumerators at the start of
// a paragraph ("1.", "(1)", "1)", "(a)", "a)", "(A)", "(i)", "(IV)").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cd::structure {

enum class Style {
  word,         // heading label: Article / Section / Chapter ...
  dot_digit,    // 1.
  paren_digit,  // (1)
  close_digit,  // 1)
  paren_lower,  // (a)
  close_lower,  // a)
  paren_upper,  // (A)
  paren_roman,  // (i)
  paren_ROMAN,  // (IV)
};

struct Label {
  Style style = Style::word;
  std::string kind;  // article | section | chapter | part | point | paragraph | item | preamble ...
  std::string prefix;         // id prefix for word labels: "art", "sec", "ch" ...
  std::string label;          // as written, without trailing space: "ARTICLE V", "(a)", "SEC. 2."
  std::string raw;            // the number as written: "V", "a", "42"
  std::string sub;            // "7" in "Article 42(7)"
  std::string heading;        // text after the label on a heading line
  std::size_t length = 0;     // code points of the label in the text
  std::size_t body_skip = 0;  // code points from the label start to the body (label + spaces)
  int rank = 30;  // 10 chapter/part, 20 article/section, 25 paragraph/point, 30 enumerators
};

// `line` is one whole line (no '\n'): a heading label with an optional heading.
std::optional<Label> heading_label(std::u32string_view line);

// An enumerator at the start of `text` followed by white space (or the end
// when `whole` is set, for XML <num> texts).
std::optional<Label> enum_label(std::u32string_view text, bool whole = false);

// The normalized form of one number: Roman numerals (for Roman styles and
// word labels like "ARTICLE V") become Arabic, digits lose leading zeros,
// letters stay as written.
std::string normalize_number(const std::string& raw, bool roman);

bool is_roman_style(Style s);
bool is_letter_style(Style s);

}  // namespace cd::structure
