// structure/numbering.cpp: label recognition (see numbering.h). Hand-written
// scanners over the UTF-8 form of a line (the labels are ASCII, so their byte
// lengths equal code point lengths); no regex engine, so that the tests that
// need ingest can compile these sources without Boost (see tests/unit/ingest).
#include "structure/numbering.h"

#include <algorithm>
#include <string>

#include "core/utf8.h"
#include "structure/structure.h"

namespace cd::structure {
namespace {

std::size_t cp_length(const std::string& s) { return to_u32(s).size(); }

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return s;
}

}  // namespace

bool is_roman_style(Style s) { return s == Style::paren_roman || s == Style::paren_ROMAN; }
bool is_letter_style(Style s) {
  return s == Style::paren_lower || s == Style::close_lower || s == Style::paren_upper;
}

int roman_to_int(const std::string& s) {
  if (s.empty() || s.size() > 15) return 0;
  auto value = [](char c) {
    switch (c) {
      case 'i':
      case 'I':
        return 1;
      case 'v':
      case 'V':
        return 5;
      case 'x':
      case 'X':
        return 10;
      case 'l':
      case 'L':
        return 50;
      case 'c':
      case 'C':
        return 100;
      case 'd':
      case 'D':
        return 500;
      case 'm':
      case 'M':
        return 1000;
      default:
        return 0;
    }
  };
  const bool upper = s[0] >= 'A' && s[0] <= 'Z';
  int total = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const int v = value(s[i]);
    if (v == 0 || ((s[i] >= 'A' && s[i] <= 'Z') != upper)) return 0;
    const int next = i + 1 < s.size() ? value(s[i + 1]) : 0;
    total += v < next ? -v : v;
  }
  // Only canonical spellings count ("IIII" or "VX" are not numerals): the
  // round trip through the standard form must give the same letters.
  static const char* const kUnits[] = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
  static const char* const kTens[] = {"", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx", "xc"};
  static const char* const kHundreds[] = {"",  "c",  "cc",  "ccc",  "cd",
                                          "d", "dc", "dcc", "dccc", "cm"};
  if (total <= 0 || total >= 4000) return 0;
  std::string canon(static_cast<std::size_t>(total / 1000), 'm');
  canon += kHundreds[(total / 100) % 10];
  canon += kTens[(total / 10) % 10];
  canon += kUnits[total % 10];
  return canon == lower(s) ? total : 0;
}

std::string normalize_number(const std::string& raw, bool roman) {
  if (raw.empty()) return raw;
  if (roman) {
    const int v = roman_to_int(raw);
    if (v > 0) return std::to_string(v);
  }
  if (raw.find_first_not_of("0123456789") == std::string::npos) {
    const auto nz = raw.find_first_not_of('0');
    return nz == std::string::npos ? "0" : raw.substr(nz);
  }
  return raw;
}

