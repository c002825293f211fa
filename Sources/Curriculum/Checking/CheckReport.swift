/// What a checker found: a verdict and the findings that explain it.
///
/// A report with no findings passes. Each finding says what was expected, what was found and
/// where, so a learner can act on it without reading the checker.
public struct CheckReport: Sendable, Equatable {
  /// The exercise that was checked.
  public var exerciseID: String
  /// What is wrong; empty when the answer passes.
  public var findings: [Finding]
  /// Lines worth showing even on a pass (for example "4 of 4 questions right").
  public var notes: [String]

  /// Creates a report.
  public init(exerciseID: String, findings: [Finding], notes: [String] = []) {
    self.exerciseID = exerciseID
    self.findings = findings
    self.notes = notes
  }

  /// Whether the answer passed (no findings).
  public var isPassed: Bool { findings.isEmpty }
}

/// One thing a checker found wrong, with expected versus found and where.
public struct Finding: Sendable, Equatable {
  /// What is wrong, as a sentence.
  public var message: String
  /// What the checker wanted, when it can say without giving the answer away.
  public var expected: String?
  /// What it saw instead.
  public var found: String?
  /// Where: a file, and a field or line in it (`…/answers.json › q2`).
  public var location: String?
  /// What to try next, when the checker knows.
  public var fix: String?

  /// Creates a finding.
  public init(
    message: String, expected: String? = nil, found: String? = nil, location: String? = nil,
    fix: String? = nil
  ) {
    self.message = message
    self.expected = expected
    self.found = found
    self.location = location
    self.fix = fix
  }
}
