/// One problem `aep-lab dev check` found: the file, what is wrong, and the fix.
public struct ContentProblem: Sendable, Equatable, CustomStringConvertible {
  /// The file or folder, relative to the content root.
  public var file: String
  /// What is wrong, without a full stop.
  public var problem: String
  /// What to do about it, as a sentence.
  public var fix: String

  /// Creates a problem.
  public init(file: String, problem: String, fix: String) {
    self.file = file
    self.problem = problem
    self.fix = fix
  }

  /// The one line shown: `file: problem. fix`.
  public var description: String { "\(file): \(problem). \(fix)" }
}
