import LabCore

/// One line of `aep-lab doctor`: what was looked at, what was found, and the fix if broken.
struct DoctorCheck: Equatable {
  /// How a check came out.
  enum Status: String {
    /// Works.
    case ok
    /// Works, but worth knowing (for example no Platform credentials yet).
    case note
    /// Broken: `doctor` exits 1.
    case problem
  }

  /// What was checked, for example "state folder".
  var name: String
  /// How it came out.
  var status: Status
  /// What was found.
  var detail: String
  /// What to do, when something is wrong or missing.
  var fix: String?

  /// The check as JSON.
  var json: JSONValue {
    [
      "name": .string(name), "status": .string(status.rawValue), "detail": .string(detail),
      "fix": fix.map(JSONValue.string) ?? .null,
    ]
  }
}
