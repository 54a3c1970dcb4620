// swift-tools-version: 6.1
//
// libFuzzer targets for MentorMatch's readers, kept out of the main package so
// that a plain `swift build` / `swift test` never builds them. They only link
// when built with the sanitizer flags; `scripts/fuzz` builds and runs them:
//
//   swift build --package-path Fuzz -c debug -Xswiftc -sanitize=fuzzer,address --product FuzzCSV
//
// Each target's `main.swift` hands the command line to libFuzzer's
// `LLVMFuzzerRunDriver` (SwiftPM renames an executable's `main`, so
// libFuzzer's own `main` cannot be used) with a callback that is also
// exported as `LLVMFuzzerTestOneInput`. Seed corpora live in
// `Fuzz/corpus/<target>/` (see Docs/reliability.md).
import PackageDescription

let targets = ["FuzzCSV", "FuzzCohort", "FuzzConfiguration", "FuzzScoreTable", "FuzzCapacityTable", "FuzzOutcomes",
  "FuzzPeople", "FuzzMapping", "FuzzChoices", "FuzzApprovedPlan", "FuzzCircleHistory",
  "FuzzRematch",
]

let package = Package(
  name: "MentorMatchFuzz",
  platforms: [.macOS(.v13)],
  products: targets.map { .executable(name: $0, targets: [$0]) },
  dependencies: [.package(name: "MentorMatch", path: "..")],
  targets: [
    .target(name: "CFuzzer"),
    .target(
      name: "FuzzSupport",
      dependencies: [
        "CFuzzer", .product(name: "Interchange", package: "MentorMatch"),
        .product(name: "CompetencyModel", package: "MentorMatch"),
      ]),
  ]
    + targets.map {
      .executableTarget(
        name: $0,
        dependencies: [
          "FuzzSupport", .product(name: "Interchange", package: "MentorMatch"),
          .product(name: "CompetencyModel", package: "MentorMatch"),
        ])
    }
)
