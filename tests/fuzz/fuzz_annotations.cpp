// libFuzzer target: the annotation-file loader (corpus/annotation_store.h,
// parse_jsonl). Any bytes must come back as annotations plus issues, never a
// crash or an exception. Property: what was loaded survives the canonical
// serialisation, so a load-and-save never loses or alters an annotation.
#include "corpus/annotation_store.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<cd::corpus::Issue> issues;
  std::vector<uint32_t> lines;
  auto got = cd::corpus::parse_jsonl(cd::fuzz::as_view(data, size), "fuzz.jsonl", issues, &lines);
  if (lines.size() != got.size()) __builtin_trap();
  for (const auto& i : issues) {
    if (i.line == 0 || i.message.empty()) __builtin_trap();
  }
  const std::string saved = cd::corpus::to_jsonl(got);
  std::vector<cd::corpus::Issue> again_issues;
  auto again = cd::corpus::parse_jsonl(saved, "fuzz.jsonl", again_issues);
  if (!again_issues.empty() || again.size() != got.size()) __builtin_trap();
  cd::corpus::sort_annotations(got);
  for (std::size_t k = 0; k < got.size(); ++k) {
    if (!(again[k] == got[k])) __builtin_trap();
  }
  // Canonical means stable: saving what was loaded from a saved file is a no-op.
  if (cd::corpus::to_jsonl(again) != saved) __builtin_trap();
  return 0;
}
