// The commas of a plain line of a cohort file outside its level runs (see
// include/CKernels.h, mm_line_cells): each comma's next offset written in
// turn, until a given cell starts, a quote or carriage return, or the
// line's end.
//
// The portable version steps byte by byte. The AVX2 version compares 32
// bytes at once with a comma, a quote and a carriage return, and writes
// the starts from the mask of the commas, lowest first; a quote, carriage
// return or high bit only counts at or before the comma that starts the
// cell asked for, so both versions answer as the byte loop does. The
// line's last bytes (fewer than 32) are copied into a zeroed buffer, so it
// never reads a byte past `end`.
#include "CKernels.h"

#include <string.h>

mm_line_cells_result mm_line_cells_portable(
  const uint8_t *base, long index, long end, long *starts, long cells, long last, long target) {
  unsigned seen = 0;
  for (; index < end; index++) {
    const uint8_t byte = base[index];
    seen |= byte;
    if (byte == ',') {
      if (cells < last) starts[cells] = index + 1;
      cells++;
      if (cells - 1 == target) return (mm_line_cells_result){index + 1, cells, 1, (seen & 0x80) == 0};
    } else if (byte == '"' || byte == '\r') {
      return (mm_line_cells_result){index, cells, -1, (seen & 0x80) == 0};
    }
  }
  return (mm_line_cells_result){end, cells, 0, (seen & 0x80) == 0};
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

__attribute__((target("avx2,bmi"))) static mm_line_cells_result line_cells_avx2(
  const uint8_t *base, long index, long end, long *starts, long cells, long last, long target) {
  const __m256i comma = _mm256_set1_epi8(',');
  const __m256i quote = _mm256_set1_epi8('"');
  const __m256i cr = _mm256_set1_epi8('\r');
  uint32_t high = 0;
  while (index < end) {
    const long left = end - index;
    __m256i bytes;
    uint32_t valid = 0xFFFFFFFFu;
    if (left >= 32) {
      bytes = _mm256_loadu_si256((const __m256i *)(base + index));
    } else {
      uint8_t tail[32] = {0};
      memcpy(tail, base + index, (size_t)left);
      bytes = _mm256_loadu_si256((const __m256i *)tail);
      valid = (1u << left) - 1;
    }
    uint32_t commas = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(bytes, comma)) & valid;
    const uint32_t bad =
      (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(_mm256_cmpeq_epi8(bytes, quote), _mm256_cmpeq_epi8(bytes, cr)))
      & valid;
    const uint32_t top = (uint32_t)_mm256_movemask_epi8(bytes) & valid;
    while (commas) {
      const unsigned bit = (unsigned)_tzcnt_u32(commas);
      const long at = index + bit;
      // A quote or carriage return before this comma ends the line's read first.
      const uint32_t before = bit == 31 ? 0x7FFFFFFFu : ((1u << bit) - 1);
      if (bad & before) {
        const uint32_t first = (uint32_t)_tzcnt_u32(bad);
        high |= top & ((1u << first) | ((1u << first) - 1));
        return (mm_line_cells_result){index + first, cells, -1, high == 0};
      }
      if (cells < last) starts[cells] = at + 1;
      cells++;
      if (cells - 1 == target) {
        high |= top & before;
        return (mm_line_cells_result){at + 1, cells, 1, high == 0};
      }
      commas = _blsr_u32(commas);
    }
    if (bad) {
      const uint32_t first = (uint32_t)_tzcnt_u32(bad);
      high |= top & ((1u << first) | ((1u << first) - 1));
      return (mm_line_cells_result){index + first, cells, -1, high == 0};
    }
    high |= top;
    index += left >= 32 ? 32 : left;
  }
  return (mm_line_cells_result){end, cells, 0, high == 0};
}

// 1: AVX2 (with BMI1), 0: not, −1: not asked yet.
static int line_cells_avx2_state = -1;

static int line_cells_has_avx2(void) {
  int state = __atomic_load_n(&line_cells_avx2_state, __ATOMIC_RELAXED);
  if (state < 0) {
    __builtin_cpu_init();
    state = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi");
    __atomic_store_n(&line_cells_avx2_state, state, __ATOMIC_RELAXED);
  }
  return state;
}

mm_line_cells_result mm_line_cells(
  const uint8_t *base, long index, long end, long *starts, long cells, long last, long target) {
  if (line_cells_has_avx2()) return line_cells_avx2(base, index, end, starts, cells, last, target);
  return mm_line_cells_portable(base, index, end, starts, cells, last, target);
}
#else
mm_line_cells_result mm_line_cells(
  const uint8_t *base, long index, long end, long *starts, long cells, long last, long target) {
  return mm_line_cells_portable(base, index, end, starts, cells, last, target);
}
#endif
