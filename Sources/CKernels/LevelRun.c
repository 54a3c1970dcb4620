// A run of level cells of one line of a cohort file (see include/CKernels.h,
// mm_level_run): cells that are empty, `d` or `d.d` with a value from 0 to
// 5, read until the run's count, the first other cell or the line's end.
//
// The portable version steps from cell to cell on the bytes; the AVX2
// version classifies 32 cell starts at once (the commas, the dots, the
// digits and the value `10 d + d` of the bytes at each offset, four
// unaligned 32-byte loads) and then writes the cells in order from the
// mask of their starts (one bit per comma, lowest first). Near the line's
// end it copies the bytes left into a zeroed buffer with a comma at the
// line's end, so it never reads a byte past `end`. Both give the same
// values (read from `tenths`), starts, count and stopping cell.
#include "CKernels.h"

#include <string.h>

#define LEVEL_TENTHS 51

mm_level_run_result mm_level_run_portable(
  const uint8_t *base, long start, long end, long count, double *values, double empty, const double *tenths,
  long *starts) {
  long index = start, k = 0;
  while (k < count) {
    long length = 0;
    if (index < end && base[index] != ',') {
      const unsigned whole = (uint8_t)(base[index] - '0');
      if (index + 1 == end || base[index + 1] == ',') {
        if (whole > 5) break;
        values[k] = tenths[whole * 10];
        length = 1;
      } else {
        if (whole >= 10 || index + 3 > end || base[index + 1] != '.') break;
        if (index + 3 != end && base[index + 3] != ',') break;
        const unsigned tenth = (uint8_t)(base[index + 2] - '0');
        const unsigned dd = whole * 10 + tenth;
        if (tenth >= 10 || dd >= LEVEL_TENTHS) break;
        values[k] = tenths[dd];
        length = 3;
      }
    } else {
      values[k] = empty;
    }
    k++;
    index += length + 1;
    starts[k - 1] = index;
    if (index == end + 1) return (mm_level_run_result){end, k, 1};
  }
  return (mm_level_run_result){index, k, 0};
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

// Bytes of the line's end copied for the last windows: a window reads 35
// bytes from a cell start at most 34 bytes past the copy's start.
#define PAD_BYTES 96
// The windows read directly while this many bytes of the line are left.
#define WINDOW_READ 35

// (`no_builtin("memcpy")`: the table's copy below stays twelve vector moves,
// not a call to `memcpy`, which cost 64 instructions per run.)

__attribute__((target("avx2,bmi,popcnt"), no_builtin("memcpy"))) static mm_level_run_result level_run_avx2(
  const uint8_t *base, long start, long end, long count, double *values, double empty, const double *tenths,
  long *starts) {
  if (count <= 0) return (mm_level_run_result){start, 0, 0};
  // The values by code: `tenths[dd]` for 0..50, `empty` for 51.
  double table[52];
  for (int t = 0; t < 48; t += 4) _mm256_storeu_pd(table + t, _mm256_loadu_pd(tenths + t));
  table[48] = tenths[48];
  table[49] = tenths[49];
  table[50] = tenths[50];
  table[LEVEL_TENTHS] = empty;
  _Alignas(32) uint8_t pad[PAD_BYTES];
  _Alignas(32) uint8_t codes[32];
  const __m256i comma = _mm256_set1_epi8(','), dot = _mm256_set1_epi8('.'), zero = _mm256_set1_epi8('0');
  const __m256i five = _mm256_set1_epi8(5), nine = _mm256_set1_epi8(9), fifty = _mm256_set1_epi8(50);
  const __m256i empty_code = _mm256_set1_epi8(LEVEL_TENTHS);
  long index = start, k = 0;
  // `pad` holds base[origin..<end], then a comma, then zeros (once copied).
  long origin = -1;
  for (;;) {
    const uint8_t *p;
    if (end - index >= WINDOW_READ) {
      p = base + index;
    } else {
      if (origin < 0) {
        origin = index;
        memset(pad, 0, PAD_BYTES);
        memcpy(pad, base + index, (size_t)(end - index));
        pad[end - index] = ',';
      }
      p = pad + (index - origin);
    }
    const __m256i v0 = _mm256_loadu_si256((const __m256i *)p);
    const __m256i v1 = _mm256_loadu_si256((const __m256i *)(p + 1));
    const __m256i v2 = _mm256_loadu_si256((const __m256i *)(p + 2));
    const __m256i v3 = _mm256_loadu_si256((const __m256i *)(p + 3));
    // At each offset i: a comma (an empty cell when a cell starts there),
    // `d,` with d <= 5, or `d.d,` with 10 d + d <= 50.
    const __m256i c0 = _mm256_cmpeq_epi8(v0, comma);
    const __m256i c1 = _mm256_cmpeq_epi8(v1, comma);
    const __m256i c3 = _mm256_cmpeq_epi8(v3, comma);
    const __m256i d1 = _mm256_cmpeq_epi8(v1, dot);
    const __m256i whole = _mm256_sub_epi8(v0, zero);
    const __m256i tenth = _mm256_sub_epi8(v2, zero);
    const __m256i whole_ok = _mm256_cmpeq_epi8(_mm256_min_epu8(whole, five), whole);
    const __m256i tenth_ok = _mm256_cmpeq_epi8(_mm256_min_epu8(tenth, nine), tenth);
    const __m256i w2 = _mm256_add_epi8(whole, whole);
    const __m256i w8 = _mm256_add_epi8(_mm256_add_epi8(w2, w2), _mm256_add_epi8(w2, w2));
    const __m256i w10 = _mm256_add_epi8(w8, w2);  // 10 d (< 51 where whole_ok)
    const __m256i dd = _mm256_add_epi8(w10, tenth);  // 10 d + d (< 60 where both ok)
    const __m256i dd_ok = _mm256_cmpeq_epi8(_mm256_min_epu8(dd, fifty), dd);
    const __m256i short_ok = _mm256_and_si256(whole_ok, c1);
    const __m256i long_ok =
      _mm256_and_si256(_mm256_and_si256(_mm256_and_si256(whole_ok, d1), _mm256_and_si256(tenth_ok, c3)), dd_ok);
    const __m256i good = _mm256_or_si256(c0, _mm256_or_si256(short_ok, long_ok));
    _mm256_store_si256((__m256i *)codes, _mm256_blendv_epi8(_mm256_blendv_epi8(w10, dd, d1), empty_code, c0));
    // The commas at offsets 0..34 (those at 32..34 are bits 29..31 of c3),
    // so the cells' starts at 0..35: 0 and one past each comma.
    const uint64_t commas =
      (uint64_t)(uint32_t)_mm256_movemask_epi8(c0) | ((uint64_t)((uint32_t)_mm256_movemask_epi8(c3) >> 29) << 32);
    uint64_t cell_starts = (commas << 1) | 1;
    const uint64_t goods = (uint32_t)_mm256_movemask_epi8(good);
    const uint64_t bad = cell_starts & ~goods & 0xFFFFFFFFu;
    // The cells before the first bad one (all those starting at 0..31
    // without one), at most those the run has left.
    const uint64_t below = bad ? (bad & (0 - bad)) - 1 : 0xFFFFFFFFu;
    long last = k + (long)__builtin_popcountll(cell_starts & below);
    if (last > count) last = count;
    // When this window writes every cell starting at 0..31 (no bad cell,
    // the run not done), the next window starts at the first start at
    // 32..35: known from the masks, so that the next window's loads and
    // tests need not wait for this one's writes.
    const int through = !bad && last < count;
    const long advance = 32 + (long)__builtin_ctzll((cell_starts >> 32) | 16);
    // The cells in order: each one's value by its code, and the next start
    // (the lowest bit of `cell_starts` is `i`). One loop for empty and
    // level cells alike: a separate step for streaks of empty cells was
    // tried and cost more mispredicted branches than it saved.
    long i = 0;
    while (k < last) {
      values[k] = table[codes[i]];
      cell_starts &= cell_starts - 1;
      i = (long)__builtin_ctzll(cell_starts);
      starts[k] = index + i;
      k++;
    }
    if (through) {
      index += advance;
      // (One past the line's end: the last cell written ended the line.)
      if (index == end + 1) return (mm_level_run_result){end, k, 1};
      continue;
    }
    // `i`: the start of the cell after the last one written (the bad one's,
    // when there is one); one past the line's end when that cell ended it.
    index += i;
    if (index == end + 1) return (mm_level_run_result){end, k, 1};
    return (mm_level_run_result){index, k, 0};
  }
}

// 1: AVX2 (with BMI1 and POPCNT), 0: not, −1: not asked yet.
static int level_run_avx2_state = -1;

static int level_run_has_avx2(void) {
  int state = __atomic_load_n(&level_run_avx2_state, __ATOMIC_RELAXED);
  if (state < 0) {
    __builtin_cpu_init();
    state = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") && __builtin_cpu_supports("popcnt");
    __atomic_store_n(&level_run_avx2_state, state, __ATOMIC_RELAXED);
  }
  return state;
}

mm_level_run_result mm_level_run(
  const uint8_t *base, long start, long end, long count, double *values, double empty, const double *tenths,
  long *starts) {
  if (level_run_has_avx2()) return level_run_avx2(base, start, end, count, values, empty, tenths, starts);
  return mm_level_run_portable(base, start, end, count, values, empty, tenths, starts);
}
#else
mm_level_run_result mm_level_run(
  const uint8_t *base, long start, long end, long count, double *values, double empty, const double *tenths,
  long *starts) {
  return mm_level_run_portable(base, start, end, count, values, empty, tenths, starts);
}
#endif
