import ArgumentParser

extension AEPLab {
  /// The commands listed under "Author" in the help.
  static var authorCommands: [any ParsableCommand.Type] {
    [Dev.self]
  }
}
