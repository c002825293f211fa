import Identities
import LabCore

/// Why a merged profile has the value it has at one attribute path.
public struct AttributeExplanation: Sendable, Hashable {
  /// One fragment's say in the matter.
  public struct Candidate: Sendable, Hashable {
    /// The fragment.
    public var fragment: ProfileFragment
    /// Its value at the path, or `nil` when it has none.
    public var value: JSONValue?
    /// Its precedence (1 is the highest), or `nil` when the policy leaves it out.
    public var precedence: Int?
  }

  /// The attribute path.
  public var path: [String]
  /// The policy that decided.
  public var policy: MergePolicy
  /// Every fragment: the included ones by precedence, then the left-out ones.
  public var candidates: [Candidate]
  /// The index of the winning candidate, or `nil` when no fragment has a value.
  public var winner: Int?

  /// The rule that picked the winner, as a sentence.
  public var rule: String {
    switch policy.attributeMerge {
    case .timestampOrdered:
      return
        "timestampOrdered: the most recently ingested fragment with a value wins (a later batch, "
        + "or a later line in the same batch)"
    case .dataSetPrecedence(let order):
      return
        "dataSetPrecedence: the first dataset in the order \(order.joined(separator: ", ")) with "
        + "a value wins; datasets not in the order are left out"
    }
  }
}
