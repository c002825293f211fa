import PQL
import Segmentation

/// What evaluating segments over a ``ProfileColumnStore`` gave: whether each row qualifies
/// for each segment, and how each segment was evaluated.
struct StoreEvaluation: Sendable {
  /// Per segment id, one flag per row of the store.
  var qualifies: [String: [Bool]] = [:]
  /// Per segment id, the path its evaluation took.
  var paths: [String: SegmentEvaluationPath] = [:]
}
