// model/byte_map.cpp: see byte_map.h.
#include "model/byte_map.h"

#include <algorithm>

namespace cd {

ByteMap::ByteMap(const std::vector<uint32_t>& bytes) : size_(bytes.size()) {
  // Greedy runs: a run goes on while the next byte is the current one plus
  // the run's stride (the stride is fixed by the run's second entry).
  std::vector<Run> runs;
  std::size_t i = 0;
  while (i < bytes.size()) {
    Run r{static_cast<uint32_t>(i), bytes[i], 0};
    std::size_t j = i + 1;
    if (j < bytes.size() && bytes[j] >= bytes[i]) {
      r.stride = bytes[j] - bytes[i];
      while (j < bytes.size() && bytes[j] == bytes[j - 1] + r.stride) ++j;
    }
    runs.push_back(r);
    i = j;
    // Runs cost 12 bytes against 4 per entry: give up once they cannot win.
    if (runs.size() * 3 > bytes.size() + 16) {
      dense_ = bytes;
      return;
    }
  }
  runs_ = std::move(runs);
}

void ByteMap::assign(std::size_t n, uint32_t value) {
  dense_.clear();
  runs_.clear();
  size_ = n;
  if (n > 0) runs_.push_back({0, value, 0});
}

uint32_t ByteMap::operator[](std::size_t i) const {
  if (!dense_.empty()) return dense_[i];
  auto it = std::upper_bound(runs_.begin(), runs_.end(), i,
                             [](std::size_t x, const Run& r) { return x < r.cp; });
  const Run& r = *(it - 1);
  return r.byte + r.stride * static_cast<uint32_t>(i - r.cp);
}

std::size_t ByteMap::storage_bytes() const {
  return dense_.size() * sizeof(uint32_t) + runs_.size() * sizeof(Run);
}

}  // namespace cd
