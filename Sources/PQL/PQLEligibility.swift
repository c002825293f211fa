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
