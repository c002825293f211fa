import LabCore
import Testing

@testable import PQL

/// Everything `pql convert --to json` writes converts back (issue 14, case 12): over every valid
/// golden expression and over generated ones, text → pql/json → text → pql/json is stable and
/// the text compiles.
@Suite struct PQLJSONRoundTripPropertyTests {
  /// Checks one expression; returns a failure description, or nil.
  static func roundTripFailure(_ text: String) -> String? {
    guard let tree = try? PQLJSON.encode(text) else { return nil }
    let decoded: String
    do {
      decoded = try PQLJSON.decode(tree)
    } catch {
      return "\(text)\n  decode failed: \(error)"
    }
    do {
      let again = try PQLJSON.encode(decoded)
      if again != tree { return "\(text)\n  decoded as \(decoded), whose tree differs" }
      let fromString = try PQLJSON.decode(.string(tree.serialized()))
      if fromString != decoded { return "\(text)\n  the string form decodes differently" }
    } catch {
      return "\(text)\n  decoded as \(decoded), which fails: \(error)"
    }
    return nil
  }

  @Test func everyValidGoldenExpressionRoundTrips() {
    let failures = GoldenCase.all().filter { $0.expectedError == nil }.compactMap {
      Self.roundTripFailure($0.expression)
    }
    #expect(
      failures.isEmpty,
      "\(failures.count) failures:\n\(failures.prefix(10).joined(separator: "\n"))")
  }

  @Test func generatedExpressionsRoundTrip() {
    var generator = ExpressionGenerator(seed: 14)
    var failures: [String] = []
    var compiled = 0
    for _ in 0..<3000 {
      let text = generator.condition(depth: 3)
      if (try? PQLQuery(text)) != nil { compiled += 1 }
      if let failure = Self.roundTripFailure(text) { failures.append(failure) }
    }
    #expect(compiled > 1000)
    #expect(
      failures.isEmpty,
      "\(failures.count) failures:\n\(failures.prefix(10).joined(separator: "\n"))")
  }
}

/// Random PQL text over the grammar's constructs, deterministic from a seed.
struct ExpressionGenerator {
  private var random: SplitMix64

  init(seed: UInt64) { random = SplitMix64(state: seed) }

  private mutating func pick<T>(_ items: [T]) -> T {
    items[Int(random.next() % UInt64(items.count))]
  }
  private mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

  mutating func path() -> String {
    pick([
      "person.name.firstName", "homeAddress.city", "loyalty.points", "person.birthYear", "a.b",
      "_lab.score", "personalEmail.address", "x",
    ])
  }

  mutating func string() -> String {
    pick([
      #""US""#, #""""#, #""a\"b""#, #""back\\slash""#, #""tab\tnew\nline""#, #""%es%""#,
      #""é☃😀""#, #""\u0001""#, #""(?i)^ja""#,
    ])
  }

  mutating func number() -> String {
    pick([
      "0", "1", "-1", "42", "2.5", "-0.125", "1000000", "0.1", "9007199254740993", "-2147483648",
      "1.0E10", "123456789.25",
    ])
  }

  mutating func value(depth: Int) -> String {
    if depth <= 0 || chance(50) {
      return pick([path(), string(), number(), "true", "false", "null", "now", "today"])
    }
    switch random.next() % 8 {
    case 0: return "\(value(depth: depth - 1)) + \(value(depth: depth - 1))"
    case 1: return "(\(value(depth: depth - 1)) - \(value(depth: depth - 1))) * \(number())"
    case 2: return "-\(pick(["(", ""]))\(path())\(pick([")", ""]) == ")" ? ")" : "")"
    case 3: return "[\(value(depth: depth - 1)), \(value(depth: depth - 1))]"
    case 4: return "\(path()).\(pick(["lowerCase()", "upperCase()", "trim()", "length()"]))"
    case 5: return "xEvent[\(condition(depth: depth - 1))].count()"
    case 6:
      return
        "if(\(condition(depth: depth - 1)), \(value(depth: depth - 1)), \(value(depth: depth - 1)))"
    default: return "{\"k\": \(value(depth: depth - 1))}.k"
    }
  }

  mutating func condition(depth: Int) -> String {
    if depth <= 0 || chance(30) {
      switch random.next() % 7 {
      case 0:
        return
          "\(path()) \(pick(["=", "!=", "<", "<=", ">", ">="])) \(pick([number(), string(), path()]))"
      case 1: return "\(path()) in [\(string()), \(string())]"
      case 2:
        return "\(path()).\(pick(["startsWith", "endsWith", "contains", "matches"]))(\(string()))"
      case 3: return "\(path()) like \(string())"
      case 4: return "\(path()).isNull()"
      case 5:
        return
          "timestamp occurs \(pick(["<= 7 days before now", "today", "last month", "between date(2021, 1, 1) and date(2021, 12, 31)"]))"
      default: return pick(["true", "false", #"inSegment("seg-1")"#])
      }
    }
    switch random.next() % 7 {
    case 0: return "\(condition(depth: depth - 1)) and \(condition(depth: depth - 1))"
    case 1:
      return
        "\(condition(depth: depth - 1)) or \(condition(depth: depth - 1)) or \(condition(depth: depth - 1))"
    case 2: return "not (\(condition(depth: depth - 1)))"
    case 3:
      return
        "(\(condition(depth: depth - 1)) or \(condition(depth: depth - 1))) and \(condition(depth: depth - 1))"
    case 4: return "xEvent[\(condition(depth: depth - 1))].count() > \(number())"
    case 5: return "exists E from xEvent where E.\(condition(depth: 0))"
    default: return "\(value(depth: depth - 1)) = \(value(depth: depth - 1))"
    }
  }
}
