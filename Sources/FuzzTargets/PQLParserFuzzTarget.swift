import LabCore
import PQL

/// PQL text through the lexer, parser, checker and compiler; what compiles is evaluated and
/// converted to `pql/json`, which must convert back.
public enum PQLParserFuzzTarget {
  /// A small profile and events to evaluate against.
  static let profile: JSONValue = [
    "person": ["name": ["firstName": "Ana"], "gender": "female", "birthYear": 1990],
    "homeAddress": ["city": "Antwerp"], "loyalty": ["points": 1200],
  ]
  /// Two events.
  static let events = PQLEventList([
    ["timestamp": "2026-05-01T10:00:00Z", "eventType": "web.webpagedetails.pageViews"],
    ["timestamp": "2026-05-02T10:00:00Z", "eventType": "commerce.purchases"],
  ])

  /// Runs one input.
  public static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let text = FuzzOracle.text(bytes, limit: 16 * 1024),
      let query = try? PQLQuery(text)
    else { return }
    _ = query.evaluate(
      profile: profile, events: events, now: PQLDateTime(millisecondsSinceEpoch: 1_780_000_000_000))
    // The converter (`pql convert`, POST /segment/conversion) may refuse a text, but what it
    // writes must convert back.
    guard let tree = try? PQLJSON.encode(text) else { return }
    do {
      _ = try PQLJSON.decode(.string(tree.serialized()))
    } catch {
      FuzzOracle.require(
        false, "'\(text)' converts to pql/json that does not convert back: \(error)")
    }
  }
}
