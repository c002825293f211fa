/// Where one non-blank NDJSON line sits in its file.
struct LineSpan: Sendable {
  /// Its line number (1-based).
  var line: Int
  /// The offset of its first byte.
  var start: Int
  /// The offset just past its last byte (before the newline).
  var end: Int
}
