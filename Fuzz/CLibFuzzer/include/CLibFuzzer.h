// libFuzzer's driver, declared for the Swift fuzz targets (Fuzz/). Only builds made with
// -sanitize=fuzzer (Scripts/fuzz) call it, and those link libFuzzer, which defines it.
#ifndef CLIBFUZZER_H
#define CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv,
                        int (*callback)(const uint8_t *data, size_t size));

#endif
