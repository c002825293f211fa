import ArgumentParser
import Foundation
import LabCore
import Sandbox

extension AEPLab {
  /// `aep-lab dev luma`: writes the module's Luma demo datasets from their seeded generator.
  struct DevLuma: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "luma",
      abstract: "Write the Luma demo datasets of module 3 from their seeded generator.",
      discussion: """
        Writes one folder per dataset (schema.json + records.ndjson). The default seed and \
        folder rewrite the course's own data (datasets/luma); a test checks that the committed \
        files equal the generator's output, so run this after changing the generator.

        Example: aep-lab dev luma
        """)

    @Option(name: .long, help: "The random seed (the course's data uses 1).")
    var seed: UInt64 = LumaDemoData.defaultSeed

    @Option(name: .long, help: "The folder to write into (default: the course's datasets/luma).")
    var out: String?

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      let folder: URL
      if let out {
        folder = URL(fileURLWithPath: out)
      } else {
        folder = try workspace.resolve().contentRoot.appendingPathComponent(LumaDatasets.folder)
      }
      let demo = LumaDemoData(seed: seed)
      do {
        try demo.write(to: folder)
      } catch {
        throw LabFailure.domain(
          "The datasets could not be written to '\(folder.path)': \(error.localizedDescription). "
            + "Check that the folder is writable, or pass another with '--out'.")
      }
      if output.format == .json {
        let value: JSONValue = .object([
          "seed": .number(Double(seed)), "folder": .string(folder.path),
          "datasets": .array(
            demo.datasets.map {
              .object([
                "folder": .string($0.folder), "dataset": .string($0.schema.name),
                "records": .number(Double($0.records.count)),
              ])
            }),
        ])
        console.line(value.serialized(pretty: true))
        return
      }
      for dataset in demo.datasets {
        console.line("\(dataset.folder): \(dataset.records.count) records (\(dataset.schema.name))")
      }
      console.line("Wrote \(demo.recordCount) records into '\(folder.path)'.")
    }
  }
}
