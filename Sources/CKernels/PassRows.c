// The pricing pass's per-row walks (see include/CKernels.h): the reduced-cost
// walk and the certificate's walk over one row of scores.
//
// Every value is formed by the same IEEE operations, in the same order, as
// the Swift loops they replace (PricingPass, CertificateCheck+Carry), and no
// multiply-add is fused (the pragma below), so the AVX2 version and the
// portable one give the same bits. The AVX2 version keeps per-lane running
// values (counts, the first largest score, the least slack) and merges the
// lanes at the end; pairs that need the exact scalar path are listed, in
// column order, for the caller.
#include "CKernels.h"

#include <math.h>

#pragma STDC FP_CONTRACT OFF
#if defined(__clang__)
#pragma clang fp contract(off)
#endif

#define TWO52 0x1p52

// One pair of the reduced-cost walk (the portable body and the tails).
#define PRICE_PAIR(j)                                                        \
  do {                                                                       \
    const double s = scores[j];                                              \
    if (isnan(s)) break;                                                     \
    allowed++;                                                               \
    const double p = open_prices[j];                                         \
    if (isnan(p)) break;                                                     \
    eligible++;                                                              \
    const double ss = sign * s;                                              \
    if (ss > better_than) better++;                                          \
    if (best_column < 0 || ss > best) {                                      \
      best_column = (j);                                                     \
      best = ss;                                                             \
    }                                                                        \
    const double x = (anchor - ss) * inverse;                                \
    const double units = x < TWO52 ? (x + TWO52) - TWO52 : x;               \
    if (anchor - units * quantum != ss) on_grid = 0;                         \
    const double slack = (units + offset) + p;                               \
    if (slack < margin) {                                                    \
      below_column[below] = (j);                                             \
      below_slack[below] = slack;                                            \
      below++;                                                               \
    } else if (slack < floor) {                                              \
      floor = slack;                                                         \
    }                                                                        \
  } while (0)

#define PRICE_LOCALS                                                         \
  const double sign = terms->sign, anchor = terms->anchor;                   \
  const double inverse = terms->inverse, quantum = terms->quantum;           \
  const double offset = terms->offset, margin = terms->margin;               \
  const double better_than = terms->better_than;                             \
  long allowed = 0, eligible = 0, better = 0, best_column = -1, below = 0;   \
  double best = 0, floor = INFINITY;                                         \
  int on_grid = 1;

#define PRICE_STORE                                                          \
  result->allowed = allowed;                                                 \
  result->eligible = eligible;                                               \
  result->better = better;                                                   \
  result->best_column = best_column;                                         \
  result->floor = floor;                                                     \
  result->on_grid = on_grid;                                                 \
  result->below = below;

void mm_price_row_portable(
  long n, const double *scores, const double *open_prices, const mm_price_terms *terms, long *below_column,
  double *below_slack, mm_price_row_result *result) {
  PRICE_LOCALS
  for (long j = 0; j < n; j++) PRICE_PAIR(j);
  PRICE_STORE
}

// One pair of the certificate's walk: the least slack outside the excluded
// columns (NaN never lowers it), and the pairs at or below the bound with a
// score listed.
#define CERTIFICATE_PAIR(j)                                                  \
  do {                                                                       \
    const double s = scores[j];                                              \
    const double a = sign * s + bonus;                                       \
    const double slack = (y + filter_prices[j]) - a;                         \
    if (excluded != 0 && excluded[j] != row && slack < least) least = slack; \
    if (!(slack > bound) && !isnan(s)) listed[count++] = (j);               \
  } while (0)

