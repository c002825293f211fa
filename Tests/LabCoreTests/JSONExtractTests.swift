import Testing

@testable import LabCore

/// `JSONParser.extract` agrees with `parse` on the fields it returns.
@Suite struct JSONExtractTests {
  /// A repeated object key on a path keeps only its last value, as with `parse`.
  @Test func aRepeatedParentKeyKeepsOnlyItsLastValueLikeParse() throws {
    let text = #"{"person": {"email": "old@example.com"}, "person": {"name": "x"}}"#
    let bytes = Array(text.utf8)
    let parsed = try bytes.withUnsafeBufferPointer { try JSONParser.parse($0) }
    let leaves = try bytes.withUnsafeBufferPointer {
      try JSONParser.extract($0, paths: JSONPathSet([["person", "email"]]))
    }
    #expect(parsed[path: ["person", "email"]] == nil)
    #expect(leaves?[0] == nil, "extract found \(String(describing: leaves?[0]))")
  }
}
