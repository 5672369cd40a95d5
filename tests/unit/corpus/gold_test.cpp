#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "corpus/gold_alignment.h"
#include "corpus/gold_cues.h"
#include "corpus/tsv.h"
#include "test_util.h"

using namespace cd;

namespace {

std::string scratch_file(const std::string& name, const std::string& text) {
  const auto p = std::filesystem::temp_directory_path() /
                 ("cd-gold-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(p) << text;
  return p.string();
}

}  // namespace

TEST_CASE("tsv: fields, comments, CRLF and empty fields") {
  CHECK(corpus::split_fields("a\t\tb\r") == std::vector<std::string>{"a", "", "b"});
  const auto path = scratch_file("rows.tsv", "# comment\r\n\r\nx\ty\r\n\nz\n");
  std::vector<std::pair<uint32_t, std::size_t>> rows;
  REQUIRE(corpus::for_each_tsv_row(path, [&](const std::vector<std::string>& f, uint32_t n) {
            rows.emplace_back(n, f.size());
            return Status::success();
          }).ok());
  CHECK(rows == std::vector<std::pair<uint32_t, std::size_t>>{{3, 2}, {5, 1}});
  std::filesystem::remove(path);
}

TEST_CASE("gold files: the committed ones load; a short row names its line") {
  auto pairs = corpus::load_gold_alignment(testing::repo_path("annotations/gold/alignment.tsv"));
  REQUIRE(pairs.ok());
  CHECK(pairs->size() == 25);
  auto cues = corpus::load_gold_cues(testing::repo_path("annotations/gold/cues.tsv"));
  REQUIRE(cues.ok());
  auto deltas = corpus::load_gold_deltas(testing::repo_path("annotations/gold/deltas.tsv"));
  REQUIRE(deltas.ok());
  CHECK(deltas->size() == 18);

  const auto bad = scratch_file("bad.tsv", "# header\nnat-1949\tart5\tonly-three\n");
  auto a = corpus::load_gold_alignment(bad);
  REQUIRE_FALSE(a.ok());
  CHECK(a.status().line == 2);
  auto c = corpus::load_gold_cues(bad);
  REQUIRE_FALSE(c.ok());
  CHECK(c.status().line == 2);
  const auto occ = scratch_file("occ.tsv", "nat-1949\tart5\ttrigger\tevent\tarmed attack\t0\n");
  auto o = corpus::load_gold_cues(occ);
  REQUIRE_FALSE(o.ok());
  CHECK(o.status().message.find("occurrence") != std::string::npos);
  std::filesystem::remove(bad);
  std::filesystem::remove(occ);
}
