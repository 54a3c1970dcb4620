// swift-tools-version: 6.1
//
// MentorMatch benchmarks (ordo-one/benchmark). A separate package so that the
// main package's build and tests never compile the benchmark harness.
// Run from this folder: swift package --allow-writing-to-package-directory benchmark
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, whatever the clone is called.
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

let package = Package(
  name: "MentorMatchBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: []
)

/// Each suite is an executable target under Benchmarks/<Suite>/<Suite>.swift.
for (suite, products) in [
  ("Scoring", ["CompetencyModel", "CohortGenerator", "Rationale"]),
  ("DenseSolve", ["Assignment", "CohortGenerator"]),
  ("WarmResolve", ["Assignment", "CompetencyModel", "CohortGenerator", "Rationale"]),
  ("CertifiedMatch", ["CompetencyModel", "CohortGenerator", "Rationale"]),
  ("FileThroughput", ["Assignment", "CompetencyModel", "CohortGenerator", "Interchange", "Rationale"]),
] {
  package.targets.append(
    .executableTarget(
      name: suite,
      dependencies: [.product(name: "Benchmark", package: "benchmark")]
        + products.map { .product(name: $0, package: root) },
      path: "Benchmarks/\(suite)",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ))
}
