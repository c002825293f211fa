import Foundation
import Identities
import LabCore
import PQL
import Profiles
import Testing

@testable import Sandbox

/// Patching the store keeps every row's values, searches short dictionaries and drops the
/// values of replaced rows from long ones.
struct ProfileStorePatchTests {
  /// A store of one profile per row: graph, an `_id` and a city.
  static func store(_ rows: [(graph: Int64, id: String, city: String)]) -> ProfileColumnStore {
    var builder = ProfileColumnsBuilder()
    for row in rows {
      let identity = Identity(namespace: "Email", id: row.id)
      builder.add(
        key: row.graph, graphID: row.graph, identityIDs: [row.graph], namespaces: ["Email"],
        merged: MergedProfile(
          entity: ["_id": .string(row.id), "homeAddress": ["city": .string(row.city)]],
          primaryIdentity: identity, identities: [identity], sources: [], batches: [],
          lastModified: nil, fragmentCount: 1),
        events: [])
    }
    return builder.build()
  }

  /// Parts kept in memory, as the state file keeps them.
  struct MemoryParts: ProfileStoreParts {
    let parts: [String: Data]

    func data(_ name: String) -> Data? { parts[name] }

    func integers<T: FixedWidthInteger>(_ type: T.Type, _ name: String, count: Int?) -> [T]? {
      guard let data = parts[name], data.count % MemoryLayout<T>.size == 0 else { return nil }
      let values = data.withUnsafeBytes { Array($0.bindMemory(to: T.self)) }
      return count.map { values.count == $0 } ?? true ? values : nil
    }
  }

  /// `store` written and read back, its columns read from their parts on demand.
  static func reread(_ store: ProfileColumnStore) throws -> ProfileColumnStore {
    let (header, parts) = store.encoded()
    return try #require(ProfileColumnStore(header: header, parts: MemoryParts(parts: parts)))
  }

  @Test func aStoredLongDictionaryIsPatchedWithoutDecodingAndReadsBackTheSame() throws {
    let cities = ["Leuven", "Ghent", "Namur"]
    let rows = (0..<6_000).map { n in (graph: Int64(n), id: "id-\(n)", city: cities[n % 3]) }
    var expected = Dictionary(uniqueKeysWithValues: rows.map { ($0.graph, ($0.id, $0.city)) })
    var current = try Self.reread(Self.store(rows))
    for round in 1...5 {
      let changed = Array(stride(from: round % 3, to: 6_000, by: 3))
      let replacements = changed.map { n in
        (graph: Int64(n), id: "id-\(n)-\(round)", city: cities[(n + round) % 3])
      }
      for row in replacements { expected[row.graph] = (row.id, row.city) }
      let patched = current.replacing(rows: Set(changed), with: Self.store(replacements))
      #expect(
        patched.valueTexts[ProfileColumnStore.textKey("p", ["_id"])] != nil,
        "round \(round): the ids were not carried as text")
      // Written from the carried text (and the appended values), then read back.
      current = try Self.reread(patched)
      let ids = try #require(current.columns.profileColumns.first { $0.path == ["_id"] })
      let cityColumn = try #require(
        current.columns.profileColumns.first { $0.path == ["homeAddress", "city"] })
      for row in 0..<current.count {
        let want = try #require(expected[current.graphIDs[row]])
        #expect(ids.value(at: row) == .string(want.0))
        #expect(cityColumn.value(at: row) == .string(want.1))
      }
      #expect(ids.values.count <= 14_000, "round \(round): unused ids pile up")
      #expect(current.damage.part == nil)
    }
  }

  @Test func patchesKeepEveryRowsValuesAndDropWhatNoRowUses() throws {
    let cities = ["Leuven", "Ghent", "Namur"]
    let rows = (0..<6_000).map { n in (graph: Int64(n), id: "id-\(n)", city: cities[n % 3]) }
    var expected = Dictionary(uniqueKeysWithValues: rows.map { ($0.graph, ($0.id, $0.city)) })
    var current = Self.store(rows)
    for round in 1...5 {
      // A third of the profiles change their id and city; row n holds graph n throughout.
      let changed = Array(stride(from: round % 3, to: 6_000, by: 3))
      let replacements = changed.map { n in
        (graph: Int64(n), id: "id-\(n)-\(round)", city: cities[(n + round) % 3])
      }
      for row in replacements { expected[row.graph] = (row.id, row.city) }
      current = current.replacing(rows: Set(changed), with: Self.store(replacements))
      let ids = try #require(current.columns.profileColumns.first { $0.path == ["_id"] })
      let cityColumn = try #require(
        current.columns.profileColumns.first { $0.path == ["homeAddress", "city"] })
      #expect(current.count == 6_000)
      for row in 0..<current.count {
        let want = try #require(expected[current.graphIDs[row]])
        #expect(ids.value(at: row) == .string(want.0))
        #expect(cityColumn.value(at: row) == .string(want.1))
      }
      #expect(cityColumn.values.count == 3, "a short dictionary is searched, not repeated")
      #expect(ids.values.count <= 14_000, "round \(round): unused ids pile up")
    }
    let ids = try #require(current.columns.profileColumns.first { $0.path == ["_id"] })
    #expect(ids.values.count == 8_000, "compacted in round 4 to the 6,000 used, then 2,000 more")
  }
}
