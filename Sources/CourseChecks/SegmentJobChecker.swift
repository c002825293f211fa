import Curriculum
import Foundation
import Identities
import LabCore
import Persistence
import PlatformAPI
import Profiles
import Sandbox
import Segmentation

/// Judges exercise 8 on the learner's own sandbox: the segment they name must select the
/// reference audience, a segment job must have run it to `SUCCEEDED`, its members must be
/// `realized` (or `existing`) on their profiles, and the member count answered must be the job's.
///
/// Parameters: `{"file": "answers.json", "setup": [WorkStep...], "reference": "<PQL>"}`. The
/// answer file is `{"segmentName": "...", "memberCount": 0}`.
public struct SegmentJobChecker: Checker {
  /// The kind in `exercise.json`.
  public static let kind = "segment-job"

  struct Parameters: Decodable {
    var file: String
    var setup: [WorkStep]
    var reference: String
  }

  let parameters: Parameters

  /// Reads the parameters.
  public init(parameters: JSONValue, path: String) throws(CurriculumError) {
    self.parameters = try CheckerParameters.decode(
      Parameters.self, from: parameters, kind: Self.kind, path: path)
  }

  /// The answer file.
  public var answerFiles: [String] { [parameters.file] }

  /// Judges the learner's sandbox.
  public func check(_ submission: Submission, in context: CheckContext)
    async throws(CurriculumError) -> CheckReport
  {
    let exercise = submission.exercise.id
    let location = submission.location(of: parameters.file)
    let answer: JSONValue
    switch CheckerParameters.document(parameters.file, in: submission) {
    case .unreadable(let finding): return CheckReport(exerciseID: exercise, findings: [finding])
    case .parsed(let value): answer = value
    }
    let name = answer["segmentName"]?.stringValue?.trimmingCharacters(in: .whitespaces) ?? ""
    guard !name.isEmpty else {
      return CheckReport(
        exerciseID: exercise,
        findings: [
          Finding(
            message: "Fill in 'segmentName': the name of the segment you created in exercise 7.",
            expected: "a segment name", found: "an empty value",
            location: "\(location) › segmentName")
        ])
    }
    let learner = try context.require(LearnerSandboxKey.self, for: Self.kind)
    do {
      let sandbox = try learner.open(parameters.setup)
      let findings = try judge(name: name, answer: answer, in: sandbox, location: location)
      let count = answer["memberCount"]?.serialized() ?? ""
      return CheckReport(
        exerciseID: exercise, findings: findings,
        notes: findings.isEmpty
          ? [
            "A job ran '\(name)' to SUCCEEDED and found \(count) members; each of their "
              + "profiles carries the segment in segmentMembership."
          ] : [])
    } catch {
      return CheckReport(
        exerciseID: exercise,
        findings: [Finding(message: error.localizedDescription, location: location)])
    }
  }

  func judge(name: String, answer: JSONValue, in sandbox: Sandbox, location: String)
    throws(SandboxError) -> [Finding]
  {
    let definitions = try sandbox.segmentDefinitions()
    guard let segment = definitions.first(where: { $0.name.lowercased() == name.lowercased() }),
      let segmentID = segment.id
    else {
      let names = definitions.map { "'\($0.name)'" }.joined(separator: ", ")
      return [
        Finding(
          message: "Your sandbox has no segment named '\(name)'.",
          expected: "the name of a segment in your sandbox",
          found: names.isEmpty ? "no segments at all" : "segments \(names)",
          location: "\(location) › segmentName",
          fix: "Create it first (exercise 7, or 'aep-lab segment create --help').")
      ]
    }
    let comparison = AudienceComparison(
      dataName: "your sandbox",
      answer: try sandbox.audience(
        expression: SegmentExpressionSource(
          format: SegmentExpressionFormat(rawValue: segment.expression.format) ?? .text,
          value: segment.expression.value)),
      reference: try sandbox.audience(
        expression: SegmentExpressionSource(value: parameters.reference)))
    if let finding = comparison.finding(
      location: "\(location) › segmentName",
      hint: "The segment must select all female customers, and only them.")
    {
      return [finding]
    }
    let jobs = try sandbox.segmentJobs().filter { job in
      job.status == "SUCCEEDED"
        && job.segments.contains { $0["segmentId"]?.stringValue == segmentID }
    }
    guard let job = jobs.last else {
      return [
        Finding(
          message: "No segment job has run '\(name)' to SUCCEEDED yet, so nobody is a member.",
          expected: "a SUCCEEDED job with segment \(segmentID)", found: "no such job",
          fix: "POST [{\"segmentId\": \"\(segmentID)\"}] to /data/core/ups/segment/jobs (or "
            + "'aep-lab segment run \(segmentID)'), then poll the job.")
      ]
    }
    let counted = job.metrics[path: ["segmentedProfileCounter", segmentID]]?.intValue ?? 0
    var findings: [Finding] = []
    let given = answer["memberCount"]
    if given?.intValue != counted {
      findings.append(
        Finding(
          message: "'memberCount' is not the job's count of qualified profiles.",
          expected: "metrics.segmentedProfileCounter of job \(job.id)",
          found: given.map { $0.serialized() } ?? "nothing", location: "\(location) › memberCount",
          fix: "GET /data/core/ups/segment/jobs/\(job.id) (or 'aep-lab segment job \(job.id)') and "
            + "read metrics.segmentedProfileCounter."))
    }
    let members = try sandbox.segmentMembers(segmentID, includingExited: false)
    if members.count != comparison.reference.count {
      findings.append(
        Finding(
          message: "The profiles do not all carry the segment's membership yet.",
          expected: "\(comparison.reference.count) profiles with status realized",
          found: "\(members.count)",
          fix: "Run a new segment job for it, then check again."))
    }
    return findings
  }
}
