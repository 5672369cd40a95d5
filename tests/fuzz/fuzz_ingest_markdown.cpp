// libFuzzer target: the markdown reader, then structure.
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  cd::fuzz::ingest_and_check(data, size, "fuzz.md", "markdown");
  return 0;
}
