// libFuzzer target: the rule-file loader, and matching what it loads over a
// fixed treaty sentence. Bad patterns must come back as a Status; patterns
// that blow Boost's complexity limit must become diagnostics.
#include "annotate/annotate.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  cd::annotate::RuleSet rules;
  const cd::Status s = rules.add_text("fuzz.tsv", std::string(cd::fuzz::as_view(data, size)));
  if (!s.ok()) return 0;
  cd::Document doc;
  doc.meta.genre = "legal";
  doc.text =
      U"The Parties agree that an armed attack against one or more of them in Europe or "
      U"North America shall be considered an attack against them all.";
  doc.source.byte_of.assign(doc.text.size() + 1, 0);
  doc.sentences.push_back({"s1", "", cd::Span{0, static_cast<uint32_t>(doc.text.size())}});
  std::vector<cd::Diagnostic> diags;
  for (const auto& a : cd::annotate::annotate(doc, rules, &diags)) {
    if (a.span.end > doc.text.size() || a.span.start > a.span.end) __builtin_trap();
  }
  return 0;
}
