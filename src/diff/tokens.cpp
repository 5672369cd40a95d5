// diff/tokens.cpp: tokenization and interning for the diff (see tokens.h).
#include "diff/tokens.h"

#include <algorithm>
#include <string>
#include <thread>

#include "text/fold.h"

namespace cd::diff::detail {
namespace {

uint64_t hash_key(std::u32string_view s) {
  // 64-bit multiplicative hash over code points, finished with a xorshift mix.
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ s.size();
  for (char32_t c : s) h = (h ^ static_cast<uint64_t>(c)) * 0x100000001B3ULL;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ULL;
  h ^= h >> 32;
  return h;
}

bool is_label_word(std::u32string_view w) {
  static constexpr std::u32string_view kLabels[] = {U"article", U"art",       U"section", U"sec",
                                                    U"chapter", U"part",      U"annex",   U"title",
                                                    U"point",   U"paragraph", U"para"};
  std::u32string f(w);
  for (auto& c : f) c = text::fold_char(c);
  return std::find(std::begin(kLabels), std::end(kLabels), std::u32string_view(f)) !=
         std::end(kLabels);
}

bool is_roman(std::u32string_view w) {
  if (w.empty() || w.size() > 8) return false;
  const bool upper = w[0] >= U'A' && w[0] <= U'Z';
  for (char32_t c : w) {
    const char32_t u = upper ? c : static_cast<char32_t>(c - U'a' + U'A');
    if (std::u32string_view(U"IVXLCDM").find(u) == std::u32string_view::npos) return false;
    if (upper != (c >= U'A' && c <= U'Z')) return false;
  }
  return true;
}

text::TokenKind char_kind(char32_t c) {
  if (text::is_whitespace(c)) return text::TokenKind::space;
  if (c >= U'0' && c <= U'9') return text::TokenKind::number;
  if (text::is_letter_or_digit(c)) return text::TokenKind::word;
  return text::TokenKind::punct;
}

enum AsciiClass : uint8_t {
  kOther,
  kLetter,
  kDigit,
  kUnderscore,
  kMidLetterQ,
  kMidNum,
  kMidNumLet,
  kSpace,
  kOtherSpace,
  kCR,
  kLF
};

struct AsciiTable {
  AsciiClass cls[128];
  AsciiTable() {
    for (int c = 0; c < 128; ++c) {
      AsciiClass k = kOther;
      // ICU's word rules count '@' as a letter (e-mail addresses).
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@')
        k = kLetter;
      else if (c >= '0' && c <= '9')
        k = kDigit;
      else if (c == '_')
        k = kUnderscore;
      else if (c == '\'')
        k = kMidLetterQ;  // Single_Quote: joins letters and digits
      else if (c == '.')
        k = kMidNumLet;
      else if (c == ',' || c == ';')
        k = kMidNum;
      else if (c == ' ')
        k = kSpace;
      else if (c == '\r')
        k = kCR;
      else if (c == '\n' || c == 0x0B || c == 0x0C)
        k = kLF;  // break after and before
      else if (c == '\t')
        k = kOtherSpace;
      cls[c] = k;
    }
  }
};

bool is_wordish(AsciiClass k) { return k == kLetter || k == kDigit || k == kUnderscore; }

// The scan behind tokenize_ascii: calls emit(start, end, kind) per token
// (offsets relative to s), or returns false at once for non-ASCII text.
template <class Emit>
bool scan_ascii(std::u32string_view s, Emit&& emit) {
  for (char32_t c : s) {
    if (c >= 128) return false;
  }
  static const AsciiTable table;
  auto cls = [&](std::size_t i) { return table.cls[s[i]]; };
  const std::size_t n = s.size();
  std::size_t i = 0;
  auto push = [&](std::size_t a, std::size_t b, text::TokenKind k) { emit(a, b, k); };
  while (i < n) {
    const AsciiClass k = cls(i);
    if (is_wordish(k)) {
      std::size_t j = i + 1;
      while (j < n) {
        const AsciiClass next = cls(j);
        if (is_wordish(next)) {
          ++j;
          continue;
        }
        // WB6/7 and WB11/12: a middle character between two letters or two digits.
        if (j + 1 < n && (next == kMidLetterQ || next == kMidNumLet || next == kMidNum)) {
          const AsciiClass before = cls(j - 1), after = cls(j + 1);
          const bool letters = before == kLetter && after == kLetter && next != kMidNum;
          const bool digits = before == kDigit && after == kDigit;
          if (letters || digits) {
            j += 2;
            continue;
          }
        }
        break;
      }
      // Rule status of the last transition: letter -> word, digit -> number;
      // a trailing '_' keeps the class of what precedes it.
      text::TokenKind kind = text::TokenKind::word;
      const AsciiClass last = cls(j - 1);
      if (j - i == 1 && last == kUnderscore)
        kind = text::TokenKind::punct;
      else if (last == kDigit)
        kind = text::TokenKind::number;
      else if (last == kUnderscore && cls(j - 2) == kDigit)
        kind = text::TokenKind::number;
      push(i, j, kind);
      i = j;
    } else if (k == kSpace) {
      std::size_t j = i + 1;
      while (j < n && cls(j) == kSpace) ++j;
      push(i, j, text::TokenKind::space);
      i = j;
    } else if (k == kCR) {
      const std::size_t j = (i + 1 < n && s[i + 1] == U'\n') ? i + 2 : i + 1;
      push(i, j, text::TokenKind::space);
      i = j;
    } else if (k == kLF || k == kOtherSpace) {
      push(i, i + 1, text::TokenKind::space);
      ++i;
    } else {
      push(i, i + 1, text::TokenKind::punct);
      ++i;
    }
  }
  return true;
}

// Tokenizes one text into `out` using (and filling) `interner`.
void tokenize_one(std::u32string_view txt, const Options& options, Interner& interner,
                  TokenSeq& out) {
  out.start.clear();
  out.id.clear();
  out.kinds.clear();
  out.start.reserve(options.chars ? txt.size() + 1 : txt.size() / 3 + 16);
  out.id.reserve(out.start.capacity());
  out.kinds.reserve(out.start.capacity());
  std::u32string key;
  auto key_of = [&](uint32_t s, uint32_t e, text::TokenKind k) -> uint32_t {
    if (k == text::TokenKind::space && options.ignore_whitespace) return kSpaceId;
    if (k == text::TokenKind::number && options.ignore_numbering) return kNumberId;
    const std::u32string_view raw = txt.substr(s, e - s);
    if (!options.ignore_case) return interner.intern(raw);
    key.assign(raw);
    for (auto& c : key) c = text::fold_char(c);
    return interner.intern(key);
  };
  if (options.chars) {
    for (uint32_t i = 0; i < txt.size(); ++i) {
      const auto k = char_kind(txt[i]);
      out.start.push_back(i);
      out.kinds.push_back(static_cast<uint8_t>(k));
      out.id.push_back(key_of(i, i + 1, k));
    }
  } else {
    // Chunks end after a line feed: UAX #29 always breaks there (WB3a), so
    // chunked tokenization equals whole-text tokenization and keeps ICU's
    // UTF-16 copy small.
    constexpr std::size_t kChunk = 1 << 18;
    std::size_t pos = 0;
    while (pos < txt.size()) {
      std::size_t end = txt.size();
      if (txt.size() - pos > kChunk + kChunk / 2) {
        const std::size_t nl = txt.find(U'\n', pos + kChunk);
        if (nl != std::u32string_view::npos && nl + 1 < txt.size()) end = nl + 1;
      }
      // ASCII chunks: tokens straight into the sequence; others through ICU.
      const auto base = static_cast<uint32_t>(pos);
      const bool ascii = scan_ascii(
          txt.substr(pos, end - pos), [&](std::size_t x, std::size_t y, text::TokenKind k) {
            const auto x32 = base + static_cast<uint32_t>(x), y32 = base + static_cast<uint32_t>(y);
            out.start.push_back(x32);
            out.kinds.push_back(static_cast<uint8_t>(k));
            out.id.push_back(key_of(x32, y32, k));
          });
      if (!ascii) {
        for (const auto& t : text::tokenize(txt.substr(pos, end - pos), base)) {
          out.start.push_back(t.span.start);
          out.kinds.push_back(static_cast<uint8_t>(t.kind));
          out.id.push_back(key_of(t.span.start, t.span.end, t.kind));
        }
      }
      pos = end;
    }
  }
  out.start.push_back(static_cast<uint32_t>(txt.size()));
  if (options.ignore_numbering && !options.chars) {
    // Roman numerals after a label word ("ARTICLE V") and letters in
    // parentheses ("(a)") are clause labels too.
    const uint32_t n = out.size();
    uint32_t prev_word = UINT32_MAX;
    for (uint32_t i = 0; i < n; ++i) {
      if (out.kind(i) == text::TokenKind::space) continue;
      if (out.kind(i) == text::TokenKind::word) {
        const auto w = txt.substr(out.start[i], out.start[i + 1] - out.start[i]);
        const bool label_after =
            prev_word != UINT32_MAX &&
            is_label_word(
                txt.substr(out.start[prev_word], out.start[prev_word + 1] - out.start[prev_word]));
        const bool in_parens = i > 0 && i + 1 < n && txt[out.start[i] - 1] == U'(' &&
                               out.start[i + 1] < txt.size() && txt[out.start[i + 1]] == U')' &&
                               w.size() <= 4;
        if ((label_after && is_roman(w)) || in_parens) out.id[i] = kNumberId;
        prev_word = i;
      } else {
        prev_word = UINT32_MAX;
      }
    }
  }
}

}  // namespace

bool tokenize_ascii(std::u32string_view s, uint32_t base, std::vector<text::Token>& out) {
  return scan_ascii(s, [&](std::size_t x, std::size_t y, text::TokenKind k) {
    out.push_back({Span{base + static_cast<uint32_t>(x), base + static_cast<uint32_t>(y)}, k});
  });
}

Interner::Interner() : slots_(1024, 0) {
  // Reserve kSpaceId and kNumberId with keys no token can have (a
  // multi-code-point key starting with a control character).
  intern(U"\x01S");
  intern(U"\x01N");
}

std::u32string_view Interner::key(uint32_t id) const {
  return std::u32string_view(pool_).substr(offsets_[id], lengths_[id]);
}

void Interner::grow() {
  std::vector<uint64_t> old(slots_.size() * 2, 0);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (uint64_t s : old) {
    if (s == 0) continue;
    const uint32_t id = static_cast<uint32_t>(s & 0xFFFFFFFFu) - 1;
    std::size_t i = hash_key(key(id)) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

uint32_t Interner::intern(std::u32string_view k) {
  const uint64_t h = hash_key(k);
  const uint64_t tag = h >> 32;
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = h & mask;
  while (slots_[i] != 0) {
    if ((slots_[i] >> 32) == tag) {
      const uint32_t id = static_cast<uint32_t>(slots_[i] & 0xFFFFFFFFu) - 1;
      if (key(id) == k) return id;
    }
    i = (i + 1) & mask;
  }
  const auto id = static_cast<uint32_t>(offsets_.size());
  offsets_.push_back(static_cast<uint32_t>(pool_.size()));
  lengths_.push_back(static_cast<uint32_t>(k.size()));
  pool_.append(k);
  slots_[i] = (tag << 32) | (static_cast<uint64_t>(id) + 1);
  if (offsets_.size() * 2 > slots_.size()) grow();
  return id;
}

void tokenize_pair(std::u32string_view a, std::u32string_view b, const Options& options,
                   TokenSeq& ta, TokenSeq& tb, uint32_t& vocabulary, Interner* keep) {
  Interner ia;
  if (a.size() + b.size() < (1u << 17)) {
    tokenize_one(a, options, ia, ta);
    tokenize_one(b, options, ia, tb);
    vocabulary = ia.size();
    if (keep != nullptr) *keep = std::move(ia);
    return;
  }
  // Large inputs: one thread per text, each with its own table; then b's ids
  // are mapped into a's table (the vocabulary is small next to the texts).
  Interner ib;
  std::thread worker([&] { tokenize_one(b, options, ib, tb); });
  tokenize_one(a, options, ia, ta);
  worker.join();
  std::vector<uint32_t> remap(ib.size());
  for (uint32_t id = 0; id < ib.size(); ++id) remap[id] = ia.intern(ib.key(id));
  for (auto& id : tb.id) id = remap[id];
  vocabulary = ia.size();
  if (keep != nullptr) *keep = std::move(ia);
}

bool is_line_break_token(std::u32string_view text, const TokenSeq& seq, uint32_t t) {
  if (seq.kind(t) != text::TokenKind::space) return false;
  for (uint32_t i = seq.start[t]; i < seq.start[t + 1]; ++i) {
    if (text[i] == U'\n') return true;
  }
  return false;
}

}  // namespace cd::diff::detail
