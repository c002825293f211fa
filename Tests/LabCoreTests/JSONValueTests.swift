import Foundation
import Testing

@testable import LabCore

@Suite struct JSONValueTests {
  @Test func serializationSortsKeysAndKeepsIntegers() {
    let value: JSONValue = ["b": 1, "a": [true, nil, 2.5, "x\"y"]]
    #expect(value.serialized() == #"{"a":[true,null,2.5,"x\"y"],"b":1}"#)
  }

  @Test func decodingRoundTrips() throws {
    let text = #"{"person":{"name":{"firstName":"Ana"}},"n":3,"list":[1,"two",null]}"#
    let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    #expect(value[path: ["person", "name", "firstName"]] == "Ana")
    let again = try JSONDecoder().decode(JSONValue.self, from: Data(value.serialized().utf8))
    #expect(again == value)
  }
}
