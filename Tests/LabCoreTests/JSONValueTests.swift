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

@Suite struct JSONStringEscapeTests {
  @Test func quotesBackslashesAndControlsAreEscapedAndTheRestKept() throws {
    let text = "a\"b\\c\nd\re\tf\u{01}\u{1F}é😀 PQL: person.name = \"Ana\""
    let written = JSONValue.string(text).serialized()
    #expect(
      written
        == #""a\"b\\c\nd\re\tf\u0001\u001fé😀 PQL: person.name = \"Ana\"""#)
    #expect(try JSONDecoder().decode(JSONValue.self, from: Data(written.utf8)) == .string(text))
  }
}