long mm_certificate_row_portable(
  long n, const double *scores, const double *filter_prices, const mm_certificate_terms *terms,
  const long *excluded, long row, double *floor, long *listed) {
  const double sign = terms->sign, bonus = terms->bonus, y = terms->value, bound = terms->bound;
  double least = INFINITY;
  long count = 0;
  for (long j = 0; j < n; j++) CERTIFICATE_PAIR(j);
  if (excluded != 0) *floor = least;
  return count;
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

__attribute__((target("avx2"))) static void price_row_avx2(
  long n, const double *scores, const double *open_prices, const mm_price_terms *terms, long *below_column,
  double *below_slack, mm_price_row_result *result) {
  PRICE_LOCALS
  const __m256d sign4 = _mm256_set1_pd(sign), anchor4 = _mm256_set1_pd(anchor);
  const __m256d inverse4 = _mm256_set1_pd(inverse), quantum4 = _mm256_set1_pd(quantum);
  const __m256d offset4 = _mm256_set1_pd(offset), margin4 = _mm256_set1_pd(margin);
  const __m256d better4 = _mm256_set1_pd(better_than), two52 = _mm256_set1_pd(TWO52);
  const __m256d infinity4 = _mm256_set1_pd(INFINITY), four = _mm256_set1_pd(4);
  __m256i allowed4 = _mm256_setzero_si256(), eligible4 = _mm256_setzero_si256();
  __m256i better4n = _mm256_setzero_si256();
  __m256d best4 = _mm256_set1_pd(-INFINITY), best_index4 = _mm256_set1_pd(-1);
  __m256d floor4 = infinity4, off_grid4 = _mm256_setzero_pd();
  __m256d index4 = _mm256_setr_pd(0, 1, 2, 3);
  long j = 0;
  for (; j + 4 <= n; j += 4) {
    const __m256d s = _mm256_loadu_pd(scores + j);
    const __m256d p = _mm256_loadu_pd(open_prices + j);
    const __m256d has_score = _mm256_cmp_pd(s, s, _CMP_ORD_Q);
    const __m256d open = _mm256_cmp_pd(s, p, _CMP_ORD_Q);
    allowed4 = _mm256_sub_epi64(allowed4, _mm256_castpd_si256(has_score));
    eligible4 = _mm256_sub_epi64(eligible4, _mm256_castpd_si256(open));
    const __m256d ss = _mm256_mul_pd(sign4, s);
    better4n = _mm256_sub_epi64(
      better4n, _mm256_castpd_si256(_mm256_and_pd(open, _mm256_cmp_pd(ss, better4, _CMP_GT_OQ))));
    // A lane's first largest score: strictly larger, or its first eligible pair.
    const __m256d take = _mm256_and_pd(
      open, _mm256_or_pd(_mm256_cmp_pd(ss, best4, _CMP_GT_OQ), _mm256_cmp_pd(best_index4, _mm256_setzero_pd(), _CMP_LT_OQ)));
    best4 = _mm256_blendv_pd(best4, ss, take);
    best_index4 = _mm256_blendv_pd(best_index4, index4, take);
    index4 = _mm256_add_pd(index4, four);
    const __m256d x = _mm256_mul_pd(_mm256_sub_pd(anchor4, ss), inverse4);
    const __m256d rounded = _mm256_sub_pd(_mm256_add_pd(x, two52), two52);
    const __m256d units = _mm256_blendv_pd(x, rounded, _mm256_cmp_pd(x, two52, _CMP_LT_OQ));
    const __m256d back = _mm256_sub_pd(anchor4, _mm256_mul_pd(units, quantum4));
    off_grid4 = _mm256_or_pd(off_grid4, _mm256_and_pd(open, _mm256_cmp_pd(back, ss, _CMP_NEQ_UQ)));
    const __m256d slack = _mm256_add_pd(_mm256_add_pd(units, offset4), p);
    const __m256d under = _mm256_and_pd(open, _mm256_cmp_pd(slack, margin4, _CMP_LT_OQ));
    // slack < floor ? slack : floor, over open pairs not below the margin.
    floor4 = _mm256_min_pd(_mm256_blendv_pd(infinity4, slack, _mm256_andnot_pd(under, open)), floor4);
    int bits = _mm256_movemask_pd(under);
    if (bits) {
      double lanes[4];
      _mm256_storeu_pd(lanes, slack);
      while (bits) {
        const int t = __builtin_ctz(bits);
        below_column[below] = j + t;
        below_slack[below] = lanes[t];
        below++;
        bits &= bits - 1;
      }
    }
  }
  long counts[4];
  _mm256_storeu_si256((__m256i *)counts, allowed4);
  allowed = counts[0] + counts[1] + counts[2] + counts[3];
  _mm256_storeu_si256((__m256i *)counts, eligible4);
  eligible = counts[0] + counts[1] + counts[2] + counts[3];
  _mm256_storeu_si256((__m256i *)counts, better4n);
  better = counts[0] + counts[1] + counts[2] + counts[3];
  double bests[4], indices[4], floors[4];
  _mm256_storeu_pd(bests, best4);
  _mm256_storeu_pd(indices, best_index4);
  _mm256_storeu_pd(floors, floor4);
  // The first largest over the lanes: the largest, the lowest column among equals.
  for (int t = 0; t < 4; t++) {
    if (indices[t] < 0) continue;
    const long column = (long)indices[t];
    if (best_column < 0 || bests[t] > best || (bests[t] == best && column < best_column)) {
      best_column = column;
      best = bests[t];
    }
  }
  // No slack is −0 (units are never −0, so neither is units + offset), so
  // the least is the same bits in any order.
  for (int t = 0; t < 4; t++)
    if (floors[t] < floor) floor = floors[t];
  if (_mm256_movemask_pd(off_grid4)) on_grid = 0;
  for (; j < n; j++) PRICE_PAIR(j);
  PRICE_STORE
}

__attribute__((target("avx2"))) static long certificate_row_avx2(
  long n, const double *scores, const double *filter_prices, const mm_certificate_terms *terms,
  const long *excluded, long row, double *floor, long *listed) {
  const double sign = terms->sign, bonus = terms->bonus, y = terms->value, bound = terms->bound;
  const __m256d sign4 = _mm256_set1_pd(sign), bonus4 = _mm256_set1_pd(bonus);
  const __m256d y4 = _mm256_set1_pd(y), bound4 = _mm256_set1_pd(bound);
  const __m256d infinity4 = _mm256_set1_pd(INFINITY);
  const __m256i row4 = _mm256_set1_epi64x(row);
  __m256d least4 = infinity4;
  long count = 0;
  long j = 0;
  for (; j + 4 <= n; j += 4) {
    const __m256d s = _mm256_loadu_pd(scores + j);
    const __m256d a = _mm256_add_pd(_mm256_mul_pd(sign4, s), bonus4);
    const __m256d slack = _mm256_sub_pd(_mm256_add_pd(y4, _mm256_loadu_pd(filter_prices + j)), a);
    if (excluded != 0) {
      const __m256i mine = _mm256_cmpeq_epi64(_mm256_loadu_si256((const __m256i *)(excluded + j)), row4);
      least4 = _mm256_min_pd(_mm256_blendv_pd(slack, infinity4, _mm256_castsi256_pd(mine)), least4);
    }
    int bits = _mm256_movemask_pd(_mm256_and_pd(_mm256_cmp_pd(slack, bound4, _CMP_NGT_UQ), _mm256_cmp_pd(s, s, _CMP_ORD_Q)));
    while (bits) {
      listed[count++] = j + __builtin_ctz(bits);
      bits &= bits - 1;
    }
  }
  double least = INFINITY;
  if (excluded != 0) {
    double lanes[4];
    _mm256_storeu_pd(lanes, least4);
    for (int t = 0; t < 4; t++)
      if (lanes[t] < least) least = lanes[t];
  }
  for (; j < n; j++) CERTIFICATE_PAIR(j);
  if (excluded != 0) {
    if (least == 0) {
      // A slack can be −0 (y + p = −0 and a = +0): the first zero in column
      // order decides the sign, as the scalar walk keeps it.
      least = INFINITY;
      for (long t = 0; t < n; t++) {
        if (excluded[t] == row) continue;
        const double slack = (y + filter_prices[t]) - (sign * scores[t] + bonus);
        if (slack < least) least = slack;
      }
    }
    *floor = least;
  }
  return count;
}

static int has_avx2(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2");
}

void mm_price_row(
  long n, const double *scores, const double *open_prices, const mm_price_terms *terms, long *below_column,
  double *below_slack, mm_price_row_result *result) {
  if (has_avx2()) {
    price_row_avx2(n, scores, open_prices, terms, below_column, below_slack, result);
    return;
  }
  mm_price_row_portable(n, scores, open_prices, terms, below_column, below_slack, result);
}

long mm_certificate_row(
  long n, const double *scores, const double *filter_prices, const mm_certificate_terms *terms,
  const long *excluded, long row, double *floor, long *listed) {
  if (has_avx2()) return certificate_row_avx2(n, scores, filter_prices, terms, excluded, row, floor, listed);
  return mm_certificate_row_portable(n, scores, filter_prices, terms, excluded, row, floor, listed);
}
#else
void mm_price_row(
  long n, const double *scores, const double *open_prices, const mm_price_terms *terms, long *below_column,
  double *below_slack, mm_price_row_result *result) {
  mm_price_row_portable(n, scores, open_prices, terms, below_column, below_slack, result);
}

long mm_certificate_row(
  long n, const double *scores, const double *filter_prices, const mm_certificate_terms *terms,
  const long *excluded, long row, double *floor, long *listed) {
  return mm_certificate_row_portable(n, scores, filter_prices, terms, excluded, row, floor, listed);
}
#endif
