import PQL

/// The profiles an ingest touched that the profile store still stands for: their stored
/// rows plus the ingest's new events, as columns a streaming evaluation tests at once.
struct StreamingRows: Sendable {
  /// Each row's membership key.
  var keys: [Int64]
  /// The rows' attributes and events.
  var columns: PQLColumns
  /// The store the rows were read from (where a damaged part would be noted).
  var store: ProfileColumnStore
  /// The touched graphs the store does not stand for: merged again from the records.
  var otherGraphIDs: [Int64]
}
