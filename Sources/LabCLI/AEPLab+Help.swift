import ArgumentParser

extension AEPLab {
  /// The commands listed under "Help" in the help.
  static var helpCommands: [any ParsableCommand.Type] {
    [Doctor.self]
  }
}
