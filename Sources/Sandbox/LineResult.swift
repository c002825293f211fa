/// One line's outcome: the record read, or why it was refused.
struct LineResult: Sendable {
  /// Its line (or position in a JSON array), 1-based.
  var line: Int
  /// The record, or the reason it was refused.
  var result: Result<ParsedRecord, RecordRejection>
}
