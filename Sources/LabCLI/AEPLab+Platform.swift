import ArgumentParser

extension AEPLab {
  /// The commands listed under "Platform" in the help.
  static var platformCommands: [any ParsableCommand.Type] {
    [API.self, Serve.self]
  }
}
