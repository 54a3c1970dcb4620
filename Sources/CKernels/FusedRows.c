// Fused sparse-row kernels for LinearAlgebra (see include/CKernels.h).
//
// Each output element is one chain of fused multiply-adds over the rows, in
// order, starting from +0.0; `fma` rounds once per step whatever the
// instruction set, so both versions below give the same bits. The AVX2/FMA
// version is chosen at run time when the processor has it.
#include "CKernels.h"

#include <math.h>

#define TILE 8

#define FUSED_BODY(LOAD, FMA)                                     \
  long j = 0;                                                     \
  for (; j + TILE <= n; j += TILE) {                              \
    double acc[TILE] = {0, 0, 0, 0, 0, 0, 0, 0};                  \
    for (long k = 0; k < count; k++) {                            \
      const double a = alpha[k];                                  \
      for (int t = 0; t < TILE; t++) acc[t] = FMA(a, LOAD(k, j + t), acc[t]); \
    }                                                             \
    for (int t = 0; t < TILE; t++) out[j + t] = acc[t];           \
  }                                                               \
  for (; j < n; j++) {                                            \
    double acc = 0;                                               \
    for (long k = 0; k < count; k++) acc = FMA(alpha[k], LOAD(k, j), acc); \
    out[j] = acc;                                                 \
  }

#define LOAD_F64(k, j) (rows[k][j])
#define LOAD_U8(k, j) ((double)codes[k][j] * step)

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#define MM_DISPATCH 1
__attribute__((target("avx2,fma"))) static void f64_fma(
  long n, long count, const double *alpha, const double *const *rows, double *out) {
  FUSED_BODY(LOAD_F64, __builtin_fma)
}
__attribute__((target("avx2,fma"))) static void u8_fma(
  long n, long count, const double *alpha, const uint8_t *const *codes, double step, double *out) {
  FUSED_BODY(LOAD_U8, __builtin_fma)
}
static int has_fma(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}
#endif

static void f64_portable(long n, long count, const double *alpha, const double *const *rows, double *out) {
  FUSED_BODY(LOAD_F64, fma)
}

static void u8_portable(
  long n, long count, const double *alpha, const uint8_t *const *codes, double step, double *out) {
  FUSED_BODY(LOAD_U8, fma)
}

void mm_fused_rows_f64(long n, long count, const double *alpha, const double *const *rows, double *out) {
#ifdef MM_DISPATCH
  if (has_fma()) {
    f64_fma(n, count, alpha, rows, out);
    return;
  }
#endif
  f64_portable(n, count, alpha, rows, out);
}

void mm_fused_rows_u8(long n, long count, const double *alpha, const uint8_t *const *codes, double step, double *out) {
#ifdef MM_DISPATCH
  if (has_fma()) {
    u8_fma(n, count, alpha, codes, step, out);
    return;
  }
#endif
  u8_portable(n, count, alpha, codes, step, out);
}
