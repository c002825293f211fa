import Testing

@testable import LabCore

@Suite struct JSONParserTests {
  @Test func parsesEveryKindOfValue() throws {
    let value = try JSONParser.parse(
      #"{"a": [1, -2.5, 3e2, true, false, null], "b": {"c": "d"}, "e": ""}"#)
    #expect(value["a"] == [1, -2.5, 300, true, false, nil])
    #expect(value[path: ["b", "c"]] == "d")
    #expect(value["e"] == "")
  }

  @Test func decodesEscapesAndSurrogatePairs() throws {
    let value = try JSONParser.parse(#"["a\"b\\c\/\n\t", "\u00e9\ud83d\ude00", "ünï"]"#)
    #expect(value == ["a\"b\\c/\n\t", "é😀", "ünï"])
  }

  @Test func largeIntegersKeepTheirValue() throws {
    #expect(try JSONParser.parse("1700000000000") == .number(1_700_000_000_000))
    #expect(try JSONParser.parse("-0") == .number(0))
  }

  @Test(arguments: [
    "", "{", "[1,]", "{\"a\" 1}", "01", "\"abc", "tru", "{\"a\":1} x", "[1 2]", "\"\u{01}\"",
  ])
  func malformedDocumentsAreRefusedWithAnOffset(text: String) {
    #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
  }

  @Test func errorsSayWhereTheyAre() {
    do {
      _ = try JSONParser.parse("[1, x]")
      Issue.record("expected an error")
    } catch {
      #expect(error.offset == 4)
      #expect(error.description == "unexpected character 'x' at byte 5")
    }
  }

  @Test func roundTripsThroughSerialization() throws {
    let value: JSONValue = ["name": "Ana", "tags": ["x", "y"], "n": 3, "nested": ["ok": true]]
    #expect(try JSONParser.parse(value.serialized()) == value)
  }
}
