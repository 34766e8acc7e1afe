// libFuzzer harness: HandleApi (the JSON API of `warta serve`) on a small
// read-only store; a path and its parameters per input (fuzz/targets.h).
#include "fuzz/targets.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  warta::fuzz::FuzzApiInit();  // the store, built once in a temporary directory
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  warta::fuzz::FuzzApi(data, size);
  return 0;
}
