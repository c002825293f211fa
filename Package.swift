// swift-tools-version: 6.1
import PackageDescription

/// Settings every aep-lab target shares: Swift 6 mode plus the upcoming features we opt into.
let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let argumentParser = Target.Dependency.product(
  name: "ArgumentParser", package: "swift-argument-parser")
let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let hummingbird = Target.Dependency.product(name: "Hummingbird", package: "hummingbird")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let mustache = Target.Dependency.product(name: "Mustache", package: "swift-mustache")
let nioCore = Target.Dependency.product(name: "NIOCore", package: "swift-nio")
let nioHTTP1 = Target.Dependency.product(name: "NIOHTTP1", package: "swift-nio")
let nioHTTPTypes = Target.Dependency.product(name: "NIOHTTPTypes", package: "swift-nio-extras")
let serviceLifecycle = Target.Dependency.product(
  name: "ServiceLifecycle", package: "swift-service-lifecycle")

/// A library target of ours: its folder's README.md is documentation, not a resource.
func library(_ name: String, _ dependencies: [Target.Dependency] = []) -> Target {
  .target(
    name: name, dependencies: dependencies, exclude: ["README.md"], swiftSettings: strictSettings)
}

/// A libFuzzer target in `Fuzz/<name>/` (its corpus is in `Fuzz/corpus/<name>/`).
func fuzzer(_ name: String) -> Target {
  .executableTarget(
    name: name, dependencies: ["FuzzTargets"], path: "Fuzz/\(name)",
    swiftSettings: strictSettings)
}

/// A test target for `name`, depending on it and on anything else it lists.
func tests(_ name: String, _ dependencies: [Target.Dependency] = [], exclude: [String] = [])
  -> Target
{
  .testTarget(
    name: "\(name)Tests", dependencies: [.target(name: name)] + dependencies, exclude: exclude,
    swiftSettings: strictSettings)
}

let package = Package(
  name: "aep-lab",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "aep-lab", targets: ["aep-lab"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    // `traits: []` keeps Hummingbird's trait flags out of the build plan (TOOLCHAIN P10).
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    // Already in the graph through Hummingbird; named for the connection timeouts, the HTTP
    // parser's errors and the graceful shutdown of requests in flight (LocalServer).
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
  ],
  targets: [
    // MARK: - System libraries
    .systemLibrary(
      name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),

    // MARK: - Engine (no I/O, never prints)
    library("LabCore"),
    library("Identities", ["LabCore"]),
    library("Profiles", ["LabCore", "Identities"]),
    library("PQL", ["LabCore"]),
    library("Segmentation", ["LabCore", "PQL", "Profiles"]),

    // MARK: - Application services
    library("Curriculum", ["LabCore", "Identities", "Profiles", "PQL", "Segmentation"]),
    library(
      "Persistence",
      [
        "LabCore", "Identities", "Profiles", "Segmentation", "Curriculum", grdb,
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]),
    library("PlatformAPI", ["LabCore", "CCurl"]),
    library(
      "Sandbox",
      [
        "LabCore", "Identities", "Profiles", "PQL", "Segmentation", "Persistence", "PlatformAPI",
      ]),

    // MARK: - Front ends
    library(
      "LocalServer",
      [
        "LabCore", "Identities", "Profiles", "PQL", "Segmentation", "Persistence", "PlatformAPI",
        "Sandbox", hummingbird, logging, mustache, nioCore, nioHTTP1, nioHTTPTypes,
        serviceLifecycle,
      ]),
    library(
      "CourseChecks",
      [
        "LabCore", "Identities", "Profiles", "PQL", "Segmentation", "Curriculum", "Persistence",
        "PlatformAPI", "Sandbox", "LocalServer", logging,
      ]),
    library(
      "LabCLI",
      [
        "LabCore", "Identities", "Profiles", "PQL", "Segmentation", "Curriculum", "Persistence",
        "PlatformAPI", "Sandbox", "LocalServer", "CourseChecks", argumentParser, logging,
      ]),
    .executableTarget(
      name: "aep-lab", dependencies: ["LabCLI", argumentParser], exclude: ["README.md"],
      swiftSettings: strictSettings),

    // MARK: - Fuzzing (built with libFuzzer by `Scripts/fuzz`; plain builds replay a corpus)
    .target(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),
    library(
      "FuzzTargets",
      ["LabCore", "Identities", "PQL", "Persistence", "PlatformAPI", "Sandbox", "CLibFuzzer"]),
    fuzzer("FuzzPQLParser"),
    fuzzer("FuzzPQLJSON"),
    fuzzer("FuzzJSONReader"),
    fuzzer("FuzzIngestLine"),
    fuzzer("FuzzRequestFile"),

    // MARK: - Benchmarks (run with `Benchmarks/run <name>`)
    .executableTarget(
      name: "IdentityBenchmark",
      dependencies: ["Sandbox", "Identities", "Persistence", "LabCore"],
      path: "Benchmarks/IdentityBenchmark", swiftSettings: strictSettings),
    .executableTarget(
      name: "PQLBenchmark", dependencies: ["PQL", "LabCore"], path: "Benchmarks/PQLBenchmark",
      swiftSettings: strictSettings),
    .executableTarget(
      name: "SegmentBenchmark",
      dependencies: ["Segmentation", "PQL", "Sandbox", "Persistence", "PlatformAPI", "LabCore"],
      path: "Benchmarks/SegmentBenchmark", exclude: ["duckdb_segments.py"],
      swiftSettings: strictSettings),

    // MARK: - Tests
    tests("LabCore"),
    tests("Persistence", ["Curriculum"]),
    tests("Curriculum", ["LabCore"]),
    tests(
      "LabCLI",
      [
        "Curriculum", "LabCore", "Persistence", "LocalServer", "PlatformAPI", "Sandbox", grdb,
        logging,
      ],
      exclude: ["Fixtures"]),
    tests("PlatformAPI"),
    tests(
      "CourseChecks",
      [
        "Curriculum", "Sandbox", "LabCore", "Persistence", "Identities", "PlatformAPI",
        "Segmentation",
      ]),
    tests(
      "LocalServer",
      [
        "PlatformAPI", "LabCore", "Identities", "Persistence", "Sandbox", "Profiles",
        "CourseChecks", "Curriculum", logging, serviceLifecycle,
      ]),
    tests("PQL", ["LabCLI", "LabCore"], exclude: ["Golden"]),
    tests("Segmentation", ["LabCore", "PQL"]),
    tests("Identities", ["LabCore"]),
    tests("Profiles", ["LabCore", "Identities"]),
    tests("FuzzTargets"),
    tests(
      "Sandbox",
      ["LabCore", "Identities", "Profiles", "Persistence", "PlatformAPI", "LabCLI"]),
  ]
)
