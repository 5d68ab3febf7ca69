// nanfill: an LD_PRELOAD shim that fills every fresh block from posix_memalign (libtorch's CPU allocator) with
// a pattern, so code that reads native memory it never wrote fails the same way on every machine instead of by
// chance. test.sh runs the training tests under NANFILL=nan; see docs/training.md ("NaN on a fresh machine").
//   gcc -O2 -shared -fPIC -o nanfill.so nanfill.c -ldl
//   NANFILL=nan|zero|big LD_PRELOAD=$PWD/nanfill.so COMMAND     (big = a large finite float)
// Blocks under 256 bytes are left alone (small runtime allocations, not tensor storage).
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int (*real_posix_memalign)(void**, size_t, size_t);
static uint32_t pattern;
static int mode = -1;  // -1 unread, 0 off, 1 on

int posix_memalign(void** block, size_t alignment, size_t size) {
  if (!real_posix_memalign) real_posix_memalign = (int (*)(void**, size_t, size_t))dlsym(RTLD_NEXT, "posix_memalign");
  int result = real_posix_memalign(block, alignment, size);
  if (mode < 0) {
    const char* setting = getenv("NANFILL");
    mode = setting != NULL;
    pattern = !setting || !strcmp(setting, "nan") ? 0x7FC00000u : !strcmp(setting, "zero") ? 0u : 0x7F000000u;
  }
  if (result == 0 && mode && size >= 256) {
    uint32_t* words = (uint32_t*)*block;
    for (size_t i = 0; i < size / 4; i++) words[i] = pattern;
  }
  return result;
}
