import ArgumentParser

extension AEPLab {
  /// `aep-lab dev ...`: tools for content authors.
  struct Dev: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Tools for content authors.",
      discussion: "Example: aep-lab dev check",
      subcommands: subcommands)

    /// The author commands; add new ones here.
    static var subcommands: [any ParsableCommand.Type] {
      [DevCheck.self, DevGenerate.self, DevLuma.self]
    }
  }
}
