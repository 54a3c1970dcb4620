extension CertifiedAssignment.Certificate {
  /// What a verified dense b-matching certificate covered, in the terms the
  /// plan reports use: every allowed pair checked once against the duals in
  /// one round, optimal to within `resolution` (the certificate's tolerance).
  ///
  /// - Complexity: O(1).
  public init(bMatchingAllowedPairs allowedPairs: Int, columns: Int, resolution: Double) {
    self.init(
      pairsChecked: allowedPairs, allowedPairs: allowedPairs, candidatesPerRow: columns,
      finalCandidatePairs: allowedPairs, violationsPerRound: [0])
    self.resolution = resolution
    exact = resolution == 0
  }
}
