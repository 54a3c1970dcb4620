// Fused sparse-row kernels for LinearAlgebra (see include/CKernels.h).
//
// Each output element is one chain of fused multiply-adds over the rows, in
// order, starting from +0.0; `fma` rounds once per step whatever the
// instruction set, so both versions below give the same bits. The AVX2/FMA
// version is chosen at run time when the processor has it.
#include "CKernels.h"

#include <math.h>

#define TILE 8

// FINISH(j, acc) is what is stored for entry j: the chain itself, or the
// chain plus the row's addend (mm_row_addend), added before the one store;
// STORE_TILE(j, acc) stores a whole tile's FINISH values.
#define FUSED_BODY(LOAD, FMA, FINISH, STORE_TILE)                 \
  long j = 0;                                                     \
  for (; j + TILE <= n; j += TILE) {                              \
    double acc[TILE] = {0, 0, 0, 0, 0, 0, 0, 0};                  \
    for (long k = 0; k < count; k++) {                            \
      const double a = alpha[k];                                  \
      for (int t = 0; t < TILE; t++) acc[t] = FMA(a, LOAD(k, j + t), acc[t]); \
    }                                                             \
    STORE_TILE(j, acc, FINISH);                                   \
  }                                                               \
  for (; j < n; j++) {                                            \
    double acc = 0;                                               \
    for (long k = 0; k < count; k++) acc = FMA(alpha[k], LOAD(k, j), acc); \
    out[j] = FINISH(j, acc);                                      \
  }

#define STORE_SCALAR(j, acc, FINISH) \
  for (int t = 0; t < TILE; t++) out[(j) + t] = FINISH((j) + t, acc[t])

#define FINISH_NONE(j, acc) (acc)
// acc + table[category[j]], one rounding: the row has no group.
#define FINISH_TABLE(j, acc) ((acc) + table[category[j]])
// acc + (table[category[j]] + w_or_0), two roundings in this order; the
// group test indexes {+0.0, weight}, so it is a load, not a branch.
#define FINISH_GROUP(j, acc) \
  ((acc) + (table[category[j]] + weights[(group[j] >= 0) & (group[j] != row_group)]))

// Both versions of an addend kernel: the row's group decides the body once.
#define ADDEND_BODY(LOAD, FMA, STORE_TABLE, STORE_GROUP)          \
  const double *const table = addend->table;                      \
  const int32_t *const category = addend->category;               \
  const int32_t *const group = addend->group;                     \
  const int32_t row_group = addend->row_group;                    \
  const double weights[2] = {0.0, addend->group_weight};         \
  if (row_group < 0) {                                            \
    FUSED_BODY(LOAD, FMA, FINISH_TABLE, STORE_TABLE)              \
  } else {                                                        \
    FUSED_BODY(LOAD, FMA, FINISH_GROUP, STORE_GROUP)              \
  }

#define LOAD_F64(k, j) (rows[k][j])
#define LOAD_U8(k, j) ((double)codes[k][j] * step)

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#define MM_DISPATCH 1
#include <immintrin.h>

// A tile's addends four at a time: table[category[j + q]] gathered, the
// group weight masked in (+0.0 where the group is unknown or the row's), the
// same two additions per entry as FINISH_GROUP and FINISH_TABLE, so the same
// bits, with no branch a compiler could put back.
#define STORE_TABLE_AVX2(j, acc, FINISH)                                             \
  for (int q = 0; q < TILE; q += 4) {                                                \
    const __m128i c = _mm_loadu_si128((const __m128i *)(category + (j) + q));        \
    const __m256d terms = _mm256_i32gather_pd(table, c, 8);                           \
    _mm256_storeu_pd(out + (j) + q, _mm256_add_pd(_mm256_loadu_pd(acc + q), terms)); \
  }
