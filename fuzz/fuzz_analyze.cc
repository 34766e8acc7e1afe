// libFuzzer harness: Analyze and ToJson on one record (flags, title,
// published and authors from the first lines; layout in fuzz/targets.h).
#include "fuzz/targets.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  warta::fuzz::FuzzKnowledge();  // data/ loaded once, before the first input
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  warta::fuzz::FuzzAnalyze(data, size);
  return 0;
}
