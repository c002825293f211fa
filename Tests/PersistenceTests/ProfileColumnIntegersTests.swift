import Foundation
import Testing

@testable import Persistence

/// Integer parts of the profile store read straight into arrays, and refused when they do
/// not fit.
struct ProfileColumnIntegersTests {
  @Test func integerPartsReadBackOnlyWholeAndOfTheirWriting() throws {
    let store = SandboxStore(database: try LabDatabase.inMemory())
    let times: [Int64] = (0..<300_000).map { $0 * 1_000 - 7 }
    try store.save(
      profileColumns: StoredProfileColumns(
        policyID: "p", stamp: "s", header: Data([1]),
        parts: [
          "eventTimes": times.withUnsafeBytes { Data($0) }, "odd": Data([1, 2, 3]),
          "empty": Data(),
        ],
        dirtyGraphIDs: []))
    let generation = try #require(try store.profileColumns(policyID: "p", parts: [])?.generation)
    #expect(
      try store.profileColumnIntegers(
        Int64.self, policyID: "p", generation: generation, name: "eventTimes") == times)
    #expect(
      try store.profileColumnIntegers(
        UInt32.self, policyID: "p", generation: generation, name: "eventTimes")?.count == 600_000)
    #expect(
      try store.profileColumnIntegers(
        UInt32.self, policyID: "p", generation: generation, name: "odd")
        == nil, "3 bytes are no whole number of 4-byte integers")
    #expect(
      try store.profileColumnIntegers(
        Int64.self, policyID: "p", generation: generation, name: "empty") == [])
    #expect(
      try store.profileColumnIntegers(
        Int64.self, policyID: "p", generation: "another", name: "eventTimes") == nil)
    #expect(
      try store.profileColumnIntegers(Int64.self, policyID: "p", generation: generation, name: "x")
        == nil)
  }
}
