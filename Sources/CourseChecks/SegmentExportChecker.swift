import Curriculum
import Foundation
import Identities
import LabCore
import PlatformAPI
import Sandbox
import Segmentation

/// Judges the two bodies that keep a segment's members in a dataset (exercise 9).
///
/// They are the dataset-creation body and the export-job body. On a demo sandbox where the segment exists
/// and has run, the check posts the first, fills `{{DATASET_ID}}` and `{{SEGMENT_ID}}` in the
/// second, posts it, polls the job to `SUCCEEDED`, and compares the dataset's rows with the
/// segment's members.
///
/// Parameters: `{"dataset": "dataset.json", "exportJob": "export-job.json", "segment": "<name>",
/// "setup": [WorkStep...]}`: the steps create and run the segment named `segment`.
public struct SegmentExportChecker: Checker {
  /// The kind in `exercise.json`.
  public static let kind = "segment-export"
  /// The schema of a dataset that holds merged profiles.
  static let unionSchema = "https://ns.adobe.com/xdm/context/profile__union"

  struct Parameters: Decodable, Sendable {
    var dataset: String
    var exportJob: String
    var segment: String
    var setup: [WorkStep]
  }

  let parameters: Parameters

  /// Reads the parameters.
  public init(parameters: JSONValue, path: String) throws(CurriculumError) {
    self.parameters = try CheckerParameters.decode(
      Parameters.self, from: parameters, kind: Self.kind, path: path)
  }

  /// The two bodies.
  public var answerFiles: [String] { [parameters.dataset, parameters.exportJob] }

  /// Judges both bodies, then runs the export on a demo sandbox.
  public func check(_ submission: Submission, in context: CheckContext)
    async throws(CurriculumError) -> CheckReport
  {
    let exercise = submission.exercise.id
    var bodies: [JSONValue] = []
    for file in [parameters.dataset, parameters.exportJob] {
      switch CheckerParameters.document(file, in: submission) {
      case .unreadable(let finding): return CheckReport(exerciseID: exercise, findings: [finding])
      case .parsed(let value): bodies.append(value)
      }
    }
    let datasetLocation = submission.location(of: parameters.dataset)
    let jobLocation = submission.location(of: parameters.exportJob)
    if let finding =
      ExportBodies.datasetFinding(bodies[0], location: datasetLocation)
      ?? ExportBodies.jobFinding(bodies[1], location: jobLocation)
    {
      return CheckReport(exerciseID: exercise, findings: [finding])
    }
    let datasetName = bodies[0]["name"]?.stringValue ?? ""
    let datasetBody = submission.files[parameters.dataset].map { [UInt8]($0) } ?? []
    let jobText = String(decoding: submission.files[parameters.exportJob] ?? Data(), as: UTF8.self)
    do {
      let sandbox = try DemoSandbox.make(seed: LumaDemoData.defaultSeed, in: context)
      for step in parameters.setup { try step.replay(on: sandbox) }
      guard
        let segment = try sandbox.segmentDefinitions().first(where: {
          $0.name == parameters.segment
        }),
        let segmentID = segment.id
      else {
        throw SandboxError.invalidRequest("the setup made no segment '\(parameters.segment)'")
      }
      let run = ExportRun(
        datasetBody: datasetBody, jobText: jobText, segmentID: segmentID,
        locations: (datasetLocation, jobLocation))
      let outcome = try await CheckServer.run(on: sandbox) { server in await run.run(on: server) }
      if let finding = outcome.finding {
        return CheckReport(exerciseID: exercise, findings: [finding])
      }
      let members = try sandbox.audience(
        expression: SegmentExpressionSource(value: segment.expression.value))
      let rows = try sandbox.datasetRecords(datasetName)
      if let finding = ExportBodies.rowsFinding(rows: rows, members: members, location: jobLocation)
      {
        return CheckReport(exerciseID: exercise, findings: [finding])
      }
      return CheckReport(
        exerciseID: exercise, findings: [],
        notes: [
          "Export job \(outcome.jobID) SUCCEEDED: the dataset '\(datasetName)' holds \(rows.count) "
            + "rows, one per member of '\(parameters.segment)'."
        ])
    } catch {
      return CheckReport(
        exerciseID: exercise,
        findings: [Finding(message: "The check could not run the export: \(error)")])
    }
  }
}
