import Curriculum
import Foundation
import LabCore
import PQL
import PlatformAPI
import Sandbox
import Segmentation

/// Judges a segment-definition request body (exercise 7): its structure as the Segmentation
/// API documents it, then what the check's server makes of it, then the audience of the
/// definition it stored, on the demo data and on the unseen variant.
///
/// Parameters: `{"file": "segment-definition.json", "name": "All Female Customers",
/// "reference": "<PQL>"}`: the name must contain `name` (ignoring case).
public struct SegmentDefinitionChecker: Checker {
  /// The kind in `exercise.json`.
  public static let kind = "segment-definition"

  struct Parameters: Decodable, Sendable {
    var file: String
    var name: String
    var reference: String
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

  /// The body file.
  public var answerFiles: [String] { [parameters.file] }

  /// Judges the body, then posts it to a server over the demo data.
  public func check(_ submission: Submission, in context: CheckContext)
    async throws(CurriculumError) -> CheckReport
  {
    let exercise = submission.exercise.id
    let location = submission.location(of: parameters.file)
    let body: JSONValue
    switch CheckerParameters.document(parameters.file, in: submission) {
    case .unreadable(let finding): return CheckReport(exerciseID: exercise, findings: [finding])
    case .parsed(let value): body = value
    }
    let text: String
    switch structure(of: body, location: location) {
    case .failure(let report):
      return CheckReport(exerciseID: exercise, findings: report.findings, notes: report.notes)
    case .success(let pql): text = pql
    }
    let posted: (id: String?, finding: Finding?, sandbox: Sandbox)
    do {
      let sandbox = try DemoSandbox.make(seed: LumaDemoData.defaultSeed, in: context)
      let bytes = submission.files[parameters.file].map { [UInt8]($0) } ?? []
      posted = try await CheckServer.run(on: sandbox) { server in
        let outcome = await Self.post(bytes, to: server, location: location)
        return (outcome.id, outcome.finding, sandbox)
      }
    } catch {
      return CheckReport(
        exerciseID: exercise,
        findings: [Finding(message: "The check could not start its local server: \(error)")])
    }
    if let finding = posted.finding {
      return CheckReport(exerciseID: exercise, findings: [finding])
    }
    var notes = ["The local server accepted it and created the segment \(posted.id ?? "")."]
    if body["evaluationInfo"] == nil {
      notes.append(
        "Without 'evaluationInfo', the server made it a batch segment, as the Platform does.")
    }
    let stored: String
    do {
      let definition = try posted.sandbox.segmentDefinition(posted.id ?? "")
      stored = try SegmentExpressionSource(
        format: SegmentExpressionFormat(rawValue: definition.expression.format) ?? .text,
        value: definition.expression.value
      ).pqlText()
    } catch {
      stored = text
    }
    let (finding, audienceNotes) = AudienceJudge.judge(
      answer: stored, reference: parameters.reference, exercise: exercise,
      location: "\(location) › expression.value", demo: posted.sandbox,
      context: context)
    return CheckReport(
      exerciseID: exercise, findings: finding.map { [$0] } ?? [], notes: notes + audienceNotes)
  }

  /// Posts `body` to the server: the new segment's id, or the finding that says why not.
  static func post(_ body: [UInt8], to server: CheckServer, location: String) async -> (
    id: String?, finding: Finding?
  ) {
    do throws(PlatformAPIError) {
      let reply = try await server.client.createSegmentDefinition(body: body)
      guard let id = (try? reply.json())?["id"]?.stringValue else {
        return (nil, Finding(message: "The server's answer holds no segment 'id'."))
      }
      return (id, nil)
    } catch {
      return (
        nil,
        Finding(
          message: "The server refused your body: \(error.errorDescription ?? "\(error)")",
          location: location,
          fix: "Its message names the field; lesson 6 shows a body the server accepts.")
      )
    }
  }

  /// The body's expression as PQL text, or the report that explains the first structural
  /// problem (a caret diagram for PQL that does not parse).
  func structure(of body: JSONValue, location: String) -> Result<String, StructureReport> {
    func wrong(_ field: String, _ message: String, expected: String, fix: String)
      -> Result<String, StructureReport>
    {
      let found =
        body[path: field.split(separator: ".").map(String.init)]?.serialized() ?? "nothing"
      return .failure(
        StructureReport(
          findings: [
            Finding(
              message: message, expected: expected, found: String(found.prefix(80)),
              location: "\(location) › \(field)", fix: fix)
          ]))
    }
    let name = body["name"]?.stringValue ?? ""
    guard name.lowercased().contains(parameters.name.lowercased()) else {
      return wrong(
        "name", "The segment's name does not say what it selects.",
        expected: "a name containing '\(parameters.name)'",
        fix: "Name it like the module: '<your name> - API - \(parameters.name)'.")
    }
    guard body[path: ["schema", "name"]]?.stringValue == "_xdm.context.profile" else {
      return wrong(
        "schema.name", "The segment does not say it selects profiles.",
        expected: "\"_xdm.context.profile\"",
        fix: "Add \"schema\": {\"name\": \"_xdm.context.profile\"}.")
    }
    guard body[path: ["expression", "type"]]?.stringValue == "PQL" else {
      return wrong(
        "expression.type", "The expression's type is not PQL.", expected: "\"PQL\"",
        fix: "Segments are written in PQL: \"type\": \"PQL\".")
    }
    let format = body[path: ["expression", "format"]]?.stringValue ?? ""
    guard let kind = SegmentExpressionFormat(rawValue: format) else {
      return wrong(
        "expression.format", "The expression's format is not one the API takes.",
        expected: "\"pql/text\" or \"pql/json\"",
        fix: "Write the PQL as text (\"pql/text\") or as its JSON tree (\"pql/json\").")
    }
    guard let value = body[path: ["expression", "value"]]?.stringValue, !value.isEmpty else {
      return wrong(
        "expression.value", "The expression has no value.", expected: "the PQL, as a string",
        fix: "Put the expression in \"value\", as one JSON string.")
    }
    let text: String
    do {
      text = try SegmentExpressionSource(format: kind, value: value).pqlText()
    } catch {
      return wrong(
        "expression.value", "The pql/json tree cannot be read: \(error.localizedDescription)",
        expected: "a pql/json tree, as a string",
        fix: "'aep-lab pql convert --to json' writes the tree of a PQL expression.")
    }
    do {
      _ = try PQLQuery(text)
    } catch {
      return .failure(
        StructureReport(
          findings: [
            Finding(
              message: "The expression is not valid PQL: \(error.message).",
              expected: "an expression the Platform accepts", found: "a syntax error",
              location: "\(location) › expression.value",
              fix: "Fix the expression at the caret below; 'aep-lab pql eval' tries one quickly.")
          ], notes: [error.rendered(name: "expression.value")]))
    }
    return .success(text)
  }
}
