internal import CKernels

/// What a fused sparse-row product adds to each entry of one output row
/// before its one store: a term looked up by the column's category, plus a
/// weight when the column's group is known and differs from the row's.
///
/// Entry `j` of the row becomes `chain + table[categories[j]]` when `group`
/// is negative, else `chain + (table[categories[j]] + (groups[j] >= 0 &&
/// groups[j] != group ? groupWeight : 0))`: the same two additions, in the
/// same order, as adding the looked-up terms to a stored row afterwards, so
/// the same bits, with no second pass over the row.
///
/// A view of memory its maker keeps alive for the product's duration (a
/// row's addend is asked for inside the maker's `withUnsafe…` scope).
///
/// Invariants: `categories` and `groups` hold one entry per column of the
/// product; `table` holds an entry for every category `categories` names.
public struct FusedRowAddend {
  /// The terms by column category, for this row (already offset to the row's category).
  public let table: UnsafePointer<Double>
  /// Each column's category, an index into `table`.
  public let categories: UnsafePointer<Int32>
  /// Each column's group, negative when unknown.
  public let groups: UnsafePointer<Int32>
  /// The row's group, negative when unknown (then no column gets the weight).
  public let group: Int32
  /// What a column of another known group adds.
  public let groupWeight: Double

  /// An addend over the given tables; see the type's invariants.
  public init(
    table: UnsafePointer<Double>, categories: UnsafePointer<Int32>, groups: UnsafePointer<Int32>, group: Int32,
    groupWeight: Double
  ) {
    self.table = table
    self.categories = categories
    self.groups = groups
    self.group = group
    self.groupWeight = groupWeight
  }

  /// The C kernel's view of this addend.
  var kernelAddend: mm_row_addend {
    mm_row_addend(
      table: table, category: categories, group: groups, row_group: group, group_weight: groupWeight)
  }
}
