import Curriculum
import Foundation
import LabCore
import PlatformAPI
import Sandbox

/// Judges a profile lookup written as an `.http` file (exercise 4): the request must be the
/// lookup the exercise names, and the check's server must answer it with the very profile it
/// returns for the persona's other identities.
///
/// Parameters: `{"file": "lookup-by-phone.http", "request": RequestExpectation,
/// "sameAs": [{"namespace": "ECID", "id": "..."}, ...]}`.
public struct ProfileRequestChecker: Checker {
  /// The kind in `exercise.json`.
  public static let kind = "profile-request"

  /// An identity the answer's profile must also be found by.
  struct IdentityParameter: Decodable, Sendable {
    var namespace: String
    var id: String
  }

  struct Parameters: Decodable, Sendable {
    var file: String
    var request: RequestExpectation
    var sameAs: [IdentityParameter]
  }

  let parameters: Parameters

  /// Reads the parameters.
  public init(parameters: JSONValue, path: String) throws(CurriculumError) {
    self.parameters = try CheckerParameters.decode(
      Parameters.self, from: parameters, kind: Self.kind, path: path)
  }

  /// The request file.
  public var answerFiles: [String] { [parameters.file] }

  /// Sends the learner's request to a server over the demo data and compares the profiles.
  public func check(_ submission: Submission, in context: CheckContext)
    async throws(CurriculumError) -> CheckReport
  {
    let exercise = submission.exercise.id
    let location = submission.location(of: parameters.file)
    let template: RequestTemplate
    switch RequestAnswer.read(parameters.file, in: submission) {
    case .unreadable(let finding): return CheckReport(exerciseID: exercise, findings: [finding])
    case .request(let request): template = request
    }
    let structure = parameters.request.findings(for: template, location: location)
    guard structure.isEmpty else { return CheckReport(exerciseID: exercise, findings: structure) }
    let parameters = self.parameters
    return await CheckServer.judgeOnDemoData(exercise: exercise, context: context) { server in
      let findings = await Self.judge(
        template, parameters: parameters, on: server, location: location)
      let identities = parameters.sameAs.map(\.namespace).joined(separator: " and ")
      return CheckReport(
        exerciseID: exercise, findings: findings,
        notes: findings.isEmpty
          ? ["Sent to a local server over the demo data: the same profile as by \(identities)."]
          : [])
    }
  }

  /// Sends `template` and compares the entity it returns with the lookups by `sameAs`.
  static func judge(
    _ template: RequestTemplate, parameters: Parameters, on server: CheckServer,
    location: String
  ) async -> [Finding] {
    let place = "\(location):\(template.line)"
    let response: TransportResponse
    do {
      response = try await server.client.send(template)
    } catch {
      return [PlatformAnswer.unsent(error, location: place)]
    }
    if var finding = PlatformAnswer.failure(
      response, location: place,
      fix: "Compare your request with the one in lesson 4, header by header.")
    {
      if response.status == 404, template.url.contains("+") {
        finding.fix =
          "A '+' in a URL arrives as a space, so the phone number changed on the way: write "
          + "it '%2B' (percent-encoded), as lesson 4 explains."
      }
      return [finding]
    }
    guard let answer = ProfileEntity(response.body) else {
      return [
        Finding(
          message: "The server's answer holds no profile entity.",
          expected: "one profile", found: String(response.bodyText.prefix(120)), location: place)
      ]
    }
    for identity in parameters.sameAs {
      let reply: PlatformReply
      do {
        reply = try await server.client.getProfile(namespace: identity.namespace, id: identity.id)
      } catch {
        return [Finding(message: "The check's own lookup failed: \(error.localizedDescription)")]
      }
      guard let other = ProfileEntity(reply.body) else { continue }
      guard other == answer else {
        return [
          Finding(
            message: "Your request returns another profile than the \(identity.namespace) "
              + "\(identity.id) does.",
            expected: other.summary, found: answer.summary, location: place,
            fix: "Look up the persona's own phone number: it is in "
              + "datasets/luma/README.md and in 'aep-lab profile get' by ECID.")
        ]
      }
    }
    return []
  }
}
