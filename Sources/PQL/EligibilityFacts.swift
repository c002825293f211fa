/// What the classifier learns from one walk over a checked expression.
struct EligibilityFacts {
  var eventReferences = 0
  var unwindowedEvents = 0
  var segmentIDs: [String] = []
  var dynamicSegment = false
  var segmentOutsideConjunction = false

  static let day = CivilCalendar.millisecondsPerDay

  mutating func visit(_ node: Node, inConjunction: Bool) {
    switch node {
    case .events:
      eventReferences += 1
      unwindowedEvents += 1
    case .chain(_, _, let steps):
      eventReferences += 1
      if !steps.allSatisfy({ $0.when.map(Self.isWithinDay) ?? false }) { unwindowedEvents += 1 }
      for step in steps {
        visit(step.what, inConjunction: false)
        if let condition = step.condition { visit(condition, inConjunction: false) }
      }
    case .filter(.events, let condition):
      eventReferences += 1
      if !Self.hasDayWindow(condition) { unwindowedEvents += 1 }
      visit(condition, inConjunction: false)
    case .call(.inSegment, let arguments):
      if case .constant(.string(let id)) = arguments[0] {
        segmentIDs.append(id)
      } else {
        dynamicSegment = true
      }
      if !inConjunction { segmentOutsideConjunction = true }
    case .and(let operands):
      for operand in operands { visit(operand, inConjunction: inConjunction) }
    default:
      for child in Self.children(node) { visit(child, inConjunction: false) }
    }
  }

  /// Whether a condition holds an `occurs` window of at most a day, and no longer one.
  static func hasDayWindow(_ node: Node) -> Bool {
    var found = false
    var longer = false
    func scan(_ node: Node) {
      if case .occurs(_, let spec) = node {
        if isWithinDay(spec) { found = true } else { longer = true }
      }
      children(node).forEach(scan)
    }
    scan(node)
    return found && !longer
  }

  /// Whether an `occurs` spec covers at most 24 hours.
  static func isWithinDay(_ spec: OccursSpec<Node>) -> Bool {
    switch spec {
    case .on(let reference):
      switch reference {
      case .word, .expression: return true
      case .calendar(_, let unit): return (unit.fixedMilliseconds ?? .max) <= day
      }
    case .relative(let op, let amount, let unit, _, _):
      guard let length = unit.fixedMilliseconds else { return false }
      switch op {
      case .less, .lessOrEqual: return Int64(amount) * length <= day
      case .equal: return length <= day
      default: return false
      }
    case .direction: return false
    case .between(let first, let second):
      switch (first, second) {
      case (.word(let a), .word(let b)): return a == b && a != .now
      case (.expression(.constant(let a)), .expression(.constant(let b))):
        guard let start = Runtime.period(a)?.start, let end = Runtime.period(b)?.end else {
          return false
        }
        return end - start <= day
      default: return false
      }
    }
  }

  /// The direct sub-expressions of a node.
  static func children(_ node: Node) -> [Node] {
    switch node {
    case .constant, .context, .parameter, .variable, .events, .time: return []
    case .list(let items): return items
    case .object(let members): return members.map(\.value)
    case .path(let base, _): return [base]
    case .call(_, let arguments): return arguments
    case .lambda(_, let body): return [body]
    case .filter(let base, let condition): return [base, condition]
    case .negate(let operand), .not(let operand): return [operand]
    case .and(let operands), .or(let operands): return operands
    case .compare(_, let left, let right), .arithmetic(_, let left, let right),
      .like(let left, let right), .membership(let left, let right, _):
      return [left, right]
    case .matches(let subject, _): return [subject]
    case .regexGroup(let subject, _, let group): return [subject, group]
    case .occurs(let subject, _): return [subject]
    case .letIn(let bindings, let body): return bindings.map(\.value) + [body]
    case .quantified(_, let bindings):
      return bindings.flatMap { [$0.source] + ($0.condition.map { [$0] } ?? []) }
    case .sumOver(let body, let binding):
      return [body, binding.source] + (binding.condition.map { [$0] } ?? [])
    case .chain(let events, _, let steps):
      return [events] + steps.flatMap { [$0.what] + ($0.condition.map { [$0] } ?? []) }
    }
  }
}