namespace {

bool alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool digit(char c) { return c >= '0' && c <= '9'; }
bool space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// Reads a run of `pred` characters at `i`.
template <typename Pred>
std::string run(const std::string& s, std::size_t& i, Pred pred, std::size_t max) {
  const std::size_t a = i;
  while (i < s.size() && pred(s[i])) ++i;
  if (i - a > max) return {};
  return s.substr(a, i - a);
}

struct Word {
  const char* w;
  const char* kind;
  const char* prefix;
  int rank;
};

// Longest spellings first so that "paragraph" is not read as "para.".
// Ranks: parts and chapters (10) hold articles and sections (20), which hold
// "Paragraph 2" / "Point 5" headings (25), which hold enumerators (30).
constexpr Word kWords[] = {
    {"paragraph", "paragraph", "para", 25}, {"preamble", "preamble", "preamble", 20},
    {"article", "article", "art", 20},      {"section", "section", "sec", 20},
    {"chapter", "chapter", "ch", 10},       {"annex", "annex", "annex", 10},
    {"point", "point", "point", 25},        {"title", "title", "title", 10},
    {"part", "part", "part", 10},           {"rule", "rule", "rule", 20},
    {"para.", "paragraph", "para", 25},     {"art.", "article", "art", 20},
    {"sec.", "section", "sec", 20}};

std::string trim_copy(const std::string& s) {
  const auto a = s.find_first_not_of(" \t");
  if (a == std::string::npos) return {};
  return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

bool roman_run(const std::string& r) {
  if (r.size() == 1) return r == "i" || r == "v" || r == "x" || r == "I" || r == "V" || r == "X";
  return roman_to_int(r) > 0;
}

}  // namespace

std::optional<Label> heading_label(std::u32string_view line) {
  if (line.size() > 400 || line.empty()) return std::nullopt;
  std::string s = encode_utf8(line);
  while (!s.empty() && space(s.back())) s.pop_back();
  if (s.empty()) return std::nullopt;
  // "[B] CONSULTATION CLAUSE (quoted ...)": an editor's lettered part heading
  // (corpus/texts/11a_...), capitals up to any parenthesis.
  if (s.size() > 4 && s[0] == '[' && alpha(s[1]) && s[1] >= 'A' && s[1] <= 'Z' && s[2] == ']' &&
      s[3] == ' ') {
    const std::string head =
        s.substr(4, s.find('(') == std::string::npos ? std::string::npos : s.find('(') - 4);
    const bool caps =
        std::any_of(head.begin(), head.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
        std::none_of(head.begin(), head.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!caps) return std::nullopt;
    Label l;
    l.kind = "part";
    l.prefix = "part";
    l.rank = 10;
    l.raw = s.substr(1, 1);
    l.label = s.substr(0, 3);
    l.length = 3;
    l.heading = trim_copy(s.substr(4));
    return l;
  }
  // A label starts with a capital: lower-case "section 5 of the Act" is prose.
  if (s.empty() || !(s[0] >= 'A' && s[0] <= 'Z')) return std::nullopt;
  const std::string ls = lower(s);
  const Word* word = nullptr;
  for (const Word& w : kWords) {
    const std::size_t n = std::char_traits<char>::length(w.w);
    if (ls.compare(0, n, w.w) == 0 &&
        (n == ls.size() || space(ls[n]) || w.w[n - 1] == '.' || (ls[n] == '.' || ls[n] == ':'))) {
      word = &w;
      break;
    }
  }
  if (!word) return std::nullopt;
  Label l;
  l.kind = word->kind;
  l.prefix = word->prefix;
  l.rank = word->rank;
  std::size_t i = std::char_traits<char>::length(word->w);
  if (l.kind == "preamble") {
    while (i < s.size() && (s[i] == '.' || s[i] == ':' || space(s[i]))) ++i;
    if (i != s.size()) return std::nullopt;
    l.label = s.substr(0, std::char_traits<char>::length(word->w));
    l.length = cp_length(l.label);
    return l;
  }
  const std::size_t after_word = i;
  while (i < s.size() && space(s[i])) ++i;
  if (i == after_word && s[i - 1] != '.') return std::nullopt;
  if (i < s.size() && digit(s[i])) {
    l.raw = run(s, i, digit, 4);
    if (l.raw.empty()) return std::nullopt;
    if (i < s.size() && s[i] >= 'a' && s[i] <= 'z' && (i + 1 == s.size() || !alpha(s[i + 1]))) {
      l.raw.push_back(s[i++]);
    }
  } else {
    l.raw = run(s, i, alpha, 8);
    if (l.raw.empty() || (l.raw.size() > 1 && !roman_run(l.raw))) return std::nullopt;
  }
  if (i < s.size() && (digit(s[i]) || alpha(s[i]))) return std::nullopt;
  // "Article 42(7)"
  std::size_t j = i;
  while (j < s.size() && s[j] == ' ') ++j;
  if (j < s.size() && s[j] == '(') {
    std::size_t k = j + 1;
    std::string sub = run(
        s, k, [](char c) { return digit(c) || (c >= 'a' && c <= 'z'); }, 3);
    if (!sub.empty() && k < s.size() && s[k] == ')' &&
        (sub.size() == 1 || std::all_of(sub.begin(), sub.end(), digit))) {
      l.sub = sub;
      i = k + 1;
    }
  }
  bool dotted = false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    dotted = true;
  }
  l.label = s.substr(0, i);
  l.length = cp_length(l.label);
  std::size_t r = i;
  while (r < s.size() && space(s[r])) ++r;
  std::string rest = s.substr(r);
  if (!rest.empty()) {
    static const char* const kSeps[] = {"-", ":", ".", "\xE2\x80\x93",
                                        "\xE2\x80\x94"};  // - : . en em dash
    bool sep = false;
    for (const char* p : kSeps) {
      if (rest.rfind(p, 0) == 0) {
        rest = rest.substr(std::char_traits<char>::length(p));
        sep = true;
        break;
      }
    }
    if (sep) {
      std::size_t t = 0;
      while (t < rest.size() && space(rest[t])) ++t;
      rest = rest.substr(t);
    } else if (rest.front() == '(' && rest.back() == ')') {
      rest = rest.substr(1, rest.size() - 2);
    } else if (!(dotted && r > i && rest[0] >= 'A' && rest[0] <= 'Z')) {
      return std::nullopt;  // "Article 5 of the Charter ..." is prose
    }
    if (cp_length(rest) > 120) return std::nullopt;  // a sentence, not a heading
    l.heading = rest;
  }
  l.style = Style::word;
  return l;
}

std::optional<Label> enum_label(std::u32string_view text, bool whole) {
  const std::string s = encode_utf8(text.substr(0, 24));
  Label l;
  std::size_t i = 0;
  if (!s.empty() && s[0] == '(') {
    i = 1;
    if (i < s.size() && digit(s[i])) {
      l.raw = run(s, i, digit, 3);
      l.style = Style::paren_digit;
    } else {
      l.raw = run(s, i, alpha, 6);
      if (l.raw.empty()) return std::nullopt;
      const bool low =
          std::all_of(l.raw.begin(), l.raw.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      const bool up =
          std::all_of(l.raw.begin(), l.raw.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      if (!low && !up) return std::nullopt;
      if (roman_run(l.raw)) {
        l.style = low ? Style::paren_roman : Style::paren_ROMAN;
      } else if (l.raw.size() <= 2) {
        l.style = low ? Style::paren_lower : Style::paren_upper;
      } else {
        return std::nullopt;
      }
    }
    if (l.raw.empty() || i >= s.size() || s[i] != ')') return std::nullopt;
    ++i;
  } else if (!s.empty() && digit(s[0])) {
    l.raw = run(s, i, digit, 3);
    if (l.raw.empty() || i >= s.size()) return std::nullopt;
    if (s[i] == '.') {
      l.style = Style::dot_digit;
    } else if (s[i] == ')') {
      l.style = Style::close_digit;
    } else {
      return std::nullopt;
    }
    ++i;
  } else if (s.size() >= 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] == ')') {
    l.raw = s.substr(0, 1);
    l.style = Style::close_lower;
    i = 2;
  } else {
    return std::nullopt;
  }
  std::size_t j = i;
  while (j < s.size() && space(s[j])) ++j;
  if (whole) {
    if (j != s.size() || text.size() > 24) return std::nullopt;
  } else if (j == i) {
    return std::nullopt;  // "1.5" or "(a)b" is not an enumerator
  }
  l.label = s.substr(0, i);
  l.length = i;
  l.body_skip = j;
  l.rank = 30;
  const bool digits =
      l.style == Style::paren_digit || l.style == Style::dot_digit || l.style == Style::close_digit;
  l.kind = digits ? "paragraph" : is_roman_style(l.style) ? "item" : "point";
  return l;
}

}  // namespace cd::structure
