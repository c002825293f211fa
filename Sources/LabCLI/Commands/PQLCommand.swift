import ArgumentParser

extension AEPLab {
  /// `aep-lab pql`: evaluate and convert PQL, or explore it in a REPL.
  struct PQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "pql",
      abstract: "Evaluate and convert PQL expressions, or explore them interactively.",
      discussion: """
        With no subcommand, 'aep-lab pql' opens an interactive prompt.

        Example: aep-lab pql eval --profile profile.json 'homeAddress.countryCode = "US"'
        """,
      subcommands: [PQLEval.self, PQLConvert.self, PQLREPL.self],
      defaultSubcommand: PQLREPL.self)
  }
}
