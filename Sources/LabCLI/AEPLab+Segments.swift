import ArgumentParser

extension AEPLab {
  /// The commands listed under "Segments" in the help.
  static var segmentCommands: [any ParsableCommand.Type] {
    [PQLCommand.self, SegmentCommand.self]
  }
}
