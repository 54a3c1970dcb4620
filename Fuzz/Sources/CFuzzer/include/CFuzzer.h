// libFuzzer's driver entry point (compiler-rt, LLVM 11 and later). SwiftPM
// links an executable's `main` to `<Target>_main`, so the fuzz targets keep
// their own `main` and hand the command line to libFuzzer through this.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
