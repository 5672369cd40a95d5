// Helpers shared by the diff tests.
#pragma once

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "diff/diff.h"
#include "text/segment.h"

namespace cd::diff::testing {

inline std::u32string u32(const std::string& s) {
  std::u32string out;
  for (unsigned char c : s) out.push_back(c);  // tests use ASCII only
  return out;
}

inline std::u32string cut(std::u32string_view s, Span sp, uint32_t base = 0) {
  return std::u32string(s.substr(sp.start - base, sp.end - sp.start));
}

// Checks the contract: ops in order, covering both texts, del only a, ins
// only b, equal+del = a and equal+ins = b.
inline void check_reproduces(std::u32string_view a, std::u32string_view b, const EditScript& es,
                             bool exact_equal = true, uint32_t a_base = 0, uint32_t b_base = 0) {
  std::u32string ra, rb;
  uint32_t pa = a_base, pb = b_base;
  for (const auto& op : es.ops) {
    REQUIRE(op.a.start == pa);
    REQUIRE(op.b.start == pb);
    if (op.op == OpKind::del) REQUIRE(op.b.empty());
    if (op.op == OpKind::ins) REQUIRE(op.a.empty());
    if (op.op == OpKind::equal && exact_equal)
      REQUIRE(cut(a, op.a, a_base) == cut(b, op.b, b_base));
    if (op.op != OpKind::ins) ra += cut(a, op.a, a_base);
    if (op.op != OpKind::del) rb += cut(b, op.b, b_base);
    pa = op.a.end;
    pb = op.b.end;
    REQUIRE(!(op.a.empty() && op.b.empty()));
  }
  REQUIRE(ra == std::u32string(a));
  REQUIRE(rb == std::u32string(b));
  for (std::size_t i = 1; i < es.ops.size(); ++i) {
    const bool same = es.ops[i].op == es.ops[i - 1].op && es.ops[i].move == es.ops[i - 1].move;
    REQUIRE_MESSAGE(!same, "adjacent ops of one kind are merged");
  }
}

// Random legal-ish text over a tiny vocabulary, so that there are many matches.
inline std::string random_text(std::mt19937& rng, int words, int vocabulary) {
  static const char* kWords[] = {"the", "party", "shall", "a", "may", "Article", "5", "of"};
  static const char* kSeps[] = {" ", " ", " ", ", ", "\n", ". "};
  std::uniform_int_distribution<int> w(0, vocabulary - 1), s(0, 5);
  std::string out;
  for (int i = 0; i < words; ++i) {
    if (i > 0) out += kSeps[s(rng)];
    out += kWords[w(rng)];
  }
  return out;
}

}  // namespace cd::diff::testing
