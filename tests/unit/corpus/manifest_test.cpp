#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "corpus/manifest.h"
#include "test_util.h"

using namespace cd;
namespace fs = std::filesystem;

namespace {

// A scratch corpus folder with one manifest.
struct ScratchCorpus {
  fs::path dir;
  explicit ScratchCorpus(const std::string& manifest) {
    dir = fs::temp_directory_path() /
          ("cd-manifest-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    fs::create_directories(dir / "texts");
    std::ofstream(dir / "texts" / "a.txt") << "Article 1\n\nText.\n";
    std::ofstream(dir / "manifest.json") << manifest;
  }
  ~ScratchCorpus() { fs::remove_all(dir); }
  std::string path() const { return (dir / "manifest.json").string(); }
  static int& counter() {
    static int c = 0;
    return c;
  }
};

}  // namespace

TEST_CASE("manifest: the project's corpus manifest loads and names real files") {
  auto m = corpus::load_manifest(testing::repo_path("corpus/manifest.json"));
  REQUIRE(m.ok());
  const auto* set = m->set("");
  REQUIRE(set != nullptr);
  CHECK(set->name == "default");
  CHECK(set->reference == "nat-1949");
  CHECK(set->reference_units == std::vector<std::string>{"art5"});
  // The default set of the skeleton issue: draft, news, ANZUS, TEU, MBT, Rio.
  CHECK(set->documents.size() == 6);
  for (const auto& d : m->documents) {
    CHECK_MESSAGE(fs::exists(d.resolved), d.resolved);
    CHECK(!d.kind.empty());
    CHECK((d.genre == "legal" || d.genre == "report"));
  }
  CHECK(m->document("news-platinum")->genre == "report");
}

TEST_CASE("manifest: paths may not leave the corpus folder") {
  for (const char* bad : {"../outside.txt", "/etc/passwd", "texts/../../x.txt"}) {
    ScratchCorpus c(std::string(R"({"documents": [{"id": "x", "path": ")") + bad + R"("}]})");
    auto m = corpus::load_manifest(c.path());
    REQUIRE_FALSE(m.ok());
    CHECK(m.status().code == ErrorCode::invalid_input);
    CHECK(m.status().message.find("document 'x'") != std::string::npos);
    CHECK(m.status().path == c.path());
  }
}

TEST_CASE("manifest: a symbolic link out of the folder is refused") {
  ScratchCorpus c(R"({"documents": [{"id": "x", "path": "texts/link.txt"}]})");
  fs::create_symlink("/etc/hostname", c.dir / "texts" / "link.txt");
  auto m = corpus::load_manifest(c.path());
  REQUIRE_FALSE(m.ok());
  CHECK(m.status().message.find("outside its folder") != std::string::npos);
}

TEST_CASE("manifest: syntax errors point at line and column") {
  ScratchCorpus c("{\n  \"documents\": [\n    {\"id\": \"x\",, }\n  ]\n}\n");
  auto m = corpus::load_manifest(c.path());
  REQUIRE_FALSE(m.ok());
  CHECK(m.status().line == 3);
  CHECK(m.status().column > 1);
}

TEST_CASE("manifest: unknown documents in a set and duplicate ids are errors") {
  {
    ScratchCorpus c(R"({"documents": [{"id": "a", "path": "texts/a.txt"}],
      "sets": [{"name": "s", "reference": "a", "documents": ["nope"]}]})");
    auto m = corpus::load_manifest(c.path());
    REQUIRE_FALSE(m.ok());
    CHECK(m.status().message.find("unknown document 'nope'") != std::string::npos);
  }
  {
    ScratchCorpus c(
        R"({"documents": [{"id": "a", "path": "texts/a.txt"}, {"id": "a", "path": "texts/a.txt"}]})");
    auto m = corpus::load_manifest(c.path());
    REQUIRE_FALSE(m.ok());
    CHECK(m.status().message.find("duplicate") != std::string::npos);
  }
}
