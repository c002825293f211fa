import Curriculum
import Foundation
import LabCore
import PlatformAPI

/// A learner's `.http` answer file, read and parsed: the one request it holds, or the finding
/// that says why it cannot be sent.
enum RequestAnswer {
  /// The one request of `file`.
  case request(RequestTemplate)
  /// The file is missing, empty, malformed or holds several requests.
  case unreadable(Finding)

  /// Reads `file` from `submission`.
  static func read(_ file: String, in submission: Submission) -> RequestAnswer {
    guard let data = submission.files[file] else {
      return .unreadable(submission.missingFileFinding(file))
    }
    let location = submission.location(of: file)
    let fix =
      "Write the request as lesson 4 shows (a request line, the header lines, a blank line), "
      + "or start over with 'aep-lab reset \(submission.exercise.id)'."
    do {
      let parsed = try HTTPRequestFile.parse(String(decoding: data, as: UTF8.self), path: file)
      guard parsed.requests.count == 1 else {
        return .unreadable(
          Finding(
            message: "'\(file)' holds \(parsed.requests.count) requests; the check sends one.",
            expected: "one request", found: "\(parsed.requests.count) requests",
            location: location, fix: "Keep only the request the exercise asks for."))
      }
      return .request(parsed.requests[0])
    } catch {
      let line = error.line.map { ":\($0)" } ?? ""
      return .unreadable(
        Finding(
          message: error.errorDescription ?? "'\(file)' is not a request file.",
          expected: "a request such as 'GET https://platform.adobe.io/...'",
          found: "a file the REST Client format cannot read", location: location + line,
          fix: fix))
    }
  }
}
