import Dispatch

/// Where an ingest's time went, for its report: reading, linking and writing overlap, so each
/// is the time spent on it, not a share of the whole.
struct IngestClock {
  /// Wall-clock seconds until the last record was read.
  var parse: Double = 0
  /// Seconds spent restoring and linking identity graphs on the ingest's thread.
  var graph: Double = 0
  /// Seconds spent writing the state file, the commit included.
  var write: Double = 0
  /// When the commit started.
  var commitStart: DispatchTime?
}
