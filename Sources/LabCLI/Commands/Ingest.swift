import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Sandbox

extension AEPLab {
  /// `aep-lab ingest`: loads datasets into the sandbox as batches.
  struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Ingest a dataset (or a folder of datasets) into the sandbox.",
      discussion: """
        PATH is an NDJSON file, a JSON array file, a dataset folder (schema.json + \
        records.ndjson), or a folder of dataset folders. Each dataset becomes one batch; refused \
        records are listed with their line and reason. Everything accepted is stored in one \
        transaction; with --strict nothing is stored if any record is refused.

        Example: aep-lab ingest datasets/luma
        """)

    @Argument(help: "The file or folder to ingest.")
    var path: String

    @Option(
      name: .long,
      help: "The dataset name for a single file (default: the schema's name or the file's).")
    var dataset: String?

    @Option(name: .long, help: ArgumentHelp("A schema.json for a single file.", valueName: "file"))
    var schema: String?

    @Flag(name: .long, help: "Store nothing if any record is refused.")
    var strict = false

    @Flag(
      name: .long,
      help: ArgumentHelp(
        "Store text that is not valid UTF-8 with U+FFFD in place of the bad bytes, instead of "
          + "refusing its records."))
    var replaceInvalidUTF8 = false

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      let resolved = try workspace.resolve()
      if let failure = Self.missingPathFailure(
        path, contentRoot: resolved.contentRoot,
        currentDirectory: FileManager.default.currentDirectoryPath)
      {
        throw failure
      }
      let sandbox = try resolved.openSandbox()
      let bar = ProgressBar(title: "Linking identities", total: 1000)
      let report = try sandboxCall { () throws(SandboxError) in
        try sandbox.ingest(
          path: path, datasetName: dataset, schemaPath: schema, strict: strict,
          replacingInvalidUTF8: replaceInvalidUTF8,
          progress: { done, total in
            if total > 50_000 { bar.update(done * 1000 / max(total, 1)) }
          })
      }
      bar.finish()
      if output.format == .json {
        console.line(Self.json(report).serialized(pretty: true))
      } else {
        Self.render(report, console: console)
      }
      if report.accepted == 0, report.rejected == 0 {
        throw LabFailure.invalidData(
          "'\(path)' holds no records, so nothing was stored. A dataset file has one XDM record "
            + "(a JSON object) per line, or a JSON array of them; see datasets/luma for examples.")
      }
      if !report.committed && report.rejected > 0 {
        throw LabFailure.invalidData(
          "Nothing was stored: \(report.rejected) record(s) were refused under --strict. Fix them "
            + "(see the lines above) and ingest again.")
      }
    }

    static func render(_ report: IngestReport, console: Console) {
      for batch in report.batches {
        let status =
          report.committed && batch.accepted > 0
          ? console.styled("stored", .green) + " as \(batch.batchID)"
          : console.styled("not stored", .yellow)
        console.line(
          console.styled(batch.datasetName, .bold) + " (\(batch.recordClass.rawValue)): "
            + "\(batch.accepted) accepted, \(batch.rejections.count) rejected, \(status)")
        for rejection in batch.rejections.prefix(20) {
          console.line("  line \(rejection.line): \(rejection.reason)")
        }
        if batch.rejections.count > 20 {
          console.line("  ... and \(batch.rejections.count - 20) more (use --format json for all)")
        }
      }
      if report.committed {
        console.line(
          "\(report.accepted) records stored; \(report.linksEstablished) identity links made, "
            + "\(report.linksRemoved) removed by guardrails or linking rules; "
            + "\(report.affectedGraphIDs.count) identity graphs touched.")
        if let streaming = report.streaming { console.line(Self.streamingLine(streaming)) }
        console.line(
          "Next: 'aep-lab datasets', or 'aep-lab profile get --ns email --id <address>'.")
      }
    }

    /// The failure for a `path` that does not exist: the absolute path that was tried, and
    /// the same path under the content root (or the course's `datasets/luma`) to try instead.
    static func missingPathFailure(_ path: String, contentRoot: URL, currentDirectory: String)
      -> LabFailure?
    {
      let tried = URL(
        fileURLWithPath: path, relativeTo: URL(fileURLWithPath: currentDirectory, isDirectory: true)
      ).standardizedFileURL.path
      guard !FileManager.default.fileExists(atPath: tried) else { return nil }
      let root = contentRoot.standardizedFileURL
      let underRoot = root.appendingPathComponent(path).path
      let luma = root.appendingPathComponent("datasets/luma").path
      var message = "Nothing to ingest at '\(tried)': the path does not exist."
      if !path.hasPrefix("/"), FileManager.default.fileExists(atPath: underRoot) {
        message +=
          " The course's '\(path)' is at '\(underRoot)'. Try 'aep-lab ingest \(underRoot)'."
      } else if FileManager.default.fileExists(atPath: luma) {
        message +=
          " The course's datasets are in '\(root.appendingPathComponent("datasets").path)'. "
          + "Try 'aep-lab ingest \(luma)'."
      } else {
        message +=
          " Check the path; the course's datasets are in "
          + "'\(root.appendingPathComponent("datasets").path)'."
      }
      return .usage(message)
    }

    /// What the streaming segments did, in one sentence.
    static func streamingLine(_ streaming: StreamingEvaluation) -> String {
      let profiles = streaming.profilesFromStore + streaming.profilesMerged
      let segments = streaming.segments.map {
        "'\($0.name)' \($0.change.entered) entered, \($0.change.exited) left"
      }
      return "Streaming segments re-evaluated \(counted(profiles, "profile")) at once "
        + "(\(streaming.profilesFromStore) read from the profile store with their new events, "
        + "\(streaming.profilesMerged) merged from their records): "
        + segments.joined(separator: "; ") + "."
    }

    static func json(_ report: IngestReport) -> JSONValue {
      var object: [String: JSONValue] = [:]
      if let streaming = report.streaming {
        object["streaming"] = .object([
          "profilesFromStore": .number(Double(streaming.profilesFromStore)),
          "profilesMerged": .number(Double(streaming.profilesMerged)),
          "segments": .array(
            streaming.segments.map {
              .object([
                "id": .string($0.id), "name": .string($0.name),
                "entered": .number(Double($0.change.entered)),
                "exited": .number(Double($0.change.exited)),
              ])
            }),
        ])
      }
      return .object(object.merging(Self.fields(report)) { first, _ in first })
    }

    /// The report's fields other than streaming.
    static func fields(_ report: IngestReport) -> [String: JSONValue] {
      [
        "committed": .bool(report.committed),
        "accepted": .number(Double(report.accepted)),
        "rejected": .number(Double(report.rejected)),
        "linksEstablished": .number(Double(report.linksEstablished)),
        "linksRemoved": .number(Double(report.linksRemoved)),
        "affectedGraphs": .number(Double(report.affectedGraphIDs.count)),
        "batches": .array(
          report.batches.map { batch in
            .object([
              "dataset": .string(batch.datasetName),
              "datasetId": .string(batch.datasetID),
              "class": .string(batch.recordClass.rawValue),
              "batchId": batch.batchID.isEmpty ? .null : .string(batch.batchID),
              "source": .string(batch.source),
              "accepted": .number(Double(batch.accepted)),
              "rejected": .array(
                batch.rejections.map {
                  .object([
                    "line": .number(Double($0.line)), "code": .string($0.reason.code),
                    "reason": .string($0.reason.description),
                  ])
                }),
            ])
          }),
      ]
    }
  }
}
