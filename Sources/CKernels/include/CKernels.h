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

/// The constants of one row of a pricing pass's walk (PricingPass): the
/// sense's sign, the anchor `A`, `1/q` and `q` of the resolution, the row's
/// offset `y_i/q − P_s`, the margin, and the score a column must beat to
/// count as better (ScoreTie).
typedef struct {
  double sign;
  double anchor;
  double inverse;
  double quantum;
  double offset;
  double margin;
  double better_than;
} mm_price_terms;

/// What mm_price_row found in a row: allowed pairs (score not NaN), eligible
/// ones (also `open_prices[j]` not NaN), those better than `better_than`,
/// the first column with the largest `sign · s` among eligible pairs (−1 when
/// none), the least slack at or above the margin (+∞ when none), whether
/// every eligible score is on the grid (`A − units · q == sign · s`), and the
/// number of pairs listed below the margin.
typedef struct {
  long allowed;
  long eligible;
  long better;
  long best_column;
  double floor;
  int on_grid;
  long below;
} mm_price_row_result;

/// One row of the pricing pass's full walk, exactly as PricingPass's Swift
/// loop with its fast units: for each eligible pair,
/// `x = (A − sign · s) · (1/q)`, `units = x < 2^52 ? (x + 2^52) − 2^52 : x`,
/// `slack = (units + offset) + open_prices[j]`; pairs with `slack < margin`
/// are listed in column order in `below_column`/`below_slack` (room for `n`
/// each), the others lower `floor`. `open_prices[j]` is NaN exactly for a
/// column without places. No multiply-add is fused; the AVX2 version
/// (chosen at run time) gives the same bits as mm_price_row_portable.
void mm_price_row(
  long n, const double *scores, const double *open_prices, const mm_price_terms *terms, long *below_column,
  double *below_slack, mm_price_row_result *result);
void mm_price_row_portable(
  long n, const double *scores, const double *open_prices, const mm_price_terms *terms, long *below_column,
  double *below_slack, mm_price_row_result *result);

/// The constants of one row of the certificate's walk (CertificateCheck):
/// the sense's sign, the cardinality bonus, the row's value `y` and the
/// row's filter bound.
typedef struct {
  double sign;
  double bonus;
  double value;
  double bound;
} mm_certificate_terms;

/// One row of the certificate's walk with a known score summary, as
/// CertificateCheck's Swift loop: `slack = (y + filter_prices[j]) − (sign · s + bonus)`;
/// when `excluded` is not NULL, `*floor` becomes the least slack (NaN
/// skipped, the first of equal ones kept) over columns with
/// `excluded[j] != row`; the columns with `!(slack > bound)` and a score
/// (not NaN) are written to `listed` in column order (room for `n`), and
/// their count returned. AVX2 chosen at run time, the same results as
/// mm_certificate_row_portable.
long mm_certificate_row(
  long n, const double *scores, const double *filter_prices, const mm_certificate_terms *terms,
  const long *excluded, long row, double *floor, long *listed);
long mm_certificate_row_portable(
  long n, const double *scores, const double *filter_prices, const mm_certificate_terms *terms,
  const long *excluded, long row, double *floor, long *listed);

/// The running state of the pruning pass's walk over one row
/// (CandidatePruning), kept across the calls of mm_prune_row.
typedef struct {
  /// +1 when maximising, −1 when minimising.
  double sign;
  /// The row's best net score so far (from the least finite value).
  double best;
  /// The row selection's threshold: net scores above it are appended.
  double threshold;
  /// The range of eligible scores so far: −low and high.
  double negated_low;
  double high;
  /// Scores whose magnitude is below it (and not 0) may lower the grid.
  double grid_threshold;
  /// Out: the eligible score that stopped the walk with MM_PRUNE_GRID.
  double grid_value;
  /// Pairs with a score (not NaN) so far.
  long allowed;
  /// Columns written to `offered` so far in this row.
  long offers;
  /// Entries in the selection's buffer, and its size.
  long count;
  long capacity;
  /// Pairs below it from where a call resumes have had all but the
  /// threshold's append and the grid's test (0 when none).
  long pending_end;
  /// Out: why the last call stopped (0: the end of the segment).
  int stop;
} mm_prune_state;

/// mm_prune_state.stop: the selection's buffer is full (keep its best, then
/// call again), and/or a score reached below the grid threshold.
#define MM_PRUNE_FULL 1
#define MM_PRUNE_GRID 2

