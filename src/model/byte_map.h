// model/byte_map.h: canonical code point -> source byte, compactly.
//
// Every Document keeps, for each code point of its canonical text, the source
// byte it came from (for line:column in messages and for standoff exports).
// Stored densely that is 4 bytes per character, as much as the UTF-32 text
// itself. Most of the map is arithmetic, though: in ASCII the byte grows by
// one per code point, in Cyrillic or Greek by two, and it jumps only at CRLF,
// at a multi-byte character among single-byte ones, at a header or a markup
// tag. So the map is kept as runs (first code point, its byte, stride), and
// as a plain array when runs would not be smaller (text that alternates byte
// widths at nearly every character). Lookups are a binary search over runs.
// What it does not do: change as text is edited; it is built once by ingest.
#pragma once

#include <cstdint>
#include <vector>

namespace cd {

class ByteMap {
 public:
  ByteMap() = default;
  // From a dense map (bytes[i] = source byte of code point i).
  explicit ByteMap(const std::vector<uint32_t>& bytes);
  // n entries, all `value` (documents made by hand, fuzz targets).
  void assign(std::size_t n, uint32_t value);

  uint32_t operator[](std::size_t i) const;
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  uint32_t back() const { return (*this)[size_ - 1]; }
  // Bytes of storage, for tests and benchmarks.
  std::size_t storage_bytes() const;

 private:
  struct Run {
    uint32_t cp;      // first code point of the run
    uint32_t byte;    // its source byte
    uint32_t stride;  // bytes per code point within the run (0 for repeats)
  };
  std::vector<Run> runs_;        // used when dense_ is empty
  std::vector<uint32_t> dense_;  // used when runs would not be smaller
  std::size_t size_ = 0;
};

}  // namespace cd
