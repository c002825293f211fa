import Foundation
import LabCore

/// A parsed, checked and compiled PQL expression, ready to evaluate against many profiles.
///
/// Compiling finds every error before any data is read and turns the expression into closures,
/// so evaluation never re-reads text. A query is immutable and safe to share between threads.
///
/// For example:
///
/// ```swift
/// let query = try PQLQuery(#"homeAddress.countryCode = "US" and loyalty.points > 1000"#)
/// query.matches(profile: profile, events: events, now: now)      // true or false
/// query.evaluate(profile: profile, events: events, now: now).json // the raw value
/// ```
///
/// - Throws: ``PQLDiagnostic`` with its kind, message, line and column.
public struct PQLQuery: Sendable {
  /// The expression as written.
  public let text: String
  let syntax: Syntax
  let node: Node
  private let program: Code
  private let condition: Predicate
  /// The whole query as a condition on the profile's fields alone, when it is that simple.
  private let profilePredicate: ObjectPredicate?
  private let slotCount: Int

  /// Parses, checks and compiles `text`.
  public init(_ text: String) throws(PQLDiagnostic) {
    let syntax = try Parser.parse(text)
    try self.init(syntax: syntax, text: text)
  }

  init(syntax: Syntax, text: String) throws(PQLDiagnostic) {
    var checker = Checker(source: text)
    let (node, _) = try checker.checkRoot(syntax)
    self.init(text: text, syntax: syntax, node: node, slotCount: checker.slotCount)
  }

  private init(text: String, syntax: Syntax, node: Node, slotCount: Int) {
    self.text = text
    self.syntax = syntax
    self.node = node
    self.slotCount = slotCount
    profilePredicate = Compiler.objectPredicate(node, isProfile: true)
    // A bare `select … where …` is a whole segment definition: true when it selects anything.
    if case .quantified(.select, _) = node {
      let predicate = Compiler.compileCondition(node)
      program = { frame in .boolean(predicate(frame)) }
      condition = predicate
    } else {
      program = Compiler.compile(node)
      condition = Compiler.compileCondition(node)
    }
  }

  /// Parses, checks and compiles `text` (the same as ``init(_:)``).
  public static func compile(_ text: String) throws(PQLDiagnostic) -> PQLQuery {
    try PQLQuery(text)
  }

  /// The value of the expression for one profile and its events at `now`.
  public func evaluate(profile: JSONValue, events: [JSONValue] = [], now: Date) -> PQLValue {
    evaluate(profile: profile, events: PQLEventList(events), now: PQLDateTime(now))
  }

  /// The value of the expression for one profile and its prepared events at `now`.
  public func evaluate(profile: JSONValue, events: PQLEventList, now: PQLDateTime) -> PQLValue {
    program(makeFrame(profile, events, now))
  }

  /// Whether the profile qualifies: the value as a condition (true, or a non-empty list).
  public func matches(profile: JSONValue, events: [JSONValue] = [], now: Date) -> Bool {
    matches(profile: profile, events: PQLEventList(events), now: PQLDateTime(now))
  }

  /// Whether the profile qualifies, with events prepared once for several queries.
  public func matches(profile: JSONValue, events: PQLEventList, now: PQLDateTime) -> Bool {
    if let profilePredicate, case .object(let members) = profile {
      return profilePredicate(members, now.millisecondsSinceEpoch, ObjectPredicateTime.unknown)
    }
    return condition(makeFrame(profile, events, now))
  }

  private func makeFrame(_ profile: JSONValue, _ events: PQLEventList, _ now: PQLDateTime) -> Frame
  {
    Frame(
      profile: profile, events: events, now: now.millisecondsSinceEpoch, slotCount: slotCount
    )
  }
}
