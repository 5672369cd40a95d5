// libFuzzer target: the diff. Property: the ops reproduce both inputs
// exactly, in order, with and without cleanup.
#include "core/utf8.h"
#include "diff/diff.h"
#include "fuzz_common.h"

namespace {

void check(const std::u32string& a, const std::u32string& b, const cd::diff::Options& opt) {
  const cd::EditScript s = cd::diff::diff_texts(a, b, opt);
  std::u32string ra, rb;
  for (const auto& op : s.ops) {
    if (op.a.end > a.size() || op.b.end > b.size()) __builtin_trap();
    if (op.op != cd::OpKind::ins) ra.append(a, op.a.start, op.a.size());
    if (op.op != cd::OpKind::del) rb.append(b, op.b.start, op.b.size());
  }
  if (ra != a || rb != b) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Input: OLD, a NUL byte, NEW.
  const auto in = cd::fuzz::as_view(data, size);
  const auto cut = in.find('\0');
  const auto a = cd::to_u32(in.substr(0, cut));
  const auto b = cut == std::string_view::npos ? std::u32string() : cd::to_u32(in.substr(cut + 1));
  cd::diff::Options opt;
  check(a, b, opt);
  opt.minimal = true;
  check(a, b, opt);
  opt.chars = true;
  opt.ignore_case = true;
  check(a, b, opt);
  return 0;
}
