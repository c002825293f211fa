import LabCore

/// A condition on one XDM object (a profile or an event) that needs nothing else but `now`.
///
/// The third argument is the object's `timestamp` already parsed (an event's, from
/// ``PQLEventList``), or ``ObjectPredicateTime/unknown`` when the predicate must read it itself.
typealias ObjectPredicate = @Sendable ([String: JSONValue], Int64, Int64) -> Bool

/// The marker for "no pre-parsed timestamp" passed to an ``ObjectPredicate``.
enum ObjectPredicateTime {
  /// Not parsed: read the object's `timestamp` field.
  static let unknown = Int64.min
}

extension Compiler {
  /// Compiles a condition that reads only fields of the current object against constants into a
  /// closure over the object's JSON members, or `nil` when the condition needs more.
  ///
  /// This is the hot path of segment evaluation: `person.gender = "male"`, or the `WHAT` and
  /// `occurs` conditions tested once per event. It skips the context stack and builds no values.
  ///
  /// `isProfile` says the object is the profile itself, where `inSegment` reads its memberships.
  static func objectPredicate(_ node: Node, isProfile: Bool = false) -> ObjectPredicate? {
    let nested = { (node: Node) in objectPredicate(node, isProfile: isProfile) }
    switch node {
    case .constant(let value):
      let flag = value.isTruthy
      return { _, _, _ in flag }
    case .and(let given):
      // Pure tests, so their order is free: a test of the pre-parsed `timestamp` goes first, as
      // it is the cheapest and, with the usual short windows, rejects most events.
      let operands =
        given.filter(Self.readsTimestamp) + given.filter { !Self.readsTimestamp($0) }
      let predicates = operands.compactMap(nested)
      guard predicates.count == operands.count else { return nil }
      if predicates.count == 2 {
        let first = predicates[0]
        let second = predicates[1]
        return { members, now, time in first(members, now, time) && second(members, now, time) }
      }
      return { members, now, time in predicates.allSatisfy { $0(members, now, time) } }
    case .or(let operands):
      let predicates = operands.compactMap(nested)
      guard predicates.count == operands.count else { return nil }
      return { members, now, time in predicates.contains { $0(members, now, time) } }
    case .not(let operand):
      guard let predicate = nested(operand) else { return nil }
      return { members, now, time in !predicate(members, now, time) }
    case .compare(let op, .path(.context(0), let steps), .constant(let expected)):
      if op == .equal, case .string(let text) = expected {
        return { members, _, _ in
          switch JSONPath.lookup(members, steps) {
          case .missing: return false
          case .found(.string(let actual)): return actual == text
          case .found(let leaf): return Runtime.compare(op, PQLValue(json: leaf), expected)
          case .throughArray:
            return Runtime.compare(op, Runtime.walkJSON(.object(members), steps, from: 0), expected)
          }
        }
      }
      return { members, _, _ in Runtime.compare(op, value(members, steps), expected) }
    case .membership(.path(.context(0), let steps), .constant(let list), let negated):
      return { members, _, _ in Runtime.membership(value(members, steps), list, negated: negated) }
    case .occurs(.path(.context(0), let steps), let spec):
      guard !Occurs.needsFrame(spec) else { return nil }
      let test = Occurs.compile(spec)
      let isTimestamp = steps == ["timestamp"]
      return { members, now, time in
        if isTimestamp, time != ObjectPredicateTime.unknown { return test(time, now, nil) }
        switch JSONPath.lookup(members, steps) {
        case .missing: return false
        case .found(.string(let text)):
          guard let instant = CivilCalendar.instant(text) else { return false }
          return test(instant, now, nil)
        case .found, .throughArray:
          return Occurs.holds(value(members, steps), now, nil, test)
        }
      }
    case .call(.inSegment, let arguments):
      guard isProfile, case .constant(.string(let id)) = arguments[0] else { return nil }
      let path = ["segmentMembership", "ups", id, "status"]
      return { members, _, _ in
        guard case .found(.string(let status)) = JSONPath.lookup(members, path) else {
          return false
        }
        return status == "realized" || status == "existing"
      }
    case .call(let builtin, let arguments):
      return objectPredicate(builtin, arguments)
    default:
      return nil
    }
  }

  private static func objectPredicate(_ builtin: Builtin, _ arguments: [Node]) -> ObjectPredicate? {
    guard case .path(.context(0), let steps)? = arguments.first else { return nil }
    switch builtin {
    case .isNull, .isNotNull:
      let wantNull = builtin == .isNull
      return { members, _, _ in value(members, steps).isNull == wantNull }
    case .startsWith, .doesNotStartWith, .endsWith, .doesNotEndWith, .contains, .doesNotContain,
      .equals, .notEqualTo:
      guard case .constant(let argument) = arguments[1] else { return nil }
      var caseSensitive = true
      if arguments.count == 3 {
        guard case .constant(.boolean(let flag)) = arguments[2] else { return nil }
        caseSensitive = flag
      }
      guard let text = Runtime.text(argument) else { return { _, _, _ in false } }
      let needle = StringNeedle(text, caseSensitive: caseSensitive)
      return { members, _, _ in StringFunctions.predicate(builtin, value(members, steps), needle) }
    default:
      return nil
    }
  }

  /// Whether the node is `timestamp occurs …` on the current object.
  static func readsTimestamp(_ node: Node) -> Bool {
    if case .occurs(.path(.context(0), let steps), _) = node { return steps == ["timestamp"] }
    return false
  }

  /// The value at `steps` in an object's members.
  @inline(__always)
  static func value(_ members: [String: JSONValue], _ steps: [String]) -> PQLValue {
    switch JSONPath.lookup(members, steps) {
    case .missing: return .null
    case .found(let leaf): return PQLValue(json: leaf)
    case .throughArray: return Runtime.walkJSON(.object(members), steps, from: 0)
    }
  }
}
