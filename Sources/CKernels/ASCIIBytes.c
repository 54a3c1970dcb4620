// Whether every byte of a buffer is ASCII (see include/CKernels.h,
// mm_all_ascii): the bytes or-ed together and the high bit tested.
//
// The portable version ors eight bytes at a time (the last 1–7 one by
// one). The AVX2 version ors four 32-byte loads per 128 bytes and tests the
// high bits of the result once per 128 bytes, then hands the remaining
// bytes (fewer than 128) to the portable version; both answer whether any
// byte has its high bit set, so they agree on every buffer. Neither reads a
// byte outside `base[0..<count]`.
#include "CKernels.h"

#include <string.h>

int mm_all_ascii_portable(const uint8_t *base, long count) {
  uint64_t seen = 0;
  long index = 0;
  for (; index + 8 <= count; index += 8) {
    uint64_t word;
    memcpy(&word, base + index, 8);
    seen |= word;
  }
  for (; index < count; index++) seen |= base[index];
  return (seen & 0x8080808080808080ULL) == 0;
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

__attribute__((target("avx2"))) static int all_ascii_avx2(const uint8_t *base, long count) {
  long index = 0;
  for (; index + 128 <= count; index += 128) {
    const __m256i a = _mm256_loadu_si256((const __m256i *)(base + index));
    const __m256i b = _mm256_loadu_si256((const __m256i *)(base + index + 32));
    const __m256i c = _mm256_loadu_si256((const __m256i *)(base + index + 64));
    const __m256i d = _mm256_loadu_si256((const __m256i *)(base + index + 96));
    const __m256i any = _mm256_or_si256(_mm256_or_si256(a, b), _mm256_or_si256(c, d));
    if (_mm256_movemask_epi8(any) != 0) return 0;
  }
  return mm_all_ascii_portable(base + index, count - index);
}

// 1: AVX2, 0: not, −1: not asked yet.
static int all_ascii_avx2_state = -1;

int mm_all_ascii(const uint8_t *base, long count) {
  int state = __atomic_load_n(&all_ascii_avx2_state, __ATOMIC_RELAXED);
  if (state < 0) {
    __builtin_cpu_init();
    state = __builtin_cpu_supports("avx2");
    __atomic_store_n(&all_ascii_avx2_state, state, __ATOMIC_RELAXED);
  }
  if (state) return all_ascii_avx2(base, count);
  return mm_all_ascii_portable(base, count);
}
#else
int mm_all_ascii(const uint8_t *base, long count) { return mm_all_ascii_portable(base, count); }
#endif
