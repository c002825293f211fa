/// How a segment's profiles were evaluated.
public enum SegmentEvaluationPath: String, Sendable, Hashable, Codable {
  /// On the profile store's columns: each condition once per distinct value.
  case columnar
  /// Profile by profile, each merged from its records into JSON: for an expression the
  /// columnar compiler cannot take.
  case profiles
}
