import LabCore
import Testing

@testable import PQL

@Suite struct FuzzTests {
  static let vocabulary: [String] = [
    "(", ")", "[", "]", "{", "}", ",", ".", ":", "=>", "=", "!=", "<", "<=", ">", ">=", "+", "-",
    "*", "/", "%", "^", "!", "and", "or", "not", "in", "notIn", "like", "occurs", "before",
    "after", "between", "on", "now", "today", "this", "last", "month", "days", "7", "1.5", "\"x\"",
    "\"%a_\"", "true", "false", "select", "exists", "forall", "from", "where", "let", "sum", "over",
    "chain", "WHAT", "WHEN", "COUNT", "WHERE", "xEvent", "timestamp", "person", "gender", "$1",
    "date(2025, 1, 2)", "count()", "startsWith(\"a\")", "matches(\"[\")", "inSegment(\"s\")",
    "X", "A:", "if", "map", "groupBy", "mapEntry", "\"", "\\", "'", "#", "é",
  ]

  static var seeds: [String] {
    GoldenCase.all().map(\.expression).filter { !$0.isEmpty }
  }

  @Test(.timeLimit(.minutes(2))) func randomTokenSequencesNeverCrashTheCompiler() {
    var random = SplitMix64(state: 0x5EED_0001)
    let (profile, events) = Self.inputs
    for _ in 0..<3000 {
      let length = Int.random(in: 1...24, using: &random)
      let text = (0..<length).map { _ in Self.vocabulary.randomElement(using: &random) ?? "" }
        .joined(separator: Bool.random(using: &random) ? " " : "")
      Self.exercise(text, profile, events)
    }
  }

  @Test(.timeLimit(.minutes(2))) func mutatedCorpusExpressionsNeverCrashTheCompiler() {
    var random = SplitMix64(state: 0x5EED_0002)
    let seeds = Self.seeds
    let (profile, events) = Self.inputs
    for _ in 0..<3000 {
      var scalars = Array((seeds.randomElement(using: &random) ?? "a").unicodeScalars)
      for _ in 0..<Int.random(in: 1...4, using: &random) {
        let position = Int.random(in: 0...scalars.count, using: &random)
        switch Int.random(in: 0..<4, using: &random) {
        case 0 where position < scalars.count: scalars.remove(at: position)
        case 1:
          let insert = Self.vocabulary.randomElement(using: &random) ?? ""
          scalars.insert(contentsOf: insert.unicodeScalars, at: position)
        case 2 where position < scalars.count:
          let other = Int.random(in: 0..<scalars.count, using: &random)
          scalars.swapAt(position, other)
        default:
          scalars = Array(scalars.prefix(position))
        }
      }
      var text = ""
      text.unicodeScalars.append(contentsOf: scalars)
      Self.exercise(text, profile, events)
    }
  }

  @Test func deeplyNestedInputIsRefusedNotOverflowed() {
    let cases = [
      String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000),
      String(repeating: "not ", count: 5000) + "true",
      String(repeating: "-", count: 5000) + "1",
      (0..<5000).map { _ in "1" }.joined(separator: " + "),
      String(repeating: "[", count: 5000),
      "person" + String(repeating: ".a", count: 8000),
      "xEvent" + String(repeating: "[true]", count: 8000) + ".count() > 0",
      "person.a" + String(repeating: ".b()", count: 8000),
    ]
    for text in cases {
      #expect(throws: PQLDiagnostic.self) { try PQLQuery(text) }
    }
  }

  @Test func aPathTooDeepNamesWhereTheLimitWasPassed() throws {
    let text = "person" + String(repeating: ".a", count: 300)
    let error = try #require(throws: PQLDiagnostic.self) { try PQLQuery(text) }
    #expect(error.kind == .parseError)
    #expect(error.message.hasPrefix("expression is nested too deeply"))
    #expect(error.line == 1 && error.column > 256 * 2)
  }

  @Test func longFlatAndOrChainsStayLegalAndEvaluate() throws {
    for count in [256, 5000, 15000] {
      let anyOf = (0..<count).map { "person.n = \($0)" }.joined(separator: " or ")
      let query = try PQLQuery(anyOf)
      let now = PQLDateTime(millisecondsSinceEpoch: 0)
      #expect(query.matches(profile: ["person": ["n": 17]], events: PQLEventList([]), now: now))
      #expect(!query.matches(profile: ["person": ["n": -1]], events: PQLEventList([]), now: now))
      let allOf = (0..<count).map { _ in "person.n > 0" }.joined(separator: " and ")
      #expect(
        try PQLQuery(allOf).matches(
          profile: ["person": ["n": 1]], events: PQLEventList([]), now: now))
    }
  }

  @Test func aLongFlatChainSurvivesPQLJSONBothWays() throws {
    let text = (0..<3000).map { "person.n = \($0)" }.joined(separator: " or ")
    let tree = try PQLJSON.encode(text)
    #expect(tree["params"]?.arrayValue?.count == 3000)
    let back = try PQLJSON.decode(tree)
    #expect(back == text)
  }

  @Test func aPQLJSONTreeTooDeepIsRefused() {
    var tree: JSONValue = ["nodeType": "literal", "literalType": "Boolean", "value": true]
    for _ in 0..<2000 { tree = ["nodeType": "fnApply", "fnName": "not", "params": [tree]] }
    let nested = tree
    #expect(throws: PQLDiagnostic.self) { try PQLQuery(json: nested) }
    #expect(throws: PQLDiagnostic.self) { try PQLJSON.decode(nested) }
  }

  static var inputs: (JSONValue, PQLEventList) {
    let profile = GoldenFixtures.shared.profiles["P0"] ?? [:]
    let events = PQLEventList(GoldenFixtures.shared.events["E0"] ?? [])
    return (profile, events)
  }

  /// Compiles the text; if it compiles, evaluates it, converts it to pql/json and back.
  static func exercise(_ text: String, _ profile: JSONValue, _ events: PQLEventList) {
    guard let query = try? PQLQuery(text) else { return }
    let now = PQLDateTime(millisecondsSinceEpoch: 1_750_248_000_000)
    let value = query.evaluate(profile: profile, events: events, now: now)
    _ = value.json
    // The fast paths of `matches` and the general evaluator must agree.
    #expect(query.matches(profile: profile, events: events, now: now) == value.isTruthy, "\(text)")
    _ = query.eligibility
    _ = try? PQLJSON.decode(PQLJSON.encode(query))
  }
}
