import Curriculum
import Foundation
import LabCore
import Persistence

/// A check report as the learner reads it, and as JSON.
enum CheckReportView {
  /// The verdict, each finding with expected / found / where, and the next step.
  static func render(
    _ report: CheckReport, record: ExerciseProgress, exercise: Exercise, console: Console
  ) -> String {
    var text = ""
    let attempt = "attempt \(record.attempts)"
    if report.isPassed {
      text += console.styled("✓ \(exercise.id) passed", .green) + " (\(attempt)).\n"
      // Each note on its own lines, wrapped under the verdict: what the check saw.
      let width = max(console.width - 2, 30)
      for note in report.notes {
        for line in InlineText(note, console: console, preStyled: true).wrapped(width: width) {
          text += "  " + line + "\n"
        }
      }
      if record.status == .revealed {
        text += "It stays marked revealed in your progress, since its solution was shown first.\n"
      }
      return text
    }
    let count = report.findings.count
    text +=
      console.styled("✗ \(exercise.id) did not pass", .red)
      + " (\(attempt)): \(count) finding\(count == 1 ? "" : "s").\n\n"
    let width = max(console.width - 5, 30)
    for (index, finding) in report.findings.enumerated() {
      let number = "\(index + 1). "
      let lines = InlineText(finding.message, console: console, preStyled: true).wrapped(
        width: width)
      text += "  " + number + lines.joined(separator: "\n     ") + "\n"
      let rows: [(String, String?)] = [
        ("expected", finding.expected), ("found", finding.found), ("where", finding.location),
        ("try", finding.fix),
      ]
      for case (let name, let value?) in rows {
        text +=
          "     "
          + console.styled((name + ":").padding(toLength: 10, withPad: " ", startingAt: 0), .dim)
          + value + "\n"
      }
      text += "\n"
    }
    text += report.notes.map { $0 + "\n" }.joined()
    text += hintLine(exercise: exercise, record: record, console: console) + "\n"
    return text
  }

  /// Where to turn next after a failed check: the next hint, or the solution.
  static func hintLine(exercise: Exercise, record: ExerciseProgress, console: Console) -> String {
    let total = exercise.hints.count
    if record.hintsShown < total {
      return "Stuck? " + console.styled("aep-lab hint \(exercise.id)", .cyan) + " shows hint "
        + "\(record.hintsShown + 1) of \(total)."
    }
    return "You have seen all \(total) hints. To see the answer: "
      + console.styled("aep-lab solution \(exercise.id) --give-up", .cyan)
      + " (marks it revealed, not passed)."
  }

  /// The `check --format json` document.
  static func json(
    _ report: CheckReport, record: ExerciseProgress, exercise: Exercise, module: TrainingModule
  ) -> JSONValue {
    let findings: [JSONValue] = report.findings.map { finding in
      [
        "message": .string(finding.message),
        "expected": finding.expected.map(JSONValue.string) ?? .null,
        "found": finding.found.map(JSONValue.string) ?? .null,
        "location": finding.location.map(JSONValue.string) ?? .null,
        "fix": finding.fix.map(JSONValue.string) ?? .null,
      ]
    }
    let hintsLeft = record.hintsShown < exercise.hints.count
    return [
      "exercise": .string(exercise.id),
      "module": .string(module.id),
      "passed": .bool(report.isPassed),
      "status": .string(record.status.rawValue),
      "attempts": .number(Double(record.attempts)),
      "findings": .array(findings),
      "notes": .array(report.notes.map(JSONValue.string)),
      "nextHint": !report.isPassed && hintsLeft ? .string("aep-lab hint \(exercise.id)") : .null,
    ]
  }
}
