/// Which evaluation methods an expression qualifies for, with the reason when it does not.
///
/// Follows the lab's classifier (spec §8): profile-only expressions and expressions whose events
/// are all inside windows of at most 24 hours qualify for batch, streaming and edge; `inSegment`
/// conjunctions for batch and edge (streaming only when every referenced audience is
/// profile-only); anything else is batch only. Streaming and edge also need a merge policy that is
/// active on edge, which the segmentation service checks.
///
/// For example:
///
/// ```swift
/// let query = try PQLQuery(#"homeAddress.country.equals("Canada", false)"#)
/// query.eligibility.streaming.isEligible  // true
/// ```
public struct PQLEligibility: Sendable, Hashable {
  /// Whether one method applies, and why not when it does not.
  public struct Verdict: Sendable, Hashable {
    /// Whether the expression qualifies.
    public var isEligible: Bool
    /// Why it does not (a sentence), or `nil` when it does.
    public var reason: String?

    static let eligible = Verdict(isEligible: true, reason: nil)

    static func ineligible(_ reason: String) -> Verdict {
      Verdict(isEligible: false, reason: reason)
    }
  }

  /// Batch evaluation: any valid expression.
  public var batch: Verdict
  /// Streaming (continuous) evaluation.
  public var streaming: Verdict
  /// Edge (synchronous) evaluation.
  public var edge: Verdict

  /// The methods that apply, in the order batch, streaming, edge.
  public var methods: [PQLEvaluationMethod] {
    [(PQLEvaluationMethod.batch, batch), (.streaming, streaming), (.edge, edge)]
      .filter { $0.1.isEligible }.map(\.0)
  }

  /// The verdict for one method.
  public func verdict(for method: PQLEvaluationMethod) -> Verdict {
    switch method {
    case .batch: return batch
    case .streaming: return streaming
    case .edge: return edge
    }
  }
}

/// A way the segmentation service evaluates an audience.
public enum PQLEvaluationMethod: String, Sendable, Hashable, CaseIterable {
  /// Daily or on-demand segment jobs.
  case batch
  /// Re-evaluation as data is ingested.
  case streaming
  /// Evaluation on the Edge Network, per request.
  case edge
}

extension PQLQuery {
  /// The methods this expression qualifies for, assuming audiences it references through
  /// `inSegment` are not known to be profile-only.
  public var eligibility: PQLEligibility { eligibility(profileOnlyAudience: { _ in false }) }

  /// Whether the expression reads profile attributes only: no `xEvent` and no `inSegment`.
  ///
  /// The segmentation service uses this to answer ``eligibility(profileOnlyAudience:)`` for
  /// audiences that other audiences reference.
  public var isProfileOnly: Bool {
    var facts = EligibilityFacts()
    facts.visit(node, inConjunction: true)
    return facts.eventReferences == 0 && facts.segmentIDs.isEmpty && !facts.dynamicSegment
  }

  /// The segment ids this expression reads through `inSegment("...")` literals.
  public var referencedSegmentIDs: [String] {
    var facts = EligibilityFacts()
    facts.visit(node, inConjunction: true)
    return facts.segmentIDs
  }

  /// The methods this expression qualifies for; `profileOnlyAudience` says whether a referenced
  /// audience (by segment id) uses profile attributes only.
  public func eligibility(
    profileOnlyAudience: (String) -> Bool
  ) -> PQLEligibility {
    var facts = EligibilityFacts()
    facts.visit(node, inConjunction: true)
    let batchOnly = { (reason: String) in
      PQLEligibility(batch: .eligible, streaming: .ineligible(reason), edge: .ineligible(reason))
    }
    if case .not = node, facts.eventReferences > 0 {
      return batchOnly(
        "The whole expression is a negation of an event condition; streaming and edge need a positive condition."
      )
    }
    switch (facts.eventReferences > 0, !facts.segmentIDs.isEmpty || facts.dynamicSegment) {
    case (false, false):
      return PQLEligibility(batch: .eligible, streaming: .eligible, edge: .eligible)
    case (true, false):
      if facts.unwindowedEvents > 0 {
        return batchOnly(
          "It reads events without a time window of 24 hours or less (for example 'WHEN(today)' or 'occurs <= 24 hours before now')."
        )
      }
      return PQLEligibility(batch: .eligible, streaming: .eligible, edge: .eligible)
    case (false, true):
      guard !facts.segmentOutsideConjunction, !facts.dynamicSegment else {
        return batchOnly(
          "It uses 'inSegment' inside 'or', 'not' or another expression; only 'inSegment' conditions joined by 'and' qualify."
        )
      }
      let streaming: PQLEligibility.Verdict =
        facts.segmentIDs.allSatisfy(profileOnlyAudience)
        ? .eligible
        : .ineligible(
          "It refers to other audiences with 'inSegment'; streaming needs every referenced audience to use profile attributes only."
        )
      return PQLEligibility(batch: .eligible, streaming: streaming, edge: .eligible)
    case (true, true):
      return batchOnly(
        "It combines event conditions with 'inSegment'; combine separate audiences instead.")
    }
  }
}

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
    case .quantified(_, let bindings):
      visitBindings(bindings)
    case .sumOver(let body, let binding):
      visitBindings([binding])
      visit(body, inConjunction: false)
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

  private mutating func visitBindings(_ bindings: [Node.Binding]) {
    for binding in bindings {
      if case .events = binding.source {
        eventReferences += 1
        let windowed = bindings.contains { $0.condition.map(Self.hasDayWindow) ?? false }
        if !windowed { unwindowedEvents += 1 }
      } else {
        visit(binding.source, inConjunction: false)
      }
      if let condition = binding.condition { visit(condition, inConjunction: false) }
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