#define STORE_GROUP_AVX2(j, acc, FINISH)                                             \
  for (int q = 0; q < TILE; q += 4) {                                                \
    const __m128i c = _mm_loadu_si128((const __m128i *)(category + (j) + q));        \
    const __m128i g = _mm_loadu_si128((const __m128i *)(group + (j) + q));           \
    const __m128i differ =                                                           \
      _mm_andnot_si128(_mm_cmpeq_epi32(g, own), _mm_cmpgt_epi32(g, _mm_set1_epi32(-1))); \
    const __m256d cross = _mm256_and_pd(_mm256_castsi256_pd(_mm256_cvtepi32_epi64(differ)), weight4); \
    const __m256d terms = _mm256_add_pd(_mm256_i32gather_pd(table, c, 8), cross);   \
    _mm256_storeu_pd(out + (j) + q, _mm256_add_pd(_mm256_loadu_pd(acc + q), terms)); \
  }
__attribute__((target("avx2,fma"))) static void f64_fma(
  long n, long count, const double *alpha, const double *const *rows, double *out) {
  FUSED_BODY(LOAD_F64, __builtin_fma, FINISH_NONE, STORE_SCALAR)
}
__attribute__((target("avx2,fma"))) static void u8_fma(
  long n, long count, const double *alpha, const uint8_t *const *codes, double step, double *out) {
  FUSED_BODY(LOAD_U8, __builtin_fma, FINISH_NONE, STORE_SCALAR)
}
__attribute__((target("avx2,fma"))) static void f64_fma_add(
  long n, long count, const double *alpha, const double *const *rows, const mm_row_addend *addend, double *out) {
  const __m128i own = _mm_set1_epi32(addend->row_group);
  const __m256d weight4 = _mm256_set1_pd(addend->group_weight);
  ADDEND_BODY(LOAD_F64, __builtin_fma, STORE_TABLE_AVX2, STORE_GROUP_AVX2)
}
__attribute__((target("avx2,fma"))) static void u8_fma_add(
  long n, long count, const double *alpha, const uint8_t *const *codes, double step, const mm_row_addend *addend,
  double *out) {
  const __m128i own = _mm_set1_epi32(addend->row_group);
  const __m256d weight4 = _mm256_set1_pd(addend->group_weight);
  ADDEND_BODY(LOAD_U8, __builtin_fma, STORE_TABLE_AVX2, STORE_GROUP_AVX2)
}
static int has_fma(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}
#endif

static void f64_portable(long n, long count, const double *alpha, const double *const *rows, double *out) {
  FUSED_BODY(LOAD_F64, fma, FINISH_NONE, STORE_SCALAR)
}

static void u8_portable(
  long n, long count, const double *alpha, const uint8_t *const *codes, double step, double *out) {
  FUSED_BODY(LOAD_U8, fma, FINISH_NONE, STORE_SCALAR)
}

static void f64_portable_add(
  long n, long count, const double *alpha, const double *const *rows, const mm_row_addend *addend, double *out) {
  ADDEND_BODY(LOAD_F64, fma, STORE_SCALAR, STORE_SCALAR)
}

static void u8_portable_add(
  long n, long count, const double *alpha, const uint8_t *const *codes, double step, const mm_row_addend *addend,
  double *out) {
  ADDEND_BODY(LOAD_U8, fma, STORE_SCALAR, STORE_SCALAR)
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

void mm_fused_rows_f64_add(
  long n, long count, const double *alpha, const double *const *rows, const mm_row_addend *addend, double *out) {
#ifdef MM_DISPATCH
  if (has_fma()) {
    f64_fma_add(n, count, alpha, rows, addend, out);
    return;
  }
#endif
  f64_portable_add(n, count, alpha, rows, addend, out);
}

void mm_fused_rows_u8_add(
  long n, long count, const double *alpha, const uint8_t *const *codes, double step, const mm_row_addend *addend,
  double *out) {
#ifdef MM_DISPATCH
  if (has_fma()) {
    u8_fma_add(n, count, alpha, codes, step, addend, out);
    return;
  }
#endif
  u8_portable_add(n, count, alpha, codes, step, addend, out);
}
