/// A way the segmentation service evaluates an audience.
public enum PQLEvaluationMethod: String, Sendable, Hashable, CaseIterable {
  /// Daily or on-demand segment jobs.
  case batch
  /// Re-evaluation as data is ingested.
  case streaming
  /// Evaluation on the Edge Network, per request.
  case edge
}
