import Foundation
import LabCore

/// Decodes a checker's `parameters` into its own `Decodable` type with precise messages.
public enum CheckerParameters {
  /// `parameters` as a `T`, or ``CurriculumError/invalidCheckerParameters(kind:path:reason:)``.
  public static func decode<T: Decodable>(
    _ type: T.Type, from parameters: JSONValue, kind: String, path: String
  ) throws(CurriculumError) -> T {
    do {
      let data = try JSONEncoder().encode(parameters)
      return try JSONDecoder().decode(type, from: data)
    } catch {
      let reason: String
      if case .invalidManifest(_, let what, let fix) = ManifestDecoder.describe(error, path: path) {
        reason = "the parameters \(what.replacingOccurrences(of: "has ", with: "have ")) (\(fix))"
      } else {
        reason = "\(error)"
      }
      throw .invalidCheckerParameters(kind: kind, path: path, reason: reason)
    }
  }

  /// The parsed JSON answer file, or the finding that explains why it cannot be read.
  public static func document(_ file: String, in submission: Submission) -> AnswerDocument {
    guard let data = submission.files[file] else {
      return .unreadable(submission.missingFileFinding(file))
    }
    switch JSONText.parse(data) {
    case .value(let value):
      return .parsed(value)
    case .syntaxError(let detail):
      return .unreadable(
        Finding(
          message: "'\(file)' is not valid JSON: \(detail).",
          expected: "a JSON object", found: "a syntax error",
          location: submission.location(of: file),
          fix: "Fix the syntax there (a missing comma or quote is the usual cause), or start over "
            + "with 'aep-lab reset \(submission.exercise.id)'."))
    }
  }
}

/// An answer file read as JSON, or the finding that says why it could not be.
public enum AnswerDocument {
  /// The parsed document.
  case parsed(JSONValue)
  /// The file is missing or not JSON.
  case unreadable(Finding)
}
