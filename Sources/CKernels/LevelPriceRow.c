// The level pricing pass's walk over one row of ranks (see include/CKernels.h).
//
// Each slack is one IEEE addition, `units[rank] + prices[j]`, in both
// versions (no multiply-add to fuse), so the AVX2 walk (chosen at run time:
// four columns screened at a time against the row's least units) lists the
// same pairs with the same slacks, bit for bit, as the portable one.
#include "CKernels.h"

#pragma STDC FP_CONTRACT OFF
#if defined(__clang__)
#pragma clang fp contract(off)
#endif

// Lists pair (row, `k`) after the `count` pairs listed so far when its
// slack, one IEEE addition, is below the margin and the column does not
// list the row already; returns the new count. The per-pair body of both
// walks.
static inline long list_if_below(
  long k, const uint8_t *row, const double *units, const double *prices, const long *listed, long row_id,
  double margin, long *below, double *below_slack, long count) {
  const double slack = units[row[k]] + prices[k];
  if (slack < margin && listed[k] != row_id) {
    below[count] = k;
    below_slack[count] = slack;
    count++;
  }
  return count;
}

long mm_level_price_row_portable(
  long n, const uint8_t *row, const double *units, const double *prices, const long *listed, long row_id,
  double margin, long *below, double *below_slack) {
  long count = 0;
  for (long j = 0; j < n; j++)
    count = list_if_below(j, row, units, prices, listed, row_id, margin, below, below_slack, count);
  return count;
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

// Addition is monotone (rounding to nearest never reverses an order), so
// `units[rank] + prices[j]` is at least `least + prices[j]` for the row's
// least entry `least`: a column whose sum with `least` is not below the
// margin lists nothing (NaN and +∞ sums neither), and only the other
// columns' slacks are formed, one addition each, as the portable walk does.
__attribute__((target("avx2"))) static long price_row_avx2(
  long n, const uint8_t *row, const double *units, const double *prices, const long *listed, long row_id,
  double margin, long *below, double *below_slack) {
  __m256d low4 = _mm256_loadu_pd(units);
  for (int r = 4; r < 256; r += 4) low4 = _mm256_min_pd(low4, _mm256_loadu_pd(units + r));
  double lows[4];
  _mm256_storeu_pd(lows, low4);
  double least = lows[0];
  for (int t = 1; t < 4; t++) least = lows[t] < least ? lows[t] : least;
  const __m256d least4 = _mm256_set1_pd(least), margin4 = _mm256_set1_pd(margin);
  long count = 0, j = 0;
  for (; j + 4 <= n; j += 4) {
    int bits = _mm256_movemask_pd(_mm256_cmp_pd(_mm256_add_pd(least4, _mm256_loadu_pd(prices + j)), margin4, _CMP_LT_OQ));
    while (bits) {
      const long k = j + __builtin_ctz(bits);
      bits &= bits - 1;
      count = list_if_below(k, row, units, prices, listed, row_id, margin, below, below_slack, count);
    }
  }
  for (; j < n; j++)
    count = list_if_below(j, row, units, prices, listed, row_id, margin, below, below_slack, count);
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
