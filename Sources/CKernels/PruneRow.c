// The pruning pass's walk over a segment of one row (see include/CKernels.h).
//
// Every value is formed by the same IEEE operations as CandidatePruning's
// Swift loop, and no multiply-add is fused (the pragma below), so the AVX2
// version and the portable one give the same bits. The AVX2 version keeps
// per-lane maxima (the row's running best, the range's two ends) and merges
// them when it returns, keeping the first of equal values as the scalar
// walk does; the threshold's appends and the grid's test go lane by lane in
// column order in the few chunks that have one.
#include "CKernels.h"

#include <math.h>

#pragma STDC FP_CONTRACT OFF
#if defined(__clang__)
#pragma clang fp contract(off)
#endif

// The threshold's append and the grid's test of pair j: returns nonzero when
// the walk must stop after it (the buffer is full, or the grid test passed).
static inline int threshold_and_grid(
  long j, double value, double eligible, double *keys, long *columns, mm_prune_state *st) {
  int stop = 0;
  if (value > st->threshold) {
    keys[st->count] = value;
    columns[st->count] = j;
    st->count++;
    if (st->count == st->capacity) stop |= MM_PRUNE_FULL;
  }
  if (fabs(eligible) < st->grid_threshold && eligible != 0) {
    st->grid_value = eligible;
    stop |= MM_PRUNE_GRID;
  }
  st->stop = stop;
  return stop;
}

// The whole of pair j, as the Swift loop. Only pairs that can be made count
// in the score range: `p − p` is +0 for them (a finite price; s − 0 is s,
// signed zeros and infinities included) and NaN for the others (a NaN price
// marks a column without places), which the comparisons skip. The screen
// `value − best ≥ floor_key[j]` against the running best passes every
// column whose offer could pass against the row's final best (rounding is
// monotone; the floors change only after the walk); NaN fails it.
static inline int prune_pair(
  long j, const double *row, const double *prices, const double *floor_key, double *keys, long *columns,
  long *offered, mm_prune_state *st) {
  const double s = row[j];
  st->allowed += isnan(s) ? 0 : 1;
  const double value = st->sign * s - prices[j];
  const double eligible = s - (prices[j] - prices[j]);
  st->negated_low = -eligible > st->negated_low ? -eligible : st->negated_low;
  st->high = eligible > st->high ? eligible : st->high;
  st->best = value > st->best ? value : st->best;
  if (value - st->best >= floor_key[j]) offered[st->offers++] = j;
  return threshold_and_grid(j, value, eligible, keys, columns, st);
}

// The pairs before `pending_end` (left by a walk that stopped inside a
// chunk) are owed only the threshold's append and the grid's test. Walks
// them from *j: returns nonzero with *j one past the pair to stop after
// (`pending_end` kept unless that pair was its last), else zero with *j at
// the first pair owed the whole walk and `pending_end` cleared.
static inline int walk_owed(
  long *j, long end, const double *row, const double *prices, double *keys, long *columns, mm_prune_state *st) {
  for (; *j < st->pending_end && *j < end; (*j)++) {
    const long k = *j;
    const double s = row[k];
    if (threshold_and_grid(k, st->sign * s - prices[k], s - (prices[k] - prices[k]), keys, columns, st)) {
      if (k + 1 == st->pending_end) st->pending_end = 0;
      *j = k + 1;
      return 1;
    }
  }
  st->pending_end = 0;
  return 0;
}

