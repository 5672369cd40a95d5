// tests/unit/ingest/spec_test.cpp: runs the readable examples in
// tests/spec/*.txt through ingest and structure and compares the dump.
//
// Example file: optional directive lines "%% key: value" (path: the file name
// given to ingest, which picks the format by extension; encoding: utf-16le |
// utf-16be | utf-8-bom; eol: crlf; genre / kind: ingest options), then the
// input, then a line with a single ".", then the expected dump (dump.h), or
// "error: ..." for an input that must be refused. Set CD_SPEC_UPDATE=1 to
// rewrite the expected parts after checking the differences by eye.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "core/fs.h"
#include "core/utf8.h"
#include "ingest/ingest.h"
#include "structure/structure.h"
#include "test_util.h"
#include "unit/structure/dump.h"

using namespace cd;

namespace {

struct Example {
  std::string name;
  std::map<std::string, std::string> directives;
  std::string header;  // directive lines as written
  std::string input;
  std::string expected;
};

Example parse_example(const std::string& path, const std::string& content) {
  Example e;
  e.name = std::filesystem::path(path).filename().string();
  std::size_t pos = 0;
  while (content.compare(pos, 3, "%% ") == 0) {
    const std::size_t eol = content.find('\n', pos);
    const std::string line = content.substr(pos + 3, eol - pos - 3);
    const std::size_t colon = line.find(':');
    e.directives[line.substr(0, colon)] = colon == std::string::npos ? "" : line.substr(colon + 2);
    pos = eol + 1;
  }
  e.header = content.substr(0, pos);
  const std::size_t sep = content.find("\n.\n", pos == 0 ? 0 : pos - 1);
  REQUIRE_MESSAGE(sep != std::string::npos, path << ": no '.' line");
  e.input = sep + 1 > pos ? content.substr(pos, sep + 1 - pos) : std::string();
  e.expected = content.substr(sep + 3);
  return e;
}

std::string encode_input(const Example& e) {
  std::string in = e.input;
  auto get = [&](const char* k) {
    auto it = e.directives.find(k);
    return it == e.directives.end() ? std::string() : it->second;
  };
  if (get("input") == "empty") in.clear();
  if (get("input") == "whitespace") in = "  \n\n";
  if (get("eol") == "crlf") {
    std::string out;
    for (char c : in) {
      if (c == '\n') out += '\r';
      out += c;
    }
    in = out;
  }
  // "\xHH" escapes write bytes that a text file cannot hold (invalid UTF-8, NUL).
  if (get("escapes") == "yes") {
    std::string out;
    for (std::size_t i = 0; i < in.size(); ++i) {
      if (in.compare(i, 2, "\\x") == 0 && i + 3 < in.size()) {
        out += static_cast<char>(std::stoi(in.substr(i + 2, 2), nullptr, 16));
        i += 3;
      } else {
        out += in[i];
      }
    }
    in = out;
  }
  const std::string enc = get("encoding");
  if (enc == "utf-8-bom") in = "\xEF\xBB\xBF" + in;
  if (enc == "utf-16le" || enc == "utf-16be") {
    const bool le = enc == "utf-16le";
    std::string out = le ? "\xFF\xFE" : "\xFE\xFF";
    for (char32_t c : to_u32(in)) {
      auto unit = [&](uint32_t u) {
        const char hi = static_cast<char>((u >> 8) & 0xFF);
        const char lo = static_cast<char>(u & 0xFF);
        out += le ? lo : hi;
        out += le ? hi : lo;
      };
      if (c >= 0x10000) {
        unit(0xD800 + ((c - 0x10000) >> 10));
        unit(0xDC00 + ((c - 0x10000) & 0x3FF));
      } else {
        unit(c);
      }
    }
    in = out;
  }
  return in;
}

std::string run(const Example& e) {
  ingest::Options opt;
  auto get = [&](const char* k) {
    auto it = e.directives.find(k);
    return it == e.directives.end() ? std::string() : it->second;
  };
  opt.genre = get("genre");
  opt.kind = get("kind");
  const std::string path = get("path").empty() ? "example.txt" : get("path");
  auto doc = ingest::ingest_bytes(encode_input(e), path, opt);
  if (!doc.ok()) return doc.status().to_string() + "\n";
  structure::build(doc.value());
  return testing::dump(doc.value());
}

}  // namespace

TEST_CASE("spec examples (tests/spec/*.txt)") {
  const std::string dir = testing::repo_path("tests/spec");
  std::vector<std::string> files;
  for (const auto& f : std::filesystem::directory_iterator(dir)) {
    if (f.path().extension() == ".txt") files.push_back(f.path().string());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 10);
  const bool update = std::getenv("CD_SPEC_UPDATE") != nullptr;
  for (const auto& path : files) {
    auto content = read_file(path);
    REQUIRE(content.ok());
    const Example e = parse_example(path, content.value());
    const std::string got = run(e);
    if (update && got != e.expected) {
      std::ofstream(path, std::ios::binary) << e.header << e.input << ".\n" << got;
      continue;
    }
    INFO("example: " << e.name << "\n--- got:\n" << got);
    CHECK(got == e.expected);
  }
}
