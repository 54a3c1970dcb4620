// The level pruning's walks over one row of ranks (see include/CKernels.h).
//
// A rank is a byte below 64; 255 marks a forbidden pair, and a `shut` byte
// of 0xFF a column to pass over. `rank | shut` read as a signed byte is then
// the rank (0...63) for an open allowed pair and −1 for every other, so one
// signed comparison with `floor − 1` finds the open allowed ranks from
// `floor` on. The AVX2 walks (chosen at run time) test 32 bytes at a time
// and give the same results as the portable ones, which test one.
#include "CKernels.h"

long mm_level_histogram_portable(long n, const uint8_t *row, long levels, uint32_t *counts) {
  for (long r = 0; r < levels; r++) counts[r] = 0;
  long counted = 0;
  for (long j = 0; j < n; j++) {
    const long rank = row[j];
    if (rank < levels) {
      counts[rank]++;
      counted++;
    }
  }
  return counted;
}

void mm_level_regrets_portable(long n, const uint8_t *row, long best, uint8_t *acc, long stride) {
  for (long j = 0; j < n; j++) {
    const long rank = row[j];
    if (rank <= best) acc[(best - rank) * stride + j]++;
  }
}

// The walk of mm_level_picks over columns `from..<to` (positions from
// `from + shift`), one byte at a time; returns whether the picks are complete.
static inline int picks_scalar(
  long from, long to, long shift, const uint8_t *row, const uint8_t *shut, long threshold, long need, long wanted,
  long *taken, long *count, int32_t *columns, int32_t *positions) {
  for (long j = from; j < to; j++) {
    const int rank = (int8_t)(row[j] | shut[j]);
    if (rank < 0) continue;
    if (rank > threshold || (rank == threshold && *taken < need)) {
      if (rank == threshold) (*taken)++;
      columns[*count] = (int32_t)j;
      positions[*count] = (int32_t)(j + shift);
      if (++*count == wanted) return 1;
    }
  }
  return 0;
}

long mm_level_picks_portable(
  long n, const uint8_t *row, const uint8_t *shut, long first, long threshold, long need, long wanted,
  int32_t *columns, int32_t *positions) {
  long taken = 0, count = 0;
  if (wanted <= 0) return 0;
  if (picks_scalar(first, n, -first, row, shut, threshold, need, wanted, &taken, &count, columns, positions))
    return count;
  picks_scalar(0, first, n - first, row, shut, threshold, need, wanted, &taken, &count, columns, positions);
  return count;
}

long mm_level_offers_portable(long n, const uint8_t *row, const uint8_t *shut, long floor, int32_t *columns) {
  const int low = floor < 0 ? 0 : (floor > 127 ? 127 : (int)floor);
  long count = 0;
  for (long j = 0; j < n; j++)
    if ((int8_t)(row[j] | shut[j]) >= low) columns[count++] = (int32_t)j;
  return count;
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

// Byte counters of one rank's hits over at most 255 chunks, summed.
__attribute__((target("avx2"))) static inline uint32_t sum_bytes(__m256i acc) {
  const __m256i sums = _mm256_sad_epu8(acc, _mm256_setzero_si256());
  uint64_t s[4];
  _mm256_storeu_si256((__m256i *)s, sums);
  return (uint32_t)(s[0] + s[1] + s[2] + s[3]);
}

__attribute__((target("avx2"))) static long histogram_avx2(long n, const uint8_t *row, long levels, uint32_t *counts) {
  const long whole = n & ~31L;
  long counted = 0;
  // Four ranks per walk over the row (in cache after the first), each in
  // byte counters summed every 255 chunks.
  for (long r = 0; r < levels; r += 4) {
    const __m256i r0 = _mm256_set1_epi8((char)r), r1 = _mm256_set1_epi8((char)(r + 1));
    const __m256i r2 = _mm256_set1_epi8((char)(r + 2)), r3 = _mm256_set1_epi8((char)(r + 3));
    uint32_t total[4] = {0, 0, 0, 0};
    for (long c = 0; c < whole;) {
      const long stop = c + 255 * 32 < whole ? c + 255 * 32 : whole;
      __m256i a0 = _mm256_setzero_si256(), a1 = a0, a2 = a0, a3 = a0;
      for (; c < stop; c += 32) {
        const __m256i v = _mm256_loadu_si256((const __m256i *)(row + c));
        a0 = _mm256_sub_epi8(a0, _mm256_cmpeq_epi8(v, r0));
        a1 = _mm256_sub_epi8(a1, _mm256_cmpeq_epi8(v, r1));
        a2 = _mm256_sub_epi8(a2, _mm256_cmpeq_epi8(v, r2));
        a3 = _mm256_sub_epi8(a3, _mm256_cmpeq_epi8(v, r3));
      }
      total[0] += sum_bytes(a0);
      total[1] += sum_bytes(a1);
      total[2] += sum_bytes(a2);
      total[3] += sum_bytes(a3);
    }
    for (long t = 0; t < 4 && r + t < levels; t++) counts[r + t] = total[t];
  }
  for (long j = whole; j < n; j++)
    if (row[j] < levels) counts[row[j]]++;
  for (long r = 0; r < levels; r++) counted += counts[r];
  return counted;
}

__attribute__((target("avx2"))) static void regrets_avx2(long n, const uint8_t *row, long best, uint8_t *acc, long stride) {
  const long whole = n & ~31L, pairs = n & ~63L;
  // One regret at a time over the row (in cache), 64 bytes per step.
  for (long d = 0; d <= best; d++) {
    const __m256i rank = _mm256_set1_epi8((char)(best - d));
    uint8_t *out = acc + d * stride;
    long c = 0;
    for (; c < pairs; c += 64) {
      const __m256i a = _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)(row + c)), rank);
      const __m256i b = _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)(row + c + 32)), rank);
      _mm256_storeu_si256((__m256i *)(out + c), _mm256_sub_epi8(_mm256_loadu_si256((const __m256i *)(out + c)), a));
      _mm256_storeu_si256(
        (__m256i *)(out + c + 32), _mm256_sub_epi8(_mm256_loadu_si256((const __m256i *)(out + c + 32)), b));
    }
    for (; c < whole; c += 32) {
      const __m256i a = _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)(row + c)), rank);
      _mm256_storeu_si256((__m256i *)(out + c), _mm256_sub_epi8(_mm256_loadu_si256((const __m256i *)(out + c)), a));
    }
  }
  for (long j = whole; j < n; j++) {
    const long rank = row[j];
    if (rank <= best) acc[(best - rank) * stride + j]++;
  }
}

