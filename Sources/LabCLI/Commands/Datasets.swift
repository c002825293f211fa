import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Sandbox

extension AEPLab {
  /// `aep-lab datasets`: the sandbox's datasets.
  struct Datasets: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the sandbox's datasets with their class, records and batches.",
      discussion: "Example: aep-lab datasets --format json")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      let datasets = try sandboxCall { () throws(SandboxError) in try sandbox.datasets() }
      let batches = try sandboxCall { () throws(SandboxError) in try sandbox.batches() }
      if output.format == .json {
        let value: JSONValue = .array(
          datasets.map { dataset in
            .object([
              "id": .string(dataset.id), "name": .string(dataset.name),
              "class": .string(dataset.recordClass),
              "records": .number(Double(dataset.recordCount)),
              "batches": .array(
                batches.filter { $0.datasetID == dataset.id }.map { batch in
                  .object([
                    "id": .string(batch.id), "ingestedAt": .string(batch.ingestedAt),
                    "accepted": .number(Double(batch.accepted)),
                    "rejected": .number(Double(batch.rejected)), "source": .string(batch.source),
                  ])
                }),
            ])
          })
        console.line(value.serialized(pretty: true))
        return
      }
      guard !datasets.isEmpty else {
        console.line("No datasets yet. Load the demo data with 'aep-lab ingest datasets/luma'.")
        return
      }
      var table = TextTable(headers: ["NAME", "CLASS", "RECORDS", "BATCHES", "ID"])
      for dataset in datasets {
        table.append([
          dataset.name, dataset.recordClass, String(dataset.recordCount),
          String(dataset.batchCount),
          dataset.id,
        ])
      }
      console.write(table.rendered(console: console))
    }
  }
}
