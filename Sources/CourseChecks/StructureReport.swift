import Curriculum

/// The findings and notes that end a check early, as a `Result`'s failure.
struct StructureReport: Error {
  /// Why the check ended.
  var findings: [Finding]
  /// What to show with them.
  var notes: [String] = []
}
