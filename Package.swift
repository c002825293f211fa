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

/// A library target of ours: its folder's README.md is documentation, not a resource.
func library(_ name: String, _ dependencies: [Target.Dependency] = []) -> Target {
  .target(
    name: name, dependencies: dependencies, exclude: ["README.md"], swiftSettings: strictSettings)
}

/// A test target for `name`, depending on it and on anything else it lists.
func tests(_ name: String, _ dependencies: [Target.Dependency] = []) -> Target {
  .testTarget(
    name: "\(name)Tests", dependencies: [.target(name: name)] + dependencies,
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
  ],
  targets: [
    // MARK: - Engine (no I/O, never prints)
    library("LabCore"),
    library("Identities", ["LabCore"]),
    library("Profiles", ["LabCore", "Identities"]),
    library("PQL", ["LabCore"]),
    library("Segmentation", ["LabCore", "PQL", "Profiles"]),

    // MARK: - Application services
    library("Curriculum", ["LabCore", "Identities", "Profiles", "PQL", "Segmentation"]),
    library(
      "Persistence", ["LabCore", "Identities", "Profiles", "Segmentation", "Curriculum", grdb]),
    library("PlatformAPI", ["LabCore"]),
    library(
      "Sandbox",
      [
        "LabCore", "Identities", "Profiles", "PQL", "Segmentation", "Persistence", "PlatformAPI",
      ]),

    // MARK: - Front ends
    library(
      "LabCLI",
      [
        "LabCore", "Identities", "Profiles", "PQL", "Segmentation", "Curriculum", "Persistence",
        "PlatformAPI", "Sandbox", argumentParser,
      ]),
    .executableTarget(
      name: "aep-lab", dependencies: ["LabCLI", argumentParser], exclude: ["README.md"],
      swiftSettings: strictSettings),

    // MARK: - Tests
    tests("LabCore"),
    tests("Persistence"),
    tests("Identities", ["LabCore"]),
    tests("Profiles", ["LabCore", "Identities"]),
    tests(
      "Sandbox",
      ["LabCore", "Identities", "Profiles", "Persistence", "PlatformAPI", "LabCLI"]),
  ]
)
