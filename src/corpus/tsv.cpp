#include "corpus/tsv.h"

#include <sstream>

#include "core/fs.h"

namespace cd::corpus {

std::vector<std::string> split_fields(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : line) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else if (c != '\r') {
      cur.push_back(c);
    }
  }
  out.push_back(cur);
  return out;
}

Status for_each_tsv_row(
    const std::string& path,
    const std::function<Status(const std::vector<std::string>&, uint32_t)>& row) {
  auto bytes = read_file(path);
  if (!bytes.ok()) return bytes.status();
  std::istringstream in(bytes.value());
  std::string line;
  uint32_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#' || line == "\r") continue;
    Status s = row(split_fields(line), n);
    if (!s.ok()) return s;
  }
  return Status::success();
}

}  // namespace cd::corpus
