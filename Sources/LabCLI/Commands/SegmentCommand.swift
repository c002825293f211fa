import ArgumentParser
import Foundation
import LabCore
import PlatformAPI
import Sandbox
import Segmentation

extension AEPLab {
  /// `aep-lab segment`: segment definitions, jobs, estimates, previews, members and exports.
  struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "segment",
      abstract: "Create and evaluate segments (audiences) written in PQL.",
      discussion: """
        Segments are PQL over the merged profiles. Batch segments get members when a job runs; \
        streaming segments qualify at once when an ingest touches a profile. Memberships show \
        in 'aep-lab profile get' under segmentMembership.ups.

        Example: aep-lab segment create --name 'Female customers' --pql 'person.gender in ["female"]'
        """,
      subcommands: [
        SegmentCreate.self, SegmentList.self, SegmentShow.self, SegmentUpdate.self,
        SegmentDelete.self, SegmentRun.self, SegmentJobCommand.self, SegmentEstimateCommand.self,
        SegmentPreview.self, SegmentMembers.self, SegmentExport.self,
      ])

    /// One definition as text, with the methods its expression qualifies for.
    static func render(
      _ definition: SegmentDefinition, eligibility: SegmentEligibility?, console: Console
    ) -> String {
      var lines = [console.styled(definition.name, .bold) + "  (\(definition.id ?? "?"))"]
      if let description = definition.description, !description.isEmpty {
        lines.append(description)
      }
      lines.append("Expression (\(definition.expression.format)): \(definition.expression.value)")
      let info = definition.evaluationInfo
      var methods = ["batch"]
      if info?.continuous?.enabled == true { methods.append("streaming") }
      if info?.synchronous?.enabled == true { methods.append("edge") }
      lines.append("Evaluation: \(methods.joined(separator: ", "))")
      lines.append("Merge policy: \(definition.mergePolicyId ?? "default")")
      if let eligibility {
        lines.append("Qualifies for:")
        lines += eligibility.summary.map { "  " + $0 }
      }
      return lines.joined(separator: "\n") + "\n"
    }
  }
}

/// Runs a sandbox call for a segment command: invalid expressions exit 65, bad requests 64.
func segmentCall<T>(_ body: () throws(SandboxError) -> T) throws(LabFailure) -> T {
  do {
    return try body()
  } catch {
    let message = error.errorDescription ?? "\(error)"
    switch error {
    case .segmentation(.invalidExpression), .segmentation(.invalidJSONExpression):
      throw .invalidData(message)
    case .segmentation(.invalidRequest), .invalidRequest:
      throw .usage(message)
    default:
      throw error.failure
    }
  }
}

/// `--pql`, `--pql-file`, `--pql-json`: where a segment's expression comes from.
struct SegmentExpressionOptions: ParsableArguments {
  @Option(name: .long, help: "The PQL expression, e.g. 'person.gender in [\"female\"]'.")
  var pql: String?

  @Option(name: .long, help: "A file holding the PQL expression.")
  var pqlFile: String?

  @Option(
    name: .long,
    help: "A file holding the pql/json tree (or a Platform definition body with 'expression').")
  var pqlJson: String?

  /// The expression given, or `nil` when none of the options is set.
  func expression() throws(LabFailure) -> SegmentExpressionSource? {
    let given = [pql, pqlFile, pqlJson].compactMap { $0 }
    guard given.count <= 1 else {
      throw .usage("Give the expression once: with --pql, --pql-file or --pql-json.")
    }
    if let pql { return SegmentExpressionSource(format: .text, value: pql) }
    if let pqlFile {
      return SegmentExpressionSource(format: .text, value: try Self.read(pqlFile))
    }
    if let pqlJson {
      let text = try Self.read(pqlJson)
      guard let tree = try? JSONParser.parse(text) else {
        throw .invalidData(
          "'\(pqlJson)' is not JSON. It should hold a pql/json tree; 'aep-lab pql convert --to "
            + "json' makes one.")
      }
      if let expression = tree["expression"], let value = expression["value"]?.stringValue {
        let format = expression["format"]?.stringValue ?? "pql/json"
        return SegmentExpressionSource(
          format: SegmentExpressionFormat(rawValue: format) ?? .json, value: value)
      }
      return SegmentExpressionSource(format: .json, value: tree.serialized())
    }
    return nil
  }

  static func read(_ path: String) throws(LabFailure) -> String {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw .usage("Cannot read '\(path)': the file does not exist or is not UTF-8 text.")
    }
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}

/// `--evaluation batch|streaming|edge`.
enum SegmentEvaluationOption: String, ExpressibleByArgument, CaseIterable {
  case batch, streaming, edge

  /// The Platform's `evaluationInfo`.
  var evaluationInfo: EvaluationInfo {
    EvaluationInfo(batch: true, continuous: self == .streaming, synchronous: self == .edge)
  }
}
