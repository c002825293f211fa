import Identities
import Testing

@testable import Sandbox

/// Some rows' primary identities read from the stored parts, without decoding every row's.
struct PrimaryIdentityReadTests {
  @Test func chosenStringsOfAListReadAsTheWholeListWouldGiveThem() throws {
    var writer = ByteWriter()
    let strings = (0..<100).map { "value \($0) " + String(repeating: "x", count: $0 % 17) }
    writer.write(strings: strings)
    let bytes = writer.bytes
    #expect(ByteReader.strings(in: bytes, at: [0, 5, 5, 99]) == [0, 5, 5, 99].map { strings[$0] })
    #expect(ByteReader.strings(in: bytes, at: []) == [])
    #expect(ByteReader.strings(in: bytes, at: [100]) == nil, "past the end")
    #expect(ByteReader.strings(in: Array(bytes.dropLast()), at: [1]) == nil, "cut short")
  }

  @Test func aStoredStoreAndADeltaLaidOverItReadSomeRowsAsTheirWholeLists() throws {
    let rows = (0..<500).map { n in (graph: Int64(n * 2), id: "id-\(n)", city: "Leuven") }
    let base = try ProfileStorePatchTests.reread(ProfileStorePatchTests.store(rows))
    let wanted = [0, 1, 17, 250, 499]
    let all = base.primaryIdentities
    #expect(base.primaryIdentities(ofRows: wanted) == wanted.map { all[$0] })
    #expect(
      base.primaryIdentities(ofRows: wanted, withIDs: false).map(\.namespace)
        == wanted.map { all[$0].namespace })
    // Odd graphs slot in between the stored ones; every tenth stored row is replaced.
    let delta = ProfileStorePatchTests.store(
      (0..<50).map { n in (graph: Int64(n * 20 + 1), id: "new-\(n)", city: "Ghent") })
    let view = base.overlaid(dropping: Array(stride(from: 0, to: 500, by: 10)), with: delta).store
    let viewAll = view.primaryIdentities
    let some = Array(stride(from: 0, to: view.count, by: 7))
    #expect(view.primaryIdentities(ofRows: some) == some.map { viewAll[$0] })
    #expect(view.damage.part == nil)
  }
}
