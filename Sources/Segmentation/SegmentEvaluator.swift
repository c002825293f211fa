import LabCore
import PQL

/// Evaluates a set of segments against one profile at a time, in dependency order.
///
/// A segment that reads another through `inSegment` is evaluated after it, and sees the
/// membership that evaluation just produced. Compile once, then share between threads.
///
/// For example:
///
/// ```swift
/// let evaluator = try SegmentEvaluator(segments: [males, jacketViewers])
/// let outcome = evaluator.evaluate(
///   profile: merged.entity, events: PQLEventList(events), memberships: [:], now: now)
/// outcome.memberships["<segment id>"]?.status  // .realized
/// ```
public struct SegmentEvaluator: Sendable {
  /// A segment with its compiled expression.
  public struct Compiled: Sendable {
    /// The definition.
    public var segment: Segment
    /// Its compiled expression.
    public var query: PQLQuery

    /// Pairs a definition with its compiled expression.
    public init(segment: Segment, query: PQLQuery) {
      self.segment = segment
      self.query = query
    }
  }

  /// The segments, in evaluation order (referenced segments first).
  public let segments: [Compiled]

  /// Compiles `segments` and orders them so that referenced segments come first.
  ///
  /// Throws ``SegmentationError/invalidExpression(_:)`` for an expression that no longer
  /// compiles and ``SegmentationError/dependencyCycle(_:)`` for `inSegment` cycles.
  public init(segments: [Segment]) throws(SegmentationError) {
    var compiled: [Compiled] = []
    for segment in segments {
      compiled.append(Compiled(segment: segment, query: try segment.expression.compile()))
    }
    self.segments = try Self.ordered(compiled)
  }

  /// `compiled` with every segment after the segments it references (when they are present).
  static func ordered(_ compiled: [Compiled]) throws(SegmentationError) -> [Compiled] {
    let byID = Dictionary(compiled.map { ($0.segment.id, $0) }, uniquingKeysWith: { a, _ in a })
    var done = Set<String>()
    var visiting = Set<String>()
    var result: [Compiled] = []
    func visit(_ item: Compiled) throws(SegmentationError) {
      let id = item.segment.id
      if done.contains(id) { return }
      if visiting.contains(id) { throw .dependencyCycle(visiting.sorted()) }
      visiting.insert(id)
      for reference in item.query.referencedSegmentIDs {
        if let other = byID[reference] { try visit(other) }
      }
      visiting.remove(id)
      done.insert(id)
      result.append(item)
    }
    for item in compiled { try visit(item) }
    return result
  }

  /// Evaluates every segment for one profile.
  ///
  /// `profile` is the merged XDM entity, `events` its ExperienceEvents, `memberships` its
  /// current memberships by segment id, `now` the evaluation time in milliseconds since 1970
  /// (it stamps new statuses too). Streaming passes `keepingMemberStatus`: a member who still
  /// qualifies keeps its status and time (only entering and leaving change at once).
  public func evaluate(
    profile: JSONValue, events: PQLEventList, memberships: [String: SegmentMembership], now: Int64,
    keepingMemberStatus: Bool = false
  ) -> SegmentOutcome {
    var entity = SegmentMembership.apply(memberships, to: profile)
    let instant = PQLDateTime(millisecondsSinceEpoch: now)
    return outcome(
      memberships: memberships, now: now, keepingMemberStatus: keepingMemberStatus
    ) { item, working, changed in
      if changed { entity = SegmentMembership.apply(working, to: entity) }
      return item.query.matches(profile: entity, events: events, now: instant)
    }
  }

  /// What the segments give a profile with `memberships` when `qualifies` answers for each
  /// segment in evaluation order.
  ///
  /// `qualifies` gets the segment, the memberships so far, and whether they changed since its
  /// last call; ``evaluate(profile:events:memberships:now:keepingMemberStatus:)`` is this with
  /// a test of the merged profile.
  public func outcome(
    memberships: [String: SegmentMembership], now: Int64, keepingMemberStatus: Bool = false,
    qualifies: (Compiled, [String: SegmentMembership], Bool) -> Bool
  ) -> SegmentOutcome {
    var working = memberships
    var qualified: [String: Bool] = [:]
    var changed: [String] = []
    var changedSinceTest = false
    for item in segments {
      let id = item.segment.id
      let passes = qualifies(item, working, changedSinceTest)
      changedSinceTest = false
      qualified[id] = passes
      let next = SegmentMembership.next(
        after: working[id], qualifies: passes, at: now, keepingMemberStatus: keepingMemberStatus)
      if next != working[id] {
        working[id] = next
        changed.append(id)
        changedSinceTest = true
      }
    }
    return SegmentOutcome(memberships: working, qualified: qualified, changed: changed)
  }
}

/// What one profile's evaluation gave.
public struct SegmentOutcome: Sendable, Hashable {
  /// Every membership of the profile after the evaluation, by segment id.
  public var memberships: [String: SegmentMembership]
  /// Whether the profile qualifies, by evaluated segment id.
  public var qualified: [String: Bool]
  /// The segments whose membership changed (status or time), in evaluation order.
  public var changed: [String]
}
