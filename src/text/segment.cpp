#include "text/segment.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>
#include <stdexcept>

namespace cd::text {
namespace {

// Maps UTF-16 indexes of a UnicodeString built from code points back to code
// point indexes.
struct Utf16View {
  std::u16string units;
  icu::UnicodeString s;              // read-only alias of `units` (no copy)
  std::vector<uint32_t> cp_of_unit;  // size units.size()+1

  explicit Utf16View(std::u32string_view text) {
    units.reserve(text.size() + 16);
    cp_of_unit.reserve(text.size() + 17);
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char32_t c = text[i];
      if (c < 0x10000) {
        units.push_back(static_cast<char16_t>(c));
        cp_of_unit.push_back(static_cast<uint32_t>(i));
      } else {
        units.push_back(static_cast<char16_t>(0xD7C0 + (c >> 10)));
        units.push_back(static_cast<char16_t>(0xDC00 | (c & 0x3FF)));
        cp_of_unit.push_back(static_cast<uint32_t>(i));
        cp_of_unit.push_back(static_cast<uint32_t>(i));
      }
    }
    cp_of_unit.push_back(static_cast<uint32_t>(text.size()));
    // Read-only aliasing constructor: ICU reads our buffer in place.
    s = icu::UnicodeString(false, units.data(), static_cast<int32_t>(units.size()));
  }
  Utf16View(const Utf16View&) = delete;
  Utf16View& operator=(const Utf16View&) = delete;
};

bool is_space(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)) != 0; }

// Abbreviations after which a period does not end a sentence in our texts.
constexpr const char16_t* kAbbreviations[] = {
    u"Art.", u"Arts.", u"art.",   u"No.",   u"Nos.", u"no.",  u"U.N.", u"U.S.",  u"U.K.",
    u"E.U.", u"para.", u"paras.", u"Para.", u"Sec.", u"sec.", u"Doc.", u"doc.",  u"Vol.",
    u"vol.", u"pp.",   u"p.",     u"cf.",   u"e.g.", u"i.e.", u"etc.", u"Mr.",   u"Mrs.",
    u"Ms.",  u"Dr.",   u"St.",    u"Gen.",  u"Jan.", u"Feb.", u"Aug.", u"Sept.", u"Oct.",
    u"Nov.", u"Dec.",  u"Res.",   u"Con.",  u"J.",   u"H.",   u"S.",   u"Rep.",  u"Sen.",
};

// True when text[0, end) ends with one of kAbbreviations as a whole token.
bool ends_with_abbreviation(std::u32string_view text, uint32_t end) {
  uint32_t start = end;
  while (start > 0 && !is_space(text[start - 1])) --start;
  if (start == end) return false;
  // Compare the last token with each abbreviation (ASCII, so compare units).
  for (const char16_t* abbr : kAbbreviations) {
    std::size_t n = 0;
    while (abbr[n] != 0) ++n;
    if (n != end - start) continue;
    bool same = true;
    for (std::size_t i = 0; i < n && same; ++i)
      same = text[start + i] == static_cast<char32_t>(abbr[i]);
    if (same) return true;
  }
  return false;
}

bool has_blank_line(std::u32string_view text, uint32_t from, uint32_t to) {
  for (uint32_t i = from; i + 1 < to; ++i) {
    if (text[i] == U'\n' && text[i + 1] == U'\n') return true;
  }
  return false;
}

// Plain UAX #29 sentence breaks. ICU's FilteredBreakIterator was tried and
// dropped: its English list suppressed the break after "NATO." in "of NATO.
// In public ..." and still broke after "U.S."; we merge after the
// abbreviations of kAbbreviations ourselves (ends_with_abbreviation).
std::unique_ptr<icu::BreakIterator> make_sentence_iterator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status)) throw std::logic_error("ICU sentence iterator failed");
  return it;
}

std::unique_ptr<icu::BreakIterator> make_word_iterator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status)) throw std::logic_error("ICU word iterator failed");
  return it;
}

