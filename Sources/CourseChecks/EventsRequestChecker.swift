import Curriculum
import Foundation
import LabCore
import PlatformAPI
import Sandbox

/// Judges an events lookup written as an `.http` file (exercise 5): the check's server must
/// answer it with every experience event of the persona's profile, the same set it returns by
/// another identity; and the learner's count of the distinct ECIDs those events came from must
/// be the count in that answer.
///
/// Parameters: `{"file": "events-by-email.http", "answers": "answers.json",
/// "request": RequestExpectation, "sameAs": {"namespace": "ECID", "id": "..."}}`. The answer file
/// is `{"distinctECIDs": 0}`.
public struct EventsRequestChecker: Checker {
  /// The kind in `exercise.json`.
  public static let kind = "events-request"

  struct Parameters: Decodable, Sendable {
    var file: String
    var answers: String
    var request: RequestExpectation
    var sameAs: ProfileRequestChecker.IdentityParameter
  }

  let parameters: Parameters

  /// Reads the parameters.
  public init(parameters: JSONValue, path: String) throws(CurriculumError) {
    self.parameters = try CheckerParameters.decode(
      Parameters.self, from: parameters, kind: Self.kind, path: path)
  }

  /// The request file and the answer file.
  public var answerFiles: [String] { [parameters.file, parameters.answers] }

  /// Sends the learner's request to a server over the demo data and compares the events.
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
    let answers: JSONValue
    switch CheckerParameters.document(parameters.answers, in: submission) {
    case .unreadable(let finding): return CheckReport(exerciseID: exercise, findings: [finding])
    case .parsed(let value): answers = value
    }
    let structure = parameters.request.findings(for: template, location: location)
    guard structure.isEmpty else { return CheckReport(exerciseID: exercise, findings: structure) }
    let parameters = self.parameters
    let answersLocation = submission.location(of: parameters.answers)
    return await CheckServer.judgeOnDemoData(exercise: exercise, context: context) { server in
      let (findings, count) = await Self.judge(
        template, parameters: parameters, on: server, location: location)
      guard findings.isEmpty else { return CheckReport(exerciseID: exercise, findings: findings) }
      if let finding = Self.judge(
        answer: answers["distinctECIDs"], events: count, location: answersLocation)
      {
        return CheckReport(exerciseID: exercise, findings: [finding])
      }
      return CheckReport(
        exerciseID: exercise, findings: [],
        notes: [
          "Sent to a local server over the demo data: \(count.events) events, the same as by "
            + "\(parameters.sameAs.namespace), from \(count.ecids) ECIDs."
        ])
    }
  }

  /// Sends `template` and compares its events with those found by `sameAs`, following pages.
  static func judge(
    _ template: RequestTemplate, parameters: Parameters, on server: CheckServer,
    location: String
  ) async -> ([Finding], (events: Int, ecids: Int)) {
    let place = "\(location):\(template.line)"
    let none = (events: 0, ecids: 0)
    let response: TransportResponse
    do {
      response = try await server.client.send(template)
    } catch {
      return ([PlatformAnswer.unsent(error, location: place)], none)
    }
    if let finding = PlatformAnswer.failure(
      response, location: place,
      fix: "Compare your request with the events request in lesson 4, parameter by parameter.")
    {
      return ([finding], none)
    }
    let body = try? JSONParser.parse(response.bodyText)
    let answered = Set(Self.eventIDs(body))
    let expected: JSONValue
    do {
      expected = try await server.client.getAllEvents(
        namespace: parameters.sameAs.namespace, id: parameters.sameAs.id
      ).response
    } catch {
      return (
        [Finding(message: "The check's own lookup failed: \(error.localizedDescription)")], none
      )
    }
    let all = Set(Self.eventIDs(expected))
    if answered != all {
      let next = body?[path: ["_links", "next", "href"]]?.stringValue ?? ""
      let missing = all.subtracting(answered).count
      let extra = answered.subtracting(all).count
      return (
        [
          Finding(
            message: next.isEmpty
              ? "Your request returns other events than the profile's: \(missing) missing, "
                + "\(extra) that are not the persona's."
              : "Your request returns only a first page of the events (its answer has a "
                + "'_links.next').",
            expected: "\(all.count) events", found: "\(answered.count) events", location: place,
            fix: next.isEmpty
              ? "Look the events up through the persona's email (relatedEntityId) in the "
                + "email namespace (relatedEntityIdNS)."
              : "Drop the 'limit' parameter, or raise it above \(all.count).")
        ], none
      )
    }
    return ([], (events: all.count, ecids: Self.ecids(in: expected).count))
  }

  /// The learner's ECID count against the events' own; `nil` when it is right.
  static func judge(answer: JSONValue?, events count: (events: Int, ecids: Int), location: String)
    -> Finding?
  {
    let place = "\(location) › distinctECIDs"
    guard let value = answer, value != .null, case .number(let number) = value else {
      return Finding(
        message: "Fill in 'distinctECIDs': how many different ECIDs the events came from.",
        expected: "a whole number", found: answer.map { $0.serialized() } ?? "nothing",
        location: place,
        fix: "Each event carries the ECID of the device that sent it in its identityMap.")
    }
    guard number == Double(count.ecids) else {
      return Finding(
        message: "The events came from another number of ECIDs than \(Int(number)).",
        expected: "the number of distinct ECID values in the events' identityMap",
        found: "\(Int(number))", location: place,
        fix: "Count each ECID once, however many events it sent: 'aep-lab api get-events "
          + "--ns email --id ... --format json' lists every event's identityMap.")
    }
    return nil
  }

  /// The `entityId` of each event in an events answer.
  static func eventIDs(_ body: JSONValue?) -> [String] {
    (body?["children"]?.arrayValue ?? []).compactMap { $0["entityId"]?.stringValue }
  }

  /// The distinct ECIDs in the events' identity maps.
  static func ecids(in body: JSONValue) -> Set<String> {
    var result: Set<String> = []
    for child in body["children"]?.arrayValue ?? [] {
      guard case .object(let map) = child[path: ["entity", "identityMap"]] ?? .null else {
        continue
      }
      for (namespace, identities) in map where namespace.lowercased() == "ecid" {
        for identity in identities.arrayValue ?? [] {
          if let id = identity["id"]?.stringValue { result.insert(id) }
        }
      }
    }
    return result
  }
}
