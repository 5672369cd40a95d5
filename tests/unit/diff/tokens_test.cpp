// The ASCII fast path of the diff's tokenizer equals text::tokenize (ICU).
#include "diff/tokens.h"
#include "diff_test_util.h"

using namespace cd;

namespace {
std::string show(std::u32string_view s, const std::vector<text::Token>& ts) {
  std::string out;
  for (const auto& t : ts) {
    out += "[";
    for (char32_t c : s.substr(t.span.start, t.span.size())) out += static_cast<char>(c);
    out += "|" + std::to_string(static_cast<int>(t.kind)) + "]";
  }
  return out;
}
}  // namespace

TEST_CASE("tokenize_ascii equals text::tokenize on random ASCII") {
  std::mt19937 rng(2024);
  const std::string alphabets[] = {
      "ab1 .,;'_\n\r\t:-()",
      "aZ09 .',_",
      "a1.,; \n@#*$%",
  };
  for (int round = 0; round < 3000; ++round) {
    const std::string& alpha = alphabets[round % 3];
    std::uniform_int_distribution<std::size_t> pick(0, alpha.size() - 1), len(0, 30);
    std::u32string s;
    for (std::size_t i = len(rng); i > 0; --i)
      s.push_back(static_cast<unsigned char>(alpha[pick(rng)]));
    std::vector<text::Token> fast;
    REQUIRE(diff::detail::tokenize_ascii(s, 7, fast));
    const auto icu = text::tokenize(s, 7);
    REQUIRE_MESSAGE(show(U"       " + s, fast) == show(U"       " + s, icu),
                    show(U"       " + s, icu));
  }
  // Every printable and control ASCII character on its own and between words.
  for (char32_t c = 0; c < 128; ++c) {
    for (const std::u32string& s : {std::u32string(1, c), U"ab" + std::u32string(1, c) + U"cd",
                                    U"12" + std::u32string(1, c) + U"34"}) {
      std::vector<text::Token> fast;
      REQUIRE(diff::detail::tokenize_ascii(s, 0, fast));
      CHECK_MESSAGE(show(s, fast) == show(s, text::tokenize(s)), static_cast<int>(c));
    }
  }
  std::vector<text::Token> none;
  CHECK_FALSE(diff::detail::tokenize_ascii(U"caf\u00e9", 0, none));
  CHECK(none.empty());
}

TEST_CASE("tokenize_ascii equals text::tokenize on generated legal text") {
  std::mt19937 rng(31);
  for (int round = 0; round < 20; ++round) {
    const auto s =
        diff::testing::u32(diff::testing::random_text(rng, 400, 8) +
                           " 1,000.50 U.S. e.g. don't self-defence 42(7) \"quoted\" [a] {b}\r\n");
    std::vector<text::Token> fast;
    REQUIRE(diff::detail::tokenize_ascii(s, 0, fast));
    CHECK(show(s, fast) == show(s, text::tokenize(s)));
  }
}
