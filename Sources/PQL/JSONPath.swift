import LabCore

/// Reads a leaf through nested JSON objects without allocating.
enum JSONPath {
  /// What a lookup found.
  enum Lookup {
    case found(JSONValue)
    case missing
    /// The path passes through an array, so it projects; use ``Runtime/walk(_:_:from:)``.
    case throughArray
  }

  @inline(__always)
  static func lookup(_ members: [String: JSONValue], _ steps: [String]) -> Lookup {
    guard var current = members[steps[0]] else { return .missing }
    var index = 1
    while index < steps.count {
      switch current {
      case .object(let inner):
        guard let next = inner[steps[index]] else { return .missing }
        current = next
        index += 1
      case .array: return .throughArray
      default: return .missing
      }
    }
    if case .array = current { return .throughArray }
    if case .object = current { return .throughArray }
    return .found(current)
  }
}
