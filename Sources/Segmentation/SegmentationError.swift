import PQL

/// What the segmentation service refuses, each with what happened, why, and what to do next.
public enum SegmentationError: Error, Sendable, Hashable {
  /// The PQL expression does not compile.
  case invalidExpression(PQLDiagnostic)
  /// A `pql/json` value is not a usable tree.
  case invalidJSONExpression(String)
  /// An evaluation method was asked for that the expression does not qualify for.
  case ineligible(PQLEvaluationMethod, reason: String)
  /// No segment has this id (or name).
  case unknownSegment(String, known: [String])
  /// Another segment already has this name.
  case duplicateName(String)
  /// A request value is missing or malformed.
  case invalidRequest(String)
  /// Segments refer to each other through `inSegment` in a cycle.
  case dependencyCycle([String])
}

extension SegmentationError: CustomStringConvertible {
  /// The message: what happened, why, and what to do next.
  public var description: String {
    switch self {
    case .invalidExpression(let diagnostic):
      return "The segment's PQL expression is not valid: \(diagnostic.rendered())"
    case .invalidJSONExpression(let reason):
      return
        "The segment's pql/json expression cannot be read: \(reason). Convert PQL text with "
        + "'aep-lab pql convert --to json'."
    case .ineligible(let method, let reason):
      let name = method == .streaming ? "streaming" : method == .edge ? "edge" : "batch"
      return
        "The expression does not qualify for \(name) evaluation: \(reason) Use '--evaluation "
        + "batch', or change the expression."
    case .unknownSegment(let key, let known):
      let list = known.isEmpty ? "none yet" : known.joined(separator: ", ")
      return
        "No segment definition has the id or name '\(key)'. Known segments: \(list). Run "
        + "'aep-lab segment list'."
    case .duplicateName(let name):
      return
        "A segment definition named '\(name)' already exists; names are unique. Choose another "
        + "name, or update the existing one with 'aep-lab segment update'."
    case .invalidRequest(let reason):
      return reason
    case .dependencyCycle(let ids):
      return
        "The segments \(ids.map { "'\($0)'" }.joined(separator: ", ")) refer to each other "
        + "through inSegment in a cycle, so none can be evaluated first. Remove one reference."
    }
  }
}
