import Foundation
import LabCore

/// Grades a quiz: a JSON answer file (`{"q1": "b", "q2": true}`) against an answer key, with
/// feedback per question.
///
/// Parameters:
///
/// ```json
/// { "file": "answers.json",
///   "questions": [
///     { "id": "q1", "prompt": "Which ...?", "choices": ["a", "b", "c"], "answer": "b",
///       "feedback": "Shown when the answer is wrong." },
///     { "id": "q2", "prompt": "True or false: ...", "answer": true, "feedback": "..." },
///     { "id": "q3", "prompt": "Pick all that ...", "choices": ["a", "b", "c"],
///       "answer": ["a", "c"], "feedback": "..." } ] }
/// ```
///
/// The shape of each answer (present, of the right type, one of the choices) is checked with
/// ``FieldRule``s, as the ``FileStructureChecker`` does; only well-formed answers are graded.
/// Choices compare without regard to case or surrounding spaces; a multiple-choice answer is a
/// set, so order does not matter.
public struct QuizChecker: Checker {
  /// `quiz`.
  public static let kind = "quiz"

  /// One question of the key.
  public struct Question: Codable, Sendable, Equatable {
    /// The key learners use in the answer file.
    public var id: String
    /// The question, repeated in findings so the learner needn't switch files.
    public var prompt: String
    /// The allowed answers for a choice question.
    public var choices: [String]?
    /// The right answer: a choice, a boolean, or an array of choices.
    public var answer: JSONValue
    /// Why the right answer is right, shown when the learner's is wrong.
    public var feedback: String
  }

  /// The answer file.
  public var file: String
  /// The questions, in order.
  public var questions: [Question]

  private struct Parameters: Decodable {
    var file: String
    var questions: [Question]
  }

  /// Creates the checker from `{ "file": ..., "questions": [...] }`, validating the key.
  public init(parameters: JSONValue, path: String) throws(CurriculumError) {
    let decoded = try CheckerParameters.decode(
      Parameters.self, from: parameters, kind: Self.kind, path: path)
    func fail(_ reason: String) -> CurriculumError {
      .invalidCheckerParameters(kind: Self.kind, path: path, reason: reason)
    }
    if decoded.questions.isEmpty { throw fail("\"questions\" is empty; add at least one") }
    var seen: Set<String> = []
    for question in decoded.questions {
      if !seen.insert(question.id).inserted {
        throw fail("question id '\(question.id)' is used twice; give each question its own id")
      }
      if let problem = Self.problem(with: question) { throw fail(problem) }
    }
    file = decoded.file
    questions = decoded.questions
  }

  /// What kind of JSON value `value` is, in words.
  static func kindName(of value: JSONValue) -> String {
    switch value {
    case .array: return "a list"
    case .string: return "a string"
    case .number: return "a number"
    case .bool: return "true or false"
    case .null: return "null"
    case .object: return "an object"
    }
  }

  /// The files this checker reads.
  public var answerFiles: [String] { [file] }

