import PQL
import Testing

@testable import Sandbox

/// A store built in runs of graphs and joined reads as one built in one go.
struct ProfileStoreJoinTests {
  @Test(arguments: [[6_000], [2_500, 2_500, 1_000], [1, 4_999, 1_000], [3_000, 0, 3_000]])
  func piecesJoinedReadAsTheWhole(lengths: [Int]) throws {
    let cities = ["Leuven", "Ghent", "Namur", "Liège"]
    let rows = (0..<6_000).map { n in
      (graph: Int64(n), id: "id-\(n)", city: cities[(n * 7) % cities.count])
    }
    let whole = ProfileStorePatchTests.store(rows)
    var pieces: [ProfileColumnStore] = []
    var start = 0
    for length in lengths {
      pieces.append(ProfileStorePatchTests.store(Array(rows[start..<start + length])))
      start += length
    }
    let joined = ProfileColumnStore.joined(pieces)
    #expect(ProfileStoreComparison.differences(joined, whole) == [])
    let city = try #require(
      joined.columns.profileColumns.first { $0.path == ["homeAddress", "city"] })
    #expect(city.values.count == cities.count, "a short dictionary keeps each value once")
  }
}
