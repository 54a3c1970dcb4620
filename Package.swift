// swift-tools-version: 6.1
//
// MentorMatch: exact, explainable mentor matching.
//
// Data flows one way: Interchange/Input reads cohort files into the
// CompetencyModel (Intake gathers one run's inputs and the Ledger's pairs),
// FitModel scores all pairs with BLAS (LinearAlgebra, the only importer of
// CLapack, and of CKernels' fused sparse-row C kernel), Assignment solves the capacitated problem
// (importing only CKernels' prefetch hint and the pruning and pricing passes' row walks), Rationale explains it,
// and Interchange/Output writes the plan, circles and reports (Interchange/Files
// holds what both ends share, and imports CKernels' level-run decoder for
// the cohort reader). The `mentor-match` executable parses, calls and prints.
//
// Defines:
// - MENTORMATCH_INVARIANTS (debug builds only): solver phases verify their
//   invariants (capacity, dual feasibility, complementary slackness) and trap
//   with a message when one breaks. Release builds skip these checks.
import PackageDescription

let invariants: [SwiftSetting] = [.define("MENTORMATCH_INVARIANTS", .when(configuration: .debug))]

let package = Package(
  name: "MentorMatch",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "mentor-match", targets: ["mentor-match"]),
    .library(name: "Assignment", targets: ["Assignment"]),
    .library(name: "CompetencyModel", targets: ["CompetencyModel"]),
    .library(name: "Interchange", targets: ["Interchange"]),
    .library(name: "Rationale", targets: ["Rationale"]),
    .library(name: "CohortGenerator", targets: ["CohortGenerator"]),
    .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
    .library(name: "Ledger", targets: ["Ledger"]),
    .library(name: "Circles", targets: ["Circles"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    .systemLibrary(name: "CLapack", path: "Sources/CLapack"),
    .target(name: "CKernels", path: "Sources/CKernels"),
    .target(name: "LinearAlgebra", dependencies: ["CLapack", "CKernels"]),
    .target(name: "Assignment", dependencies: ["CKernels"], swiftSettings: invariants),
    .target(name: "CompetencyModel", dependencies: ["LinearAlgebra"]),
    .target(name: "Rationale", dependencies: ["CompetencyModel", "Assignment", "LinearAlgebra"]),
    .target(name: "CohortGenerator", dependencies: ["CompetencyModel"]),
    .target(
      name: "Interchange",
      dependencies: [
        "CompetencyModel", "Assignment", "Rationale", "Circles", "CKernels", .product(name: "Yams", package: "Yams"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .target(name: "Circles", dependencies: ["CompetencyModel", "Assignment", "CohortGenerator"]),
    .target(
      name: "Ledger",
      dependencies: ["CompetencyModel", .product(name: "GRDB", package: "GRDB.swift")]),
    // Reading one run's inputs together: cohort, configuration, history, pair rules, ledger; outcomes for tuning.
    .target(name: "Intake", dependencies: ["CompetencyModel", "Interchange", "Ledger", "Rationale", "Circles", "Assignment"]),
    .executableTarget(
      name: "mentor-match",
      dependencies: [
        "Interchange", "CompetencyModel", "Assignment", "Rationale", "CohortGenerator", "Ledger", "Circles", "Intake",
        "LinearAlgebra", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // Release builds link the Swift runtime and Foundation statically: the
      // dynamic linker's symbol lookups were about a tenth of a tie `solve`
      // (Docs/performance.md, branch `ties3`). Debug builds and tests link them dynamically.
      swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
      linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]),
    // Match-quality measurement and the real-data cohort (tests and Benchmarks/quality; not in the CLI).
    .target(
      name: "MatchQuality",
      dependencies: [
        "CompetencyModel", "Assignment", "Rationale", "CohortGenerator",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .executableTarget(
      name: "quality-benchmark",
      dependencies: [
        "MatchQuality", "CompetencyModel", "CohortGenerator", "Interchange",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // The reference GEMM timing of Benchmarks/scale/run.sh (LinearAlgebra only).
    .executableTarget(name: "gemm-timing", dependencies: ["LinearAlgebra"], path: "Benchmarks/scale/GEMMTiming"),
    .target(
      name: "_TestSupport", dependencies: ["Assignment", "CohortGenerator", "CompetencyModel"],
      path: "Sources/_TestSupport"),
    .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", "_TestSupport", "CohortGenerator"]),
    .testTarget(
      name: "AssignmentTests", dependencies: ["Assignment", "_TestSupport", "CohortGenerator", "CKernels"],
      swiftSettings: invariants),
    .testTarget(name: "CompetencyModelTests", dependencies: ["CompetencyModel", "_TestSupport"]),
    .testTarget(name: "CohortGeneratorTests", dependencies: ["CohortGenerator", "CompetencyModel"]),
    .testTarget(
      name: "IntakeTests",
      dependencies: [
        "Intake", "_TestSupport", "CompetencyModel", "Interchange", "Ledger", "Rationale", "CohortGenerator",
      ]),
    .testTarget(
      name: "InterchangeTests",
      dependencies: [
        "Interchange", "_TestSupport", "Assignment", "CohortGenerator", "CompetencyModel", "Rationale", "CKernels",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .testTarget(
      name: "RationaleTests",
      dependencies: ["Rationale", "_TestSupport", "Assignment", "CohortGenerator", "CompetencyModel"]),
    .testTarget(
      name: "LedgerTests",
      dependencies: ["Ledger", "_TestSupport", "CompetencyModel", .product(name: "GRDB", package: "GRDB.swift")]),
    .testTarget(name: "CirclesTests", dependencies: ["Circles", "_TestSupport", "CohortGenerator", "CompetencyModel"]),
    .testTarget(
      name: "MatchQualityTests",
      dependencies: ["MatchQuality", "_TestSupport", "CohortGenerator", "CompetencyModel", "Rationale"]),
    .testTarget(
      name: "MentorMatchCLITests",
      dependencies: [
        "mentor-match", "_TestSupport", "Assignment", "CohortGenerator", "Interchange",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
  ]
)