  /// Grades every question; each unanswered, malformed or wrong answer is one finding.
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
    guard document.objectValue != nil else {
      let finding = Finding(
        message:
          "The answer file must be one JSON object with an answer per question, such as "
          + "{\"\(questions[0].id)\": \"b\"}.",
        expected: "a JSON object", found: Self.kindName(of: document), location: location)
      return CheckReport(exerciseID: submission.exercise.id, findings: [finding])
    }
    var findings: [Finding] = []
    for question in questions {
      let answer = document[question.id]
      if answer == nil || answer.map(FieldRule.isEmpty) == true {
        findings.append(
          Finding(
            message: "Question '\(question.id)' is not answered yet: \(question.prompt)",
            expected: expectation(for: question), found: answer?.serialized() ?? "nothing",
            location: "\(location) › \(question.id)"))
        continue
      }
      let shape = rule(for: question).findings(in: document, file: location)
      if !shape.isEmpty {
        findings += shape
        continue
      }
      if let answer, !Self.normalized(answer).isSame(as: Self.normalized(question.answer)) {
        findings.append(
          Finding(
            message: "Question '\(question.id)' is not right. \(question.feedback)",
            expected: expectation(for: question), found: answer.serialized(),
            location: "\(location) › \(question.id)"))
      }
    }
    let right = questions.count - findings.count
    findings += unknownKeyFindings(in: document, location: location)
    return CheckReport(
      exerciseID: submission.exercise.id, findings: findings,
      notes: ["\(right) of \(questions.count) questions right."])
  }

  /// One finding per key of the answer file that is not a question id, so an answer filed
  /// under a mistyped id is not silently ignored.
  func unknownKeyFindings(in document: JSONValue, location: String) -> [Finding] {
    let ids = questions.map(\.id)
    let known = ids.map { "'\($0)'" }.joined(separator: ", ")
    return (document.objectValue ?? [:]).keys.sorted().filter { !ids.contains($0) }.map { key in
      let close = Suggestion.closest(to: key, in: ids)
      return Finding(
        message: "'\(key)' is not a question of this quiz, so its answer is not graded."
          + (close.map { " Did you mean '\($0)'?" } ?? "") + " The questions are \(known).",
        expected: "one of the question ids " + ids.joined(separator: ", "), found: "'\(key)'",
        location: "\(location) › \(key)",
        fix: close.map { "Rename '\(key)' to '\($0)'." }
          ?? "Remove '\(key)', or rename it to a question id.")
    }
  }

  /// The shape rule for a question's answer.
  func rule(for question: Question) -> FieldRule {
    let label = "Question '\(question.id)'"
    switch question.answer {
    case .bool:
      return FieldRule(path: question.id, type: "boolean", label: label)
    case .array:
      return FieldRule(path: question.id, type: "array", notEmpty: true, label: label)
    default:
      return FieldRule(
        path: question.id, type: "string", oneOf: question.choices.map { $0.map(JSONValue.string) },
        caseInsensitive: true, label: label)
    }
  }

  private func expectation(for question: Question) -> String {
    switch question.answer {
    case .bool: return "true or false"
    case .array:
      return "a list of the right choices, from " + (question.choices ?? []).joined(separator: ", ")
    default:
      if let choices = question.choices {
        return "the right choice, one of " + choices.joined(separator: ", ")
      }
      return "the right answer"
    }
  }

  private static func problem(with question: Question) -> String? {
    let choices = Set((question.choices ?? []).map { $0.lowercased() })
    switch question.answer {
    case .bool:
      return nil
    case .string(let answer):
      if !choices.isEmpty, !choices.contains(answer.lowercased()) {
        return "question '\(question.id)': the answer '\(answer)' is not one of its choices"
      }
      return nil
    case .array(let items):
      let strings = items.compactMap(\.stringValue)
      if strings.count != items.count || strings.isEmpty {
        return "question '\(question.id)': a list answer must be a non-empty array of choices"
      }
      if !choices.isEmpty, let stray = strings.first(where: { !choices.contains($0.lowercased()) })
      {
        return "question '\(question.id)': the answer '\(stray)' is not one of its choices"
      }
      return nil
    default:
      return "question '\(question.id)': \"answer\" must be a string, true/false or an array"
    }
  }

  /// An answer in a form that compares the way the quiz means it.
  enum Normalized: Equatable {
    case text(String)
    case flag(Bool)
    case set(Set<String>)
    case other(JSONValue)

    func isSame(as other: Normalized) -> Bool { self == other }
  }

  static func normalized(_ value: JSONValue) -> Normalized {
    switch value {
    case .string(let text): return .text(text.trimmingCharacters(in: .whitespaces).lowercased())
    case .bool(let flag): return .flag(flag)
    case .array(let items):
      return .set(
        Set(
          items.map {
            ($0.stringValue ?? $0.serialized()).trimmingCharacters(in: .whitespaces).lowercased()
          }))
    default: return .other(value)
    }
  }
}
