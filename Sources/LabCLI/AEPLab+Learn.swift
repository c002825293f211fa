import ArgumentParser

extension AEPLab {
  /// The commands listed under "Learn" in the help.
  static var learnCommands: [any ParsableCommand.Type] {
    []
  }
}