/// The pruning pass's walk over columns `begin..<end` of one row, as
/// CandidatePruning's Swift loop: per pair `value = sign · s − prices[j]`,
/// `eligible = s − (prices[j] − prices[j])`, the range kept as two maxima
/// of the form `x > m ? x : m`, the running best likewise, the column's
/// screen `value − best ≥ floor_key[j]` (columns listed in `offered`; the
/// AVX2 version screens against a lane's best, at most the running best, so
/// it may list a few columns more, never fewer), and `value > threshold`
/// appended to `keys`/`columns`. Returns where to resume: `end`, or earlier
/// when the buffer filled or a score passed the grid test (`stop`). No
/// multiply-add is fused; the AVX2 version (chosen at run time) gives the
/// same state bit for bit as mm_prune_row_portable.
long mm_prune_row(
  long begin, long end, const double *row, const double *prices, const double *floor_key, double *keys,
  long *columns, long *offered, mm_prune_state *state);
long mm_prune_row_portable(
  long begin, long end, const double *row, const double *prices, const double *floor_key, double *keys,
  long *columns, long *offered, mm_prune_state *state);

/// The level pruning's first pass over one row of ranks (LevelPruning,
/// LevelScores: bytes below 64, 255 forbidden): `counts[r]` set to the
/// number of bytes equal to `r` for `r` in `0..<levels` (`levels` in
/// `1...64`); returns their sum (bytes of `levels` or more are not counted).
/// AVX2 chosen at run time, the same counts as the portable walk.
///
/// Complexity: O(`n`); the AVX2 walk makes one compare per rank and 32 bytes.
long mm_level_histogram(long n, const uint8_t *row, long levels, uint32_t *counts);
long mm_level_histogram_portable(long n, const uint8_t *row, long levels, uint32_t *counts);

/// The level pruning's column counts for one row whose best rank is `best`
/// (`0...63`): `acc[d * stride + j] += 1` (wrapping bytes) for each column
/// `j` with `row[j] == best − d`, `d` in `0...best`; bytes above `best`
/// (forbidden ones too) add nothing. `acc` holds `best + 1` rows of
/// `stride >= n` bytes; a caller adding more than 255 rows empties the
/// counters first. AVX2 chosen at run time, the same counters as the
/// portable walk.
///
/// Complexity: O(`n`), with one compare, load and store per regret and 32
/// bytes in the AVX2 walk (chosen below 16 regrets).
void mm_level_regrets(long n, const uint8_t *row, long best, uint8_t *acc, long stride);
void mm_level_regrets_portable(long n, const uint8_t *row, long best, uint8_t *acc, long stride);

/// A row's best columns in the level pruning's second pass: walks the
/// columns from `first` to `n − 1` and then from 0 to `first − 1` (their
/// position `0..<n` in that order), passing over forbidden pairs and columns
/// whose `shut` byte is 0xFF (the others' are 0); a column of rank above
/// `threshold` is listed, one of rank `threshold` while fewer than `need`
/// of those are; the walk stops once `wanted` are listed. Writes the listed
/// columns and their positions in walk order (room for `wanted` each) and
/// returns their number (0 when `wanted <= 0`). `threshold` is −1 when the
/// row lists every open allowed column. AVX2 chosen at run time, the same
/// list as the portable walk.
///
/// Complexity: O(`n`).
long mm_level_picks(
  long n, const uint8_t *row, const uint8_t *shut, long first, long threshold, long need, long wanted,
  int32_t *columns, int32_t *positions);
long mm_level_picks_portable(
  long n, const uint8_t *row, const uint8_t *shut, long first, long threshold, long need, long wanted,
  int32_t *columns, int32_t *positions);

/// The columns `j` in `0..<n`, ascending, of an allowed pair of rank at
/// least `floor` (at least 0 when `floor` is lower) whose `shut` byte is 0
/// (0xFF passes over the column): written to `columns` (room for `n`), their
/// number returned. AVX2 chosen at run time, the same list as the portable
/// walk.
///
/// Complexity: O(`n`).
long mm_level_offers(long n, const uint8_t *row, const uint8_t *shut, long floor, int32_t *columns);
long mm_level_offers_portable(long n, const uint8_t *row, const uint8_t *shut, long floor, int32_t *columns);

/// One row of the level pricing pass's walk (LevelPricing): for each column
/// `j` in `0..<n`, `slack = units[row[j]] + prices[j]` (one addition;
/// `units` holds 256 entries, +∞ for the ranks a row cannot have and for
/// forbidden, 255); the pairs with `slack < margin` (NaN never is) and
/// `listed[j] != row_id` are written in column order to `below` and
/// `below_slack` (room for `n` each), and their number returned. AVX2 chosen
/// at run time, the same pairs and slacks, bit for bit, as the portable walk.
///
/// Complexity: O(`n`).
long mm_level_price_row(
  long n, const uint8_t *row, const double *units, const double *prices, const long *listed, long row_id,
  double margin, long *below, double *below_slack);
