// Helpers for the annotation corpus tests: hand-built documents and scratch folders.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

#include "core/utf8.h"
#include "corpus/annotation_store.h"
#include "model/document.h"

namespace cd::testing {

inline Document make_doc(const std::string& id, const std::u32string& text) {
  Document d;
  d.meta.id = id;
  d.meta.path = id + ".txt";
  d.text = text;
  d.meta.sha256 = "source-bytes-hash-not-used";
  return d;
}

// Annotation over the first occurrence of `quote` (from `from` on).
inline corpus::StoredAnnotation annotate_quote(const Document& d, const std::u32string& quote,
                                               const std::string& category,
                                               const std::string& author = "alice",
                                               std::size_t from = 0) {
  const auto pos = d.text.find(quote, from);
  if (pos == std::u32string::npos)
    throw std::logic_error("quote not in test text: " + to_u8(quote));
  auto a = corpus::anchor_at(
      d, Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + quote.size())});
  a.category = category;
  a.author = author;
  a.created = "2026-11-27";
  a.id = corpus::make_id(a);
  return a;
}

struct ScratchDir {
  std::filesystem::path dir;
  explicit ScratchDir(const std::string& tag) {
    static int counter = 0;
    dir = std::filesystem::temp_directory_path() /
          ("cd-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  std::string path(const std::string& rel = "") const { return (dir / rel).string(); }
};

}  // namespace cd::testing
