// tests/unit/model/byte_map_test.cpp: the compact code point -> byte map
// answers exactly what the dense array it was built from answers.
#include "model/byte_map.h"

#include <doctest/doctest.h>

#include <random>

using namespace cd;

namespace {

void check_same(const std::vector<uint32_t>& dense) {
  const ByteMap m(dense);
  REQUIRE(m.size() == dense.size());
  for (std::size_t i = 0; i < dense.size(); ++i) REQUIRE(m[i] == dense[i]);
  if (!dense.empty()) CHECK(m.back() == dense.back());
}

}  // namespace

TEST_CASE("ByteMap: ASCII with LF is one run, CRLF one run per line") {
  std::vector<uint32_t> ascii(100001);
  for (uint32_t i = 0; i < ascii.size(); ++i) ascii[i] = i + 3;  // after a BOM
  check_same(ascii);
  CHECK(ByteMap(ascii).storage_bytes() <= 16);
  // CRLF folded to LF: the byte jumps by 2 after each line.
  std::vector<uint32_t> crlf;
  uint32_t byte = 0;
  for (int line = 0; line < 1000; ++line) {
    for (int c = 0; c < 60; ++c) crlf.push_back(byte++);
    crlf.push_back(byte);  // the LF of "\r\n" maps to the \n byte
    byte += 1;
    ++byte;
  }
  check_same(crlf);
  CHECK(ByteMap(crlf).storage_bytes() < crlf.size() * sizeof(uint32_t) / 10);
}

TEST_CASE("ByteMap: two-byte letters, mixed widths, repeats and random maps") {
  std::vector<uint32_t> cyrillic;  // 2-byte letters between 1-byte spaces
  uint32_t byte = 0;
  for (int w = 0; w < 500; ++w) {
    for (int c = 0; c < 7; ++c, byte += 2) cyrillic.push_back(byte);
    cyrillic.push_back(byte++);
  }
  check_same(cyrillic);
  // NFC composition maps two outputs to one byte; a markup reader repeats bytes.
  check_same({5, 5, 5, 9, 10, 11, 11, 40});
  check_same({});
  check_same({7});
  // Alternating widths at every character: stored densely, still exact.
  std::mt19937 rng(3);
  std::vector<uint32_t> alternating;
  byte = 0;
  for (int i = 0; i < 5000; ++i) {
    alternating.push_back(byte);
    byte += 1 + static_cast<uint32_t>(rng() % 4);
  }
  check_same(alternating);
  CHECK(ByteMap(alternating).storage_bytes() <= alternating.size() * sizeof(uint32_t));
}

TEST_CASE("ByteMap: assign") {
  ByteMap m;
  CHECK(m.empty());
  m.assign(10, 0);
  CHECK(m.size() == 10);
  CHECK(m[9] == 0);
  CHECK(m.back() == 0);
}
