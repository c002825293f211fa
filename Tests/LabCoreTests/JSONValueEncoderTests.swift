import Foundation
import LabCore
import Testing

/// ``JSONValueEncoder`` gives what `JSONEncoder` gives once its text is parsed back.
struct JSONValueEncoderTests {
  /// A wire-like type with every shape the server's answers use.
  struct Sample: Codable {
    enum Status: String, Codable { case realized, exited }
    struct Page: Codable {
      var totalCount: Int
      var next: String?
    }
    var id: String
    var entity: JSONValue
    var statuses: [Status]
    var counts: [String: Int64]
    var byNumber: [Int: Bool]
    var ratio: Double
    var small: Float
    var unsigned: UInt8
    var missing: String?
    var page: Page
    var nested: [[JSONValue]]
    var data: Data
    var url: URL
    var date: Date
  }

  /// A class that writes its parent's members under `super`, as synthesized subclasses do.
  class Base: Encodable {
    var name = "base"
  }

  final class Derived: Base {
    var extra = 2
    enum Keys: String, CodingKey { case extra }
    override func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: Keys.self)
      try container.encode(extra, forKey: .extra)
      try super.encode(to: container.superEncoder())
    }
  }

  /// The reference: `JSONEncoder`'s text, parsed.
  func viaText(_ value: some Encodable) throws -> JSONValue {
    let data = try JSONEncoder().encode(value)
    return try data.withUnsafeBytes { try JSONParser.parse($0.bindMemory(to: UInt8.self)) }
  }

  @Test func everyShapeEncodesAsJSONEncoderWritesIt() throws {
    let sample = Sample(
      id: "a", entity: ["person": ["name": ["firstName": "Ana"]], "list": [1, 2.5, nil, true]],
      statuses: [.realized, .exited], counts: ["x": 3, "y": -4], byNumber: [1: true, 20: false],
      ratio: 0.25, small: 1.5, unsigned: 7, missing: nil, page: .init(totalCount: 2, next: nil),
      nested: [[], ["x", 1]], data: Data([0, 1, 2, 250]),
      url: try #require(URL(string: "https://example.com/a?b=c")),
      date: Date(timeIntervalSinceReferenceDate: 12.5))
    let direct = try JSONValueEncoder().encode(sample)
    #expect(direct == (try viaText(sample)))
    #expect(direct["missing"] == nil, "a nil optional is left out, not written as null")
    #expect(direct["byNumber"]?["20"] == .bool(false))
  }

  @Test func topLevelValuesAndSubclassesMatch() throws {
    #expect(try JSONValueEncoder().encode("text") == .string("text"))
    #expect(try JSONValueEncoder().encode([1, 2]) == (try viaText([1, 2])))
    #expect(try JSONValueEncoder().encode(Derived()) == (try viaText(Derived())))
    #expect(try JSONValueEncoder().encode([String: Int]()) == .object([:]))
    let json: JSONValue = ["a": [["b": nil]]]
    #expect(try JSONValueEncoder().encode(json) == json)
  }

  @Test func aNumberJSONCannotHoldIsAnError() {
    #expect(throws: EncodingError.self) { try JSONValueEncoder().encode(["x": Double.nan]) }
    #expect(throws: EncodingError.self) { try JSONValueEncoder().encode([Float.infinity]) }
  }
}
