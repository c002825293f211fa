import LabCore
import PQL

/// Which evaluation methods a segment's expression qualifies for, as the segmentation service
/// judges it: the PQL classifier (spec §8), plus the module's older streaming rule.
///
/// The module's UI segment (profile attributes plus one product view, no time window) was
/// streaming at the time of the tutorial; the current classifier makes it batch only. The
/// service accepts streaming and edge for an expression whose only objection is a *single*
/// event reference without a window (``isLegacySingleEvent``), and says so.
public struct SegmentEligibility: Sendable, Hashable {
  /// The classifier's verdicts.
  public var classifier: PQLEligibility
  /// Whether streaming and edge are accepted under the module's older single-event rule.
  public var isLegacySingleEvent: Bool

  /// Judges `query`; `profileOnlyAudience` says whether a referenced segment is profile-only.
  public init(query: PQLQuery, profileOnlyAudience: (String) -> Bool = { _ in false }) {
    classifier = query.eligibility(profileOnlyAudience: profileOnlyAudience)
    let tree = PQLJSON.encode(query)
    isLegacySingleEvent =
      !classifier.streaming.isEligible && Self.eventReferences(in: tree) == 1
      && !Self.hasWindowOrCount(tree)
      && query.referencedSegmentIDs.isEmpty
      && (classifier.streaming.reason ?? "").contains("without a time window")
  }

  /// The verdict for one method, with the older rule applied.
  public func verdict(for method: PQLEvaluationMethod) -> PQLEligibility.Verdict {
    var verdict = classifier.verdict(for: method)
    if !verdict.isEligible, isLegacySingleEvent {
      verdict.isEligible = true
      verdict.reason = nil
    }
    return verdict
  }

  /// The methods that apply, in the order batch, streaming, edge.
  public var methods: [PQLEvaluationMethod] {
    PQLEvaluationMethod.allCases.filter { verdict(for: $0).isEligible }
  }

  /// Throws ``SegmentationError/ineligible(_:reason:)`` for the first of `methods` that does
  /// not apply.
  public func require(_ methods: [PQLEvaluationMethod]) throws(SegmentationError) {
    for method in methods {
      let verdict = verdict(for: method)
      if !verdict.isEligible {
        throw .ineligible(method, reason: verdict.reason ?? "it does not qualify.")
      }
    }
  }

  /// One line per method, for `aep-lab segment show`.
  public var summary: [String] {
    PQLEvaluationMethod.allCases.map { method in
      let name = method.rawValue
      let classified = classifier.verdict(for: method)
      if classified.isEligible { return "\(name): yes" }
      if isLegacySingleEvent {
        return
          "\(name): yes, under the module's older rule (profile attributes plus one event without "
          + "a time window); the current Platform rule makes it batch only. \(classified.reason ?? "")"
      }
      return "\(name): no. \(classified.reason ?? "")"
    }
  }

  /// Whether `query` reads profile attributes only (no `xEvent`, no `inSegment`).
  public static func isProfileOnly(_ query: PQLQuery) -> Bool {
    query.referencedSegmentIDs.isEmpty && eventReferences(in: PQLJSON.encode(query)) == 0
  }

  /// Whether a `pql/json` tree has a time window (`occurs`, `WHEN`) or counts events: the
  /// older rule covered a single event *without* a time restriction only.
  static func hasWindowOrCount(_ tree: JSONValue) -> Bool {
    switch tree {
    case .object(let members):
      if members["when"] != nil || members["count"] != nil { return true }
      let name = members["fnName"]?.stringValue?.lowercased() ?? ""
      if ["occurs", "count", "sum", "avg", "min", "max", "countdistinct"].contains(name) {
        return true
      }
      return members.values.contains(where: hasWindowOrCount)
    case .array(let items):
      return items.contains(where: hasWindowOrCount)
    default:
      return false
    }
  }

  /// How many times a `pql/json` tree reads `xEvent`.
  static func eventReferences(in tree: JSONValue) -> Int {
    switch tree {
    case .object(let members):
      let here = members["fieldName"]?.stringValue == "xEvent" ? 1 : 0
      return here + members.values.reduce(0) { $0 + eventReferences(in: $1) }
    case .array(let items):
      return items.reduce(0) { $0 + eventReferences(in: $1) }
    default:
      return 0
    }
  }
}
