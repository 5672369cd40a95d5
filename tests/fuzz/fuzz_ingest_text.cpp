// libFuzzer target: the text reader, then structure.
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  cd::fuzz::ingest_and_check(data, size, "fuzz.txt", "text");
  return 0;
}