// The open allowed ranks from `low` on among 32 columns from `c`, as bits.
__attribute__((target("avx2"))) static inline uint32_t hits32(
  const uint8_t *row, const uint8_t *shut, long c, __m256i below) {
  const __m256i x = _mm256_or_si256(
    _mm256_loadu_si256((const __m256i *)(row + c)), _mm256_loadu_si256((const __m256i *)(shut + c)));
  return (uint32_t)_mm256_movemask_epi8(_mm256_cmpgt_epi8(x, below));
}

__attribute__((target("avx2"))) static long picks_avx2(
  long n, const uint8_t *row, const uint8_t *shut, long first, long threshold, long need, long wanted,
  int32_t *columns, int32_t *positions) {
  long taken = 0, count = 0;
  if (wanted <= 0) return 0;
  // Only ranks from the threshold on (from 0 when it is −1) can be picked.
  const long low = threshold < 0 ? 0 : threshold;
  const __m256i below = _mm256_set1_epi8((char)(low - 1));
  for (int segment = 0; segment < 2; segment++) {
    const long from = segment == 0 ? first : 0, to = segment == 0 ? n : first;
    const long shift = segment == 0 ? -first : n - first;
    long c = from;
    for (; c + 32 <= to; c += 32) {
      uint32_t bits = hits32(row, shut, c, below);
      while (bits) {
        const long j = c + __builtin_ctz(bits);
        bits &= bits - 1;
        const long rank = row[j];
        if (rank > threshold || (rank == threshold && taken < need)) {
          if (rank == threshold) taken++;
          columns[count] = (int32_t)j;
          positions[count] = (int32_t)(j + shift);
          if (++count == wanted) return count;
        }
      }
    }
    if (picks_scalar(c, to, shift, row, shut, threshold, need, wanted, &taken, &count, columns, positions))
      return count;
  }
  return count;
}

__attribute__((target("avx2"))) static long offers_avx2(
  long n, const uint8_t *row, const uint8_t *shut, long floor, int32_t *columns) {
  const int low = floor < 0 ? 0 : (floor > 127 ? 127 : (int)floor);
  const __m256i below = _mm256_set1_epi8((char)(low - 1));
  long count = 0, c = 0;
  for (; c + 32 <= n; c += 32) {
    uint32_t bits = hits32(row, shut, c, below);
    while (bits) {
      columns[count++] = (int32_t)(c + __builtin_ctz(bits));
      bits &= bits - 1;
    }
  }
  for (; c < n; c++)
    if ((int8_t)(row[c] | shut[c]) >= low) columns[count++] = (int32_t)c;
  return count;
}

static int has_avx2(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2");
}

long mm_level_histogram(long n, const uint8_t *row, long levels, uint32_t *counts) {
  // One compare per rank and 32 bytes: past 32 ranks the portable table walk is as fast.
  if (levels <= 32 && has_avx2()) return histogram_avx2(n, row, levels, counts);
  return mm_level_histogram_portable(n, row, levels, counts);
}

void mm_level_regrets(long n, const uint8_t *row, long best, uint8_t *acc, long stride) {
  // One compare, load and store per regret and 32 bytes.
  if (best < 16 && has_avx2()) {
    regrets_avx2(n, row, best, acc, stride);
    return;
  }
  mm_level_regrets_portable(n, row, best, acc, stride);
}

long mm_level_picks(
  long n, const uint8_t *row, const uint8_t *shut, long first, long threshold, long need, long wanted,
  int32_t *columns, int32_t *positions) {
  if (has_avx2()) return picks_avx2(n, row, shut, first, threshold, need, wanted, columns, positions);
  return mm_level_picks_portable(n, row, shut, first, threshold, need, wanted, columns, positions);
}

long mm_level_offers(long n, const uint8_t *row, const uint8_t *shut, long floor, int32_t *columns) {
  if (has_avx2()) return offers_avx2(n, row, shut, floor, columns);
  return mm_level_offers_portable(n, row, shut, floor, columns);
}
#else
long mm_level_histogram(long n, const uint8_t *row, long levels, uint32_t *counts) {
  return mm_level_histogram_portable(n, row, levels, counts);
}
void mm_level_regrets(long n, const uint8_t *row, long best, uint8_t *acc, long stride) {
  mm_level_regrets_portable(n, row, best, acc, stride);
}
long mm_level_picks(
  long n, const uint8_t *row, const uint8_t *shut, long first, long threshold, long need, long wanted,
  int32_t *columns, int32_t *positions) {
  return mm_level_picks_portable(n, row, shut, first, threshold, need, wanted, columns, positions);
}
long mm_level_offers(long n, const uint8_t *row, const uint8_t *shut, long floor, int32_t *columns) {
  return mm_level_offers_portable(n, row, shut, floor, columns);
}
#endif
