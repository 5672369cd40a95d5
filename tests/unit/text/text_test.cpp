#include <doctest/doctest.h>
#include <unicode/uchar.h>

#include "core/utf8.h"
#include "text/fold.h"
#include "text/normalize.h"
#include "text/segment.h"

using namespace cd;

TEST_CASE("nfc: composes and keeps a map to the input") {
  // "cafe" + COMBINING ACUTE ACCENT -> "café" (4 code points from 5)
  const std::u32string in = U"cafe\u0301 ok";
  auto n = text::nfc(in);
  CHECK(n.text == U"caf\u00E9 ok");
  REQUIRE(n.origin.size() == n.text.size() + 1);
  CHECK(n.origin[3] == 3);  // é comes from the chunk starting at 'e'
  CHECK(n.origin[4] == 5);  // the space after it
  CHECK(n.origin.back() == in.size());
}

TEST_CASE("nfc: already normalized text is unchanged, identity map") {
  const std::u32string in = U"The Parties agree that an armed attack";
  auto n = text::nfc(in);
  CHECK(n.text == in);
  for (std::size_t i = 0; i <= in.size(); ++i) CHECK(n.origin[i] == i);
}

TEST_CASE("sentences: abbreviations do not end a sentence") {
  const std::u32string t = U"See Art. 5 of the U.N. Charter. It says no. 3 is fine.\n\nNew para";
  auto s = text::sentences(t, Span{0, static_cast<uint32_t>(t.size())});
  REQUIRE(s.size() == 3);
  CHECK(to_u8(t.substr(s[0].start, s[0].size())) == "See Art. 5 of the U.N. Charter.");
  CHECK(to_u8(t.substr(s[2].start, s[2].size())) == "New para");
}

TEST_CASE("sentences: a single line break is wrapping, not a boundary") {
  const std::u32string t = U"The Parties agree\nthat an attack shall be considered.";
  auto s = text::sentences(t, Span{0, static_cast<uint32_t>(t.size())});
  CHECK(s.size() == 1);
}

TEST_CASE("tokenize: tokens cover the text exactly") {
  const std::u32string t = U"Article 5: \u201Carmed attack\u201D \u2014 forthwith,  42(7).";
  auto toks = text::tokenize(t, 10);
  REQUIRE_FALSE(toks.empty());
  CHECK(toks.front().span.start == 10);
  CHECK(toks.back().span.end == 10 + t.size());
  for (std::size_t i = 1; i < toks.size(); ++i) CHECK(toks[i].span.start == toks[i - 1].span.end);
  CHECK(toks[0].kind == text::TokenKind::word);
  CHECK(toks[2].kind == text::TokenKind::number);
}

TEST_CASE("fold: one code point to one") {
  CHECK(text::fold(U"\u201CArmed\u201D \u2013 ATTACK") == U"\"armed\" - attack");
}

TEST_CASE("sentences: an acronym at the end of a sentence still ends it (regression)") {
  // ICU's English filtered iterator suppressed this break ("NATO." looked
  // like an abbreviation); the news article's sentence about Article 5 was
  // lost inside the one before it.
  const std::u32string t = U"The architecture of NATO. In public discourse, Article 5 is cited.";
  auto s = text::sentences(t, Span{0, static_cast<uint32_t>(t.size())});
  CHECK(s.size() == 2);
}

TEST_CASE("segment: code points outside the BMP keep code point offsets") {
  // U+1F600 is two UTF-16 units inside ICU; our offsets stay in code points.
  const std::u32string t = U"A \U0001F600 mark. Next sentence \U0001D400 here.";
  auto s = text::sentences(t, Span{0, static_cast<uint32_t>(t.size())});
  REQUIRE(s.size() == 2);
  CHECK(to_u8(t.substr(s[0].start, s[0].size())) == "A \xF0\x9F\x98\x80 mark.");
  auto toks = text::tokenize(t);
  for (std::size_t i = 1; i < toks.size(); ++i) CHECK(toks[i].span.start == toks[i - 1].span.end);
  CHECK(toks.back().span.end == t.size());
}

TEST_CASE("is_nfc_identity: agrees with nfc()") {
  for (const std::u32string& s :
       {std::u32string(U"The Parties agree"), std::u32string(U"caf\u00E9"),
        std::u32string(U"cafe\u0301"), std::u32string(U"\u1100\u1161"),  // Hangul L+V composes
        std::u32string(U"A\u030A"), std::u32string(U"x\u0323\u0307"), std::u32string()}) {
    const auto n = text::nfc(s);
    bool identity = n.text == s;
    for (std::size_t i = 0; identity && i <= s.size(); ++i) identity = n.origin[i] == i;
    CHECK_MESSAGE(text::is_nfc_identity(s) == identity, to_u8(s));
  }
}

TEST_CASE("fold and classes: the ASCII fast paths agree with ICU") {
  // fold_char, is_whitespace and is_letter_or_digit answer ASCII without
  // ICU; the answers must be ICU's (default case folding, White_Space, alnum).
  for (char32_t c = 0; c < 0x80; ++c) {
    INFO("code point " << static_cast<int>(c));
    // compat folding turns White_Space other than space, LF and TAB into ' '.
    const bool other_space = c == 0x0B || c == 0x0C || c == U'\r';
    const auto icu_fold =
        static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
    CHECK(text::fold_char(c) == (other_space ? U' ' : icu_fold));
    CHECK(text::is_whitespace(c) == (u_isUWhiteSpace(static_cast<UChar32>(c)) != 0));
    CHECK(text::is_letter_or_digit(c) == (u_isalnum(static_cast<UChar32>(c)) != 0));
    text::FoldOptions keep_case;
    keep_case.case_fold = false;
    CHECK(text::fold_char(c, keep_case) == (other_space ? U' ' : c));
  }
}
