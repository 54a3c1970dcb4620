#ifndef MENTORMATCH_CKERNELS_H
#define MENTORMATCH_CKERNELS_H

#include <stddef.h>
#include <stdint.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

/// out[j] = fma(alpha[count-1], rows[count-1][j], ... fma(alpha[0], rows[0][j], 0.0) ...)
/// for j in 0..<n: the same value, bit for bit, as zeroing `out` and adding
/// each row with a fused-multiply-add `daxpy` in order, but with one write of
/// `out` instead of `count` read-modify-writes. `count` may be 0 (then out = 0).
void mm_fused_rows_f64(long n, long count, const double *alpha, const double *const *rows, double *out);

/// The same as mm_fused_rows_f64 with row k's entry j read as
/// `(double)codes[k][j] * step` (one byte per entry).
void mm_fused_rows_u8(long n, long count, const double *alpha, const uint8_t *const *codes, double step, double *out);

/// What the `_add` kernels add to each entry of one output row before its one
/// store: `table[category[j]]` when `row_group < 0`, else
/// `table[category[j]] + (group[j] >= 0 && group[j] != row_group ? group_weight : 0)`
/// (that sum first, then added to the chain: `out[j] = chain + addend`).
/// `category` and `group` hold `n` entries; `table` every category they name.
typedef struct {
  const double *table;
  const int32_t *category;
  const int32_t *group;
  int32_t row_group;
  double group_weight;
} mm_row_addend;

/// mm_fused_rows_f64 with the row's addend added to each chain before the
/// store: out[j] = chain(j) + addend(j), one pass over `out` instead of two.
void mm_fused_rows_f64_add(
  long n, long count, const double *alpha, const double *const *rows, const mm_row_addend *addend, double *out);

/// mm_fused_rows_u8 with the row's addend added before the store, as
/// mm_fused_rows_f64_add.
void mm_fused_rows_u8_add(
  long n, long count, const double *alpha, const uint8_t *const *codes, double step, const mm_row_addend *addend,
  double *out);

/// Asks the processor to fetch the cache line holding `address` for a read
/// soon (a software prefetch: no effect on any result, never faults, even on
/// an address outside any allocation). Lets the callers overlap the cache
/// misses of reads they will make one after the other.
static inline void mm_prefetch_read(const void *address) { __builtin_prefetch(address, 0, 3); }

/// Asks the kernel to back the whole 2 MiB pages inside [address, address +
/// bytes) with transparent huge pages (`madvise(MADV_HUGEPAGE)`, Linux; a
/// no-op elsewhere or when the kernel refuses). A hint only: no effect on any
/// value. Pages touched before the call stay small (the kernel may merge them
/// later), so callers advise fresh allocations before they first write them.
/// One 2 MiB page maps what 512 small pages do, so random reads over an array
/// of hundreds of megabytes miss the TLB far less often.
static inline void mm_advise_huge_pages(void *address, size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  const uintptr_t huge = (uintptr_t)2 << 20;
  const uintptr_t first = ((uintptr_t)address + huge - 1) & ~(huge - 1);
  const uintptr_t end = ((uintptr_t)address + bytes) & ~(huge - 1);
  if (end > first) (void)madvise((void *)first, end - first, MADV_HUGEPAGE);
#else
  (void)address;
  (void)bytes;
#endif
}

#endif
