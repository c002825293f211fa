import ArgumentParser

extension AEPLab {
  /// The commands listed under "Sandbox" in the help.
  static var sandboxCommands: [any ParsableCommand.Type] {
    [Ingest.self, Profile.self]
  }
}
