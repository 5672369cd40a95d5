// bench/diff/diff_driver.cpp: times diff_texts on two files, without the CLI.
//
// usage: diff_driver OLD NEW [--minimal] [--chars] [--no-moves]
// Prints one line of counts (ops, tokens, changed non-whitespace code points,
// moves, approximate flag) and, on stderr, the time of each phase.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <thread>

#include "diff/diff.h"
#include "text/fold.h"

namespace {

std::string slurp(const char* path) {
  std::FILE* f = std::fopen(path, "rb");
  if (f == nullptr) {
    std::cerr << "diff_driver: cannot read " << path << "\n";
    std::exit(2);
  }
  std::string out;
  char buf[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  std::fclose(f);
  return out;
}

// UTF-8 to code points, fast and lenient (invalid bytes become U+FFFD): the
// driver times the diff, not the project's validating decoder.
std::u32string decode(const std::string& s) {
  std::u32string out;
  out.resize(s.size());
  std::size_t n = 0, i = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  while (i < s.size()) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      out[n++] = c;
      ++i;
      continue;
    }
    const int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
      out[n++] = 0xFFFD;
      ++i;
      continue;
    }
    char32_t cp = c & (0xFF >> (len + 1));
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (p[i + static_cast<std::size_t>(k)] & 0x3F);
    out[n++] = cp;
    i += static_cast<std::size_t>(len);
  }
  out.resize(n);
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: diff_driver OLD NEW [--minimal] [--chars] [--no-moves]\n";
    return 2;
  }
  cd::diff::Options options;
  for (int i = 3; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--minimal")
      options.minimal = true;
    else if (flag == "--chars")
      options.chars = true;
    else if (flag == "--no-moves")
      options.detect_moves = false;
  }
  const auto t0 = std::chrono::steady_clock::now();
  std::u32string a, b;
  std::thread other([&] { b = decode(slurp(argv[2])); });
  a = decode(slurp(argv[1]));
  other.join();
  const double read_s = seconds_since(t0);
  const auto t1 = std::chrono::steady_clock::now();
  const cd::EditScript es = cd::diff::diff_texts(a, b, options);
  const double diff_s = seconds_since(t1);

  uint64_t changed = 0;
  for (const auto& op : es.ops) {
    if (op.op == cd::OpKind::equal) continue;
    const std::u32string& s = op.op == cd::OpKind::del ? a : b;
    const cd::Span sp = op.op == cd::OpKind::del ? op.a : op.b;
    for (uint32_t i = sp.start; i < sp.end; ++i) changed += !cd::text::is_whitespace(s[i]);
  }
  std::printf(
      "ops %zu tokens_old %u tokens_new %u deleted %u inserted %u changed_chars %llu moves %zu "
      "approximate %d\n",
      es.ops.size(), es.stats.tokens_old, es.stats.tokens_new, es.stats.tokens_deleted,
      es.stats.tokens_inserted, static_cast<unsigned long long>(changed), es.moves.size(),
      es.stats.approximate ? 1 : 0);
  std::fprintf(stderr, "read %.3f s, diff %.3f s\n", read_s, diff_s);
  return 0;
}
