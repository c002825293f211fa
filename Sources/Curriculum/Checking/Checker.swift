import LabCore

/// Judges one kind of exercise: given the learner's files and the workspace, returns a report.
///
/// A checker is made from the `parameters` of an exercise's `checker` entry; its initializer
/// validates them, which is how `aep-lab dev check` catches a broken exercise before a learner
/// does. Register new kinds in ``CheckerRegistry``.
public protocol Checker: Sendable {
  /// The key in `exercise.json`'s `"checker": { "kind": ... }`.
  static var kind: String { get }

  /// Creates the checker from an exercise's parameters.
  ///
  /// - Throws: ``CurriculumError/invalidCheckerParameters(kind:path:reason:)`` when they are
  ///   wrong; `path` is the manifest's path.
  init(parameters: JSONValue, path: String) throws(CurriculumError)

  /// The answer files it reads, which the exercise must list in `answerFiles`.
  var answerFiles: [String] { get }

  /// Judges `submission`; a wrong answer is a report with findings, never an error.
  ///
  /// - Throws: ``CurriculumError`` only when the check itself cannot run (a capability the
  ///   checker needs is missing from `context`).
  func check(_ submission: Submission, in context: CheckContext) async throws(CurriculumError)
    -> CheckReport
}

extension Checker {
  /// The answer files the checker reads (none by default).
  ///
  /// The content validator checks that the exercise lists them.
  public var answerFiles: [String] { [] }
}
