// libFuzzer harness: the input readers (txt, JSON Lines, CSV) over every
// compression (none, gzip, zstd), raw or packed by the harness. The input's
// layout: fuzz/targets.h.
#include "fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  warta::fuzz::FuzzReaders(data, size);
  return 0;
}
