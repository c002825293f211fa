import ArgumentParser
import LabCore
import PlatformAPI
import Sandbox

extension AEPLab {
  /// `aep-lab segment export`.
  struct SegmentExport: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Write a segment's members (merged profiles) into a new profile dataset.",
      discussion: """
        As the Platform's export job does: one record per member, with its segmentMembership. \
        --format json prints {"datasetId", "batchId", "records"}.

        Example: aep-lab segment export 'Female customers' --dataset 'Female customers export'
        """)

    @Argument(help: "The segment's id or name.")
    var segment: String

    @Option(name: .long, help: "The new dataset's name.")
    var dataset: String

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      let report = try segmentCall { () throws(SandboxError) in
        try sandbox.exportSegment(segment, datasetName: dataset)
      }
      let batch = report.batches.first
      if output.format == .json {
        let body: JSONValue = [
          "datasetId": .string(batch?.datasetID ?? ""), "batchId": .string(batch?.batchID ?? ""),
          "records": .number(Double(report.accepted)), "status": "SUCCEEDED",
        ]
        console.line(body.serialized(pretty: true))
      } else {
        console.line(
          "Exported \(report.accepted) profile(s) into the dataset '\(dataset)' "
            + "(\(batch?.datasetID ?? "?"), batch \(batch?.batchID ?? "?")).")
      }
    }
  }
}
