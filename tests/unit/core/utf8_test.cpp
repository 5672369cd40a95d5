#include <doctest/doctest.h>

#include <sys/stat.h>

#include "core/fs.h"
#include "core/sha256.h"
#include "core/status.h"
#include "core/utf8.h"

using namespace cd;

TEST_CASE("utf8: round trip of valid text") {
  const std::string s =
      "Article 5 \xE2\x80\x9C"
      "armed\xE2\x80\x9D \xF0\x9F\x98\x80 caf\xC3\xA9";
  auto d = decode_utf8(s);
  CHECK(d.invalid_at.empty());
  CHECK(encode_utf8(d.text) == s);
  CHECK(d.byte_offset.size() == d.text.size() + 1);
  CHECK(d.byte_offset.back() == s.size());
}

TEST_CASE("utf8: invalid sequences become U+FFFD and are reported") {
  SUBCASE("overlong") {
    auto d = decode_utf8(
        "a\xC0\xAF"
        "b");
    CHECK(d.text == U"a\uFFFD\uFFFDb");
    CHECK(d.invalid_at.size() == 2);
    CHECK(d.invalid_at[0] == 1);
  }
  SUBCASE("surrogate") {
    auto d = decode_utf8("\xED\xA0\x80");
    CHECK(d.text.find(U'\uFFFD') != std::u32string::npos);
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));
  }
  SUBCASE("truncated at end") {
    auto d = decode_utf8("ok\xE2\x80");
    CHECK(d.text == U"ok\uFFFD");
    CHECK(d.invalid_at == std::vector<uint32_t>{2});
  }
  SUBCASE("above U+10FFFF") { CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80")); }
}

TEST_CASE("sha256: FIPS 180-4 test vectors") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000, 'a')).size() == 64);
}

TEST_CASE("status: message format") {
  auto s = Status::error(ErrorCode::invalid_input, "unexpected end", "a.xml", 3, 7);
  CHECK(s.to_string() == "a.xml:3:7: error: unexpected end");
  CHECK(Status::error(ErrorCode::usage, "bad").to_string() == "error: bad");
}

TEST_CASE("write_file_atomic: a device is written in place, never replaced (regression)") {
  // `clausediff ingest X -o /dev/null` run as root renamed a temporary file
  // over /dev/null, turning the device into a regular file.
  REQUIRE(cd::write_file_atomic("/dev/null", "discarded").ok());
  struct stat st {};
  REQUIRE(::stat("/dev/null", &st) == 0);
  CHECK(S_ISCHR(st.st_mode));
  CHECK_FALSE(cd::write_file_atomic("/tmp", "x").ok());  // a directory is refused
}
