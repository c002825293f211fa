import Curriculum
import Foundation
import Identities
import LabCore
import PQL
import Persistence
import PlatformAPI
import Profiles
import Sandbox
import Segmentation

/// Judges a PQL answer by the audience it produces: on the demo data and on an unseen variant
/// of it, the answer must qualify exactly the profiles the reference expression qualifies.
///
/// Parameters: `{"file": "segment.pql", "reference": "<PQL>", "streaming": true}`. With
/// `streaming`, a note says whether the answer qualifies for streaming evaluation today (never
/// a failure: the rules changed after the module was written).
public struct PQLAudienceChecker: Checker {
  /// The kind in `exercise.json`.
  public static let kind = "pql-audience"

  struct Parameters: Decodable {
    var file: String
    var reference: String
    var streaming: Bool?
  }

  let parameters: Parameters

  /// Reads the parameters and checks that the reference compiles.
  public init(parameters: JSONValue, path: String) throws(CurriculumError) {
    self.parameters = try CheckerParameters.decode(
      Parameters.self, from: parameters, kind: Self.kind, path: path)
    do {
      _ = try PQLQuery(self.parameters.reference)
    } catch {
      throw .invalidCheckerParameters(
        kind: Self.kind, path: path, reason: "the reference does not compile: \(error.message)")
    }
  }

  /// The answer file.
  public var answerFiles: [String] { [parameters.file] }

  /// Judges the answer.
  public func check(_ submission: Submission, in context: CheckContext)
    async throws(CurriculumError) -> CheckReport
  {
    let id = submission.exercise.id
    let location = submission.location(of: parameters.file)
    guard let data = submission.files[parameters.file] else {
      return CheckReport(exerciseID: id, findings: [submission.missingFileFinding(parameters.file)])
    }
    let text = PQLAnswer.expression(in: String(decoding: data, as: UTF8.self))
    guard !text.isEmpty else {
      return CheckReport(
        exerciseID: id,
        findings: [
          Finding(
            message: "'\(parameters.file)' holds no expression yet.",
            expected: "a PQL expression", found: "only comments or nothing", location: location,
            fix: "Write your expression below the comment lines, then check again.")
        ])
    }
    do {
      _ = try PQLQuery(text)
    } catch {
      return CheckReport(
        exerciseID: id,
        findings: [
          Finding(
            message: "Your expression is not valid PQL: \(error.message).",
            expected: "an expression the Platform accepts", found: "a syntax error",
            location: location,
            fix: "Fix the expression at the caret below; 'aep-lab pql eval' tries one quickly.")
        ], notes: [error.rendered(name: parameters.file)])
    }
    let (finding, audienceNotes) = AudienceJudge.judge(
      answer: text, reference: parameters.reference, exercise: id, location: location,
      context: context)
    if let finding { return CheckReport(exerciseID: id, findings: [finding], notes: audienceNotes) }
    var notes = audienceNotes
    if parameters.streaming == true {
      notes.append(StreamingNote.text(for: text))
    }
    return CheckReport(exerciseID: id, findings: [], notes: notes)
  }
}

/// Reads an answer file of PQL: lines starting with `#` or `//` are comments.
enum PQLAnswer {
  static func expression(in text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .filter {
        let line = $0.trimmingCharacters(in: .whitespaces)
        return !line.hasPrefix("#") && !line.hasPrefix("//")
      }
      .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
