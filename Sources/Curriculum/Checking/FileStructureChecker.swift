import LabCore

/// Checks a JSON answer file against field rules: required fields, types and value rules.
///
/// Parameters:
///
/// ```json
/// { "file": "segment-definition.json",
///   "rules": [ { "path": "name", "type": "string", "notEmpty": true },
///              { "path": "expression.type", "equals": "PQL" } ] }
/// ```
public struct FileStructureChecker: Checker {
  /// `file-structure`.
  public static let kind = "file-structure"

  /// The answer file the rules apply to.
  public var file: String
  /// The rules, checked in order; every failing rule is one finding.
  public var rules: [FieldRule]

  private struct Parameters: Decodable {
    var file: String
    var rules: [FieldRule]
  }

  /// Creates the checker directly.
  public init(file: String, rules: [FieldRule]) {
    self.file = file
    self.rules = rules
  }

  /// Creates the checker from `{ "file": ..., "rules": [...] }`, validating every rule.
  public init(parameters: JSONValue, path: String) throws(CurriculumError) {
    let decoded = try CheckerParameters.decode(
      Parameters.self, from: parameters, kind: Self.kind, path: path)
    if decoded.rules.isEmpty {
      throw .invalidCheckerParameters(
        kind: Self.kind, path: path, reason: "\"rules\" is empty; add at least one rule")
    }
    if let problem = decoded.rules.lazy.compactMap({ $0.problem() }).first {
      throw .invalidCheckerParameters(kind: Self.kind, path: path, reason: problem)
    }
    self.init(file: decoded.file, rules: decoded.rules)
  }

  /// The files this checker reads.
  public var answerFiles: [String] { [file] }

  /// Applies every rule to the answer file.
  public func check(_ submission: Submission, in context: CheckContext)
    async throws(CurriculumError) -> CheckReport
  {
    let document: JSONValue
    switch CheckerParameters.document(file, in: submission) {
    case .parsed(let value): document = value
    case .unreadable(let finding):
      return CheckReport(exerciseID: submission.exercise.id, findings: [finding])
    }
    let location = submission.location(of: file)
    let findings = rules.flatMap { $0.findings(in: document, file: location) }
    let notes = findings.isEmpty ? ["All \(rules.count) field rules hold."] : []
    return CheckReport(exerciseID: submission.exercise.id, findings: findings, notes: notes)
  }
}
