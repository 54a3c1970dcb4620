// The level pricing pass's walk over one row of ranks (see include/CKernels.h).
//
// Each slack is one IEEE addition, `units[rank] + prices[j]`, in both
// versions (no multiply-add to fuse), so the AVX2 walk (chosen at run time:
// four ranks' units gathered at a time) lists the same pairs with the same
// slacks, bit for bit, as the portable one.
#include "CKernels.h"

#include <string.h>

#pragma STDC FP_CONTRACT OFF
#if defined(__clang__)
#pragma clang fp contract(off)
#endif

long mm_level_price_row_portable(
  long n, const uint8_t *row, const double *units, const double *prices, const long *listed, long row_id,
  double margin, long *below, double *below_slack) {
  long count = 0;
  for (long j = 0; j < n; j++) {
    const double slack = units[row[j]] + prices[j];
    if (slack < margin && listed[j] != row_id) {
      below[count] = j;
      below_slack[count] = slack;
      count++;
    }
  }
  return count;
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

__attribute__((target("avx2"))) static long price_row_avx2(
  long n, const uint8_t *row, const double *units, const double *prices, const long *listed, long row_id,
  double margin, long *below, double *below_slack) {
  const __m256d margin4 = _mm256_set1_pd(margin);
  long count = 0, j = 0;
  for (; j + 4 <= n; j += 4) {
    int32_t four;
    memcpy(&four, row + j, 4);
    const __m128i ranks = _mm_cvtepu8_epi32(_mm_cvtsi32_si128(four));
    const __m256d slack = _mm256_add_pd(_mm256_i32gather_pd(units, ranks, 8), _mm256_loadu_pd(prices + j));
    int bits = _mm256_movemask_pd(_mm256_cmp_pd(slack, margin4, _CMP_LT_OQ));
    if (bits) {
      double s[4];
      _mm256_storeu_pd(s, slack);
      do {
        const int t = __builtin_ctz(bits);
        bits &= bits - 1;
        if (listed[j + t] != row_id) {
          below[count] = j + t;
          below_slack[count] = s[t];
          count++;
        }
      } while (bits);
    }
  }
  for (; j < n; j++) {
    const double slack = units[row[j]] + prices[j];
    if (slack < margin && listed[j] != row_id) {
      below[count] = j;
      below_slack[count] = slack;
      count++;
    }
  }
  return count;
}

static int has_avx2(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2");
}

long mm_level_price_row(
  long n, const uint8_t *row, const double *units, const double *prices, const long *listed, long row_id,
  double margin, long *below, double *below_slack) {
  if (has_avx2()) return price_row_avx2(n, row, units, prices, listed, row_id, margin, below, below_slack);
  return mm_level_price_row_portable(n, row, units, prices, listed, row_id, margin, below, below_slack);
}
#else
long mm_level_price_row(
  long n, const uint8_t *row, const double *units, const double *prices, const long *listed, long row_id,
  double margin, long *below, double *below_slack) {
  return mm_level_price_row_portable(n, row, units, prices, listed, row_id, margin, below, below_slack);
}
#endif