long mm_prune_row_portable(
  long begin, long end, const double *row, const double *prices, const double *floor_key, double *keys,
  long *columns, long *offered, mm_prune_state *st) {
  long j = begin;
  st->stop = 0;
  if (walk_owed(&j, end, row, prices, keys, columns, st)) return j;
  for (; j < end; j++)
    if (prune_pair(j, row, prices, floor_key, keys, columns, offered, st)) return j + 1;
  return end;
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

// The first of equal maxima in column order: `running` came before
// [from, to); `lanes` are the lanes' own first maxima, each from `running`.
// Equal non-zero doubles have equal bits, so only a zero maximum above
// `running` needs the first zero of the walk (its sign).
#define MERGE_MAX(field, lanes, EXPR)                                       \
  do {                                                                      \
    double l[4];                                                            \
    _mm256_storeu_pd(l, lanes);                                             \
    double m = st->field;                                                   \
    for (int t = 0; t < 4; t++) m = l[t] > m ? l[t] : m;                    \
    if (m > st->field && m == 0) {                                          \
      for (long u = from; u < to; u++) {                                    \
        const double x = EXPR(u);                                           \
        if (x == 0) {                                                       \
          m = x;                                                            \
          break;                                                            \
        }                                                                   \
      }                                                                     \
    }                                                                       \
    st->field = m;                                                          \
  } while (0)

#define VALUE_AT(u) (st->sign * row[u] - prices[u])
#define ELIGIBLE_AT(u) (row[u] - (prices[u] - prices[u]))
#define NEGATED_AT(u) (-(row[u] - (prices[u] - prices[u])))

__attribute__((target("avx2"))) static long prune_row_avx2(
  long begin, long end, const double *row, const double *prices, const double *floor_key, double *keys,
  long *columns, long *offered, mm_prune_state *st) {
  long j = begin;
  st->stop = 0;
  if (walk_owed(&j, end, row, prices, keys, columns, st)) return j;
  const long from = j;
  const __m256d sign4 = _mm256_set1_pd(st->sign);
  const __m256d magnitude = _mm256_castsi256_pd(_mm256_set1_epi64x(0x7fffffffffffffffLL));
  const __m256d negate = _mm256_castsi256_pd(_mm256_set1_epi64x((long long)0x8000000000000000ULL));
  const __m256d zero = _mm256_setzero_pd();
  __m256d best4 = _mm256_set1_pd(st->best), high4 = _mm256_set1_pd(st->high);
  __m256d negated_low4 = _mm256_set1_pd(st->negated_low);
  // The threshold and the grid's threshold hold for the whole call: a full
  // buffer or a grid score stops it.
  const __m256d threshold4 = _mm256_set1_pd(st->threshold), grid4 = _mm256_set1_pd(st->grid_threshold);
  __m256i allowed4 = _mm256_setzero_si256();
  long stopped = 0;
  for (; j + 4 <= end; j += 4) {
    const __m256d s = _mm256_loadu_pd(row + j);
    const __m256d p = _mm256_loadu_pd(prices + j);
    allowed4 = _mm256_sub_epi64(allowed4, _mm256_castpd_si256(_mm256_cmp_pd(s, s, _CMP_ORD_Q)));
    const __m256d value = _mm256_sub_pd(_mm256_mul_pd(sign4, s), p);
    const __m256d eligible = _mm256_sub_pd(s, _mm256_sub_pd(p, p));
    // max_pd(a, b) is a > b ? a : b: the Swift loop's form, NaN skipped.
    negated_low4 = _mm256_max_pd(_mm256_xor_pd(eligible, negate), negated_low4);
    high4 = _mm256_max_pd(eligible, high4);
    best4 = _mm256_max_pd(value, best4);
    // The lane's best is at most the row's running best, so this screen
    // passes every pair the scalar one does (and a few more, which the
    // caller's test against the final best rejects).
    int bits = _mm256_movemask_pd(_mm256_cmp_pd(_mm256_sub_pd(value, best4), _mm256_loadu_pd(floor_key + j), _CMP_GE_OQ));
    while (bits) {
      offered[st->offers++] = j + __builtin_ctz(bits);
      bits &= bits - 1;
    }
    const __m256d grid_hit = _mm256_and_pd(
      _mm256_cmp_pd(_mm256_and_pd(eligible, magnitude), grid4, _CMP_LT_OQ), _mm256_cmp_pd(eligible, zero, _CMP_NEQ_OQ));
    int hits = _mm256_movemask_pd(_mm256_or_pd(_mm256_cmp_pd(value, threshold4, _CMP_GT_OQ), grid_hit));
    if (hits) {
      // Only the lanes that hit, in column order: the others would append
      // nothing (the threshold holds for the call) and pass no grid test.
      double values[4], eligibles[4];
      _mm256_storeu_pd(values, value);
      _mm256_storeu_pd(eligibles, eligible);
      do {
        const int t = __builtin_ctz(hits);
        if (threshold_and_grid(j + t, values[t], eligibles[t], keys, columns, st)) {
          // The rest of the chunk has had everything but these two tests.
          if (t < 3) st->pending_end = j + 4;
          stopped = j + t + 1;
          break;
        }
        hits &= hits - 1;
      } while (hits);
      if (stopped) {
        j += 4;
        break;
      }
    }
  }
  const long to = j;
  long counts[4];
  _mm256_storeu_si256((__m256i *)counts, allowed4);
  st->allowed += counts[0] + counts[1] + counts[2] + counts[3];
  MERGE_MAX(best, best4, VALUE_AT);
  MERGE_MAX(high, high4, ELIGIBLE_AT);
  MERGE_MAX(negated_low, negated_low4, NEGATED_AT);
  if (stopped) return stopped;
  for (; j < end; j++)
    if (prune_pair(j, row, prices, floor_key, keys, columns, offered, st)) return j + 1;
  return end;
}

static int has_avx2(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2");
}

long mm_prune_row(
  long begin, long end, const double *row, const double *prices, const double *floor_key, double *keys,
  long *columns, long *offered, mm_prune_state *st) {
  if (has_avx2()) return prune_row_avx2(begin, end, row, prices, floor_key, keys, columns, offered, st);
  return mm_prune_row_portable(begin, end, row, prices, floor_key, keys, columns, offered, st);
}
#else
long mm_prune_row(
  long begin, long end, const double *row, const double *prices, const double *floor_key, double *keys,
  long *columns, long *offered, mm_prune_state *st) {
  return mm_prune_row_portable(begin, end, row, prices, floor_key, keys, columns, offered, st);
}
#endif