// Break iterators are expensive to build; keep one prototype each and clone.
std::unique_ptr<icu::BreakIterator> clone_of(std::unique_ptr<icu::BreakIterator> (*make)(),
                                             std::once_flag& once,
                                             std::unique_ptr<icu::BreakIterator>& proto) {
  std::call_once(once, [&] { proto = make(); });
  return std::unique_ptr<icu::BreakIterator>(proto->clone());
}

std::once_flag g_sentence_once, g_word_once;
std::unique_ptr<icu::BreakIterator> g_sentence_proto, g_word_proto;

}  // namespace

std::vector<Span> sentences(std::u32string_view text, Span range) {
  std::vector<Span> out;
  if (range.end > text.size()) range.end = static_cast<uint32_t>(text.size());
  if (range.empty()) return out;
  // A single line break inside a paragraph is wrapping, not a paragraph end:
  // show ICU a space there (same length) so that it does not break (UAX #29 SB4
  // breaks after every line separator). Blank lines stay and end sentences.
  std::u32string piece(text.substr(range.start, range.size()));
  for (std::size_t i = 0; i < piece.size(); ++i) {
    if (piece[i] != U'\n') continue;
    const bool blank_before = i > 0 && piece[i - 1] == U'\n';
    const bool blank_after = i + 1 < piece.size() && piece[i + 1] == U'\n';
    if (!blank_before && !blank_after) piece[i] = U' ';
  }
  Utf16View view(piece);
  auto it = clone_of(&make_sentence_iterator, g_sentence_once, g_sentence_proto);
  it->setText(view.s);
  int32_t prev = it->first();
  for (int32_t pos = it->next(); pos != icu::BreakIterator::DONE; prev = pos, pos = it->next()) {
    uint32_t a = view.cp_of_unit[static_cast<std::size_t>(prev)];
    uint32_t b = view.cp_of_unit[static_cast<std::size_t>(pos)];
    while (a < b && is_space(piece[a])) ++a;
    while (b > a && is_space(piece[b - 1])) --b;
    if (a >= b) continue;
    // ICU's filter does not suppress abbreviations with inner periods
    // ("U.N.", "U.S."): merge such a piece into the one before it.
    if (!out.empty() && ends_with_abbreviation(piece, out.back().end - range.start) &&
        !has_blank_line(piece, out.back().end - range.start, a)) {
      out.back().end = range.start + b;
    } else {
      out.push_back(Span{range.start + a, range.start + b});
    }
  }
  return out;
}

std::vector<Token> tokenize(std::u32string_view text, uint32_t base) {
  std::vector<Token> out;
  if (text.empty()) return out;
  out.reserve(text.size() / 3 + 1);
  Utf16View view(text);
  auto it = clone_of(&make_word_iterator, g_word_once, g_word_proto);
  it->setText(view.s);
  int32_t prev = it->first();
  for (int32_t pos = it->next(); pos != icu::BreakIterator::DONE; prev = pos, pos = it->next()) {
    const uint32_t a = view.cp_of_unit[static_cast<std::size_t>(prev)];
    const uint32_t b = view.cp_of_unit[static_cast<std::size_t>(pos)];
    if (a >= b) continue;
    const int32_t rule = it->getRuleStatus();
    if (rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT) {
      out.push_back({Span{base + a, base + b}, TokenKind::number});
    } else if (rule >= UBRK_WORD_LETTER) {
      out.push_back({Span{base + a, base + b}, TokenKind::word});
    } else {
      // UBRK_WORD_NONE: whitespace runs stay whole; other code points
      // (punctuation, symbols) become one token each.
      uint32_t i = a;
      while (i < b) {
        if (is_space(text[i])) {
          uint32_t j = i + 1;
          while (j < b && is_space(text[j])) ++j;
          out.push_back({Span{base + i, base + j}, TokenKind::space});
          i = j;
        } else {
          out.push_back({Span{base + i, base + i + 1}, TokenKind::punct});
          ++i;
        }
      }
    }
  }
  return out;
}

}  // namespace cd::text