long mm_level_price_row_portable(
  long n, const uint8_t *row, const double *units, const double *prices, const long *listed, long row_id,
  double margin, long *below, double *below_slack);

/// Asks the processor to fetch the cache line holding `address` for a read
/// soon (a software prefetch: no effect on any result, never faults, even on
/// an address outside any allocation). Lets the callers overlap the cache
/// misses of reads they will make one after the other.
static inline void mm_prefetch_read(const void *address) { __builtin_prefetch(address, 0, 3); }

/// What mm_level_run read: where it stopped (the line's end when
/// `finished`, else the first byte of the cell after the last one read, or
/// of the cell that is not a level), the cells read, and whether the last
/// cell read ends the line.
typedef struct {
  long index;
  long read;
  int finished;
} mm_level_run_result;

/// The cells of one level run read from `base[start..<end]` (a line's
/// content from the run's first cell on; cells end at commas, the last at
/// `end`), at most `count` of them, while each is empty (`empty` is
/// written) or the one- or three-byte form of a level from 0 to 5 (`d` as
/// `tenths[10 d]`, `d.d` as `tenths[10 d + d]`; `tenths` holds 51 values):
/// the values go to `values[0..<read]`, and the offset of the cell after
/// each cell read to `starts[0..<read]` (for a cell that ends the line,
/// `end + 1`). Never reads a byte outside `base[start..<end]`, nor writes
/// past `values[read - 1]` or `starts[read - 1]`. The AVX2 version (chosen
/// at run time: 32 offsets classified at once from four unaligned loads,
/// the cells written from the mask of their commas; the line's last bytes
/// copied to a padded buffer) gives the same results as
/// mm_level_run_portable, which steps from cell to cell.
///
/// Complexity: O(read + 1) cells, O(bytes read / 32 + 1) windows.
mm_level_run_result mm_level_run(
  const uint8_t *base, long start, long end, long count, double *values, double empty, const double *tenths,
  long *starts);
mm_level_run_result mm_level_run_portable(
  const uint8_t *base, long start, long end, long count, double *values, double empty, const double *tenths,
  long *starts);

/// What mm_line_cells found: where it stopped, the line's cell count so
/// far, how it stopped (`stop`: 1 when cell `target` starts at `index`, 0
/// at the line's end, `index` = `end`; −1 at a quote or carriage return at
/// `index`), and whether every byte it looked at is ASCII (`ascii`).
typedef struct {
  long index;
  long cells;
  int stop;
  int ascii;
} mm_line_cells_result;

/// The cells of a plain line of a CSV file from `base[index]` (a cell's
/// first byte) up to `end` (the line's content ends there), in byte order:
/// each comma at `at` ends a cell, `starts[cells] = at + 1` is written when
/// `cells < last`, and `cells` grows by one; when `cells - 1 == target` (the
/// cell `target` starts) it stops after that comma. A quote or carriage
/// return stops it before any comma after it (`stop` −1). `ascii` covers the
/// bytes up to where it stopped (the comma or quote included). Never reads
/// a byte outside `base[index..<end]`, nor writes `starts[last]` or past.
/// The AVX2 version (chosen at run time: 32 bytes compared at once, the
/// starts written from the commas' mask; the last bytes copied to a zeroed
/// buffer) gives the same results and writes as mm_line_cells_portable, a
/// byte loop. `PlainLineCells.splitWithRuns` asks it for
/// the cells outside a cohort line's level runs.
///
/// Complexity: O(bytes read / 32 + commas) (AVX2), O(bytes read) (portable).
mm_line_cells_result mm_line_cells(
  const uint8_t *base, long index, long end, long *starts, long cells, long last, long target);
mm_line_cells_result mm_line_cells_portable(
  const uint8_t *base, long index, long end, long *starts, long cells, long last, long target);

/// Whether every byte of `base[0..<count]` is below 0x80 (1) or not (0);
/// `count` may be 0 (then 1, and `base` is not read). Reads no byte outside
/// the buffer. The AVX2 version (chosen at run time: four 32-byte loads
/// or-ed per 128 bytes, the rest by the portable version) answers as
/// mm_all_ascii_portable, which ors eight bytes at a time.
/// `InputFile.isASCII` asks it for a whole input file.
///
/// Complexity: O(`count`), 128 bytes per step (AVX2) or 8 (portable).
int mm_all_ascii(const uint8_t *base, long count);
int mm_all_ascii_portable(const uint8_t *base, long count);

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
