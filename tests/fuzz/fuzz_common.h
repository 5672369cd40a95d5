// tests/fuzz/fuzz_common.h: shared by the libFuzzer targets. A target must
// never crash, hang or trip a sanitizer on any input; a property that does
// not hold calls __builtin_trap() so that libFuzzer records the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "compare/compare.h"
#include "ingest/ingest.h"
#include "structure/structure.h"

namespace cd::fuzz {

inline std::string_view as_view(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Ingest with a given format, then structure; checks the spans the
// structure stage produced against the text.
inline void ingest_and_check(const uint8_t* data, size_t size, const char* path,
                             const char* format) {
  ingest::Options o;
  o.format = format;
  auto doc = ingest::ingest_bytes(as_view(data, size), path, o);
  if (!doc.ok()) return;  // a clear error is a fine answer
  structure::build(doc.value());
  const auto n = doc->text.size();
  if (doc->source.byte_of.size() != n + 1) __builtin_trap();
  for (const auto& c : doc->clauses) {
    if (c.span.end > n || c.span.start > c.span.end) __builtin_trap();
  }
  for (const auto& s : doc->sentences) {
    if (s.span.end > n || s.span.start > s.span.end) __builtin_trap();
  }
}

}  // namespace cd::fuzz
