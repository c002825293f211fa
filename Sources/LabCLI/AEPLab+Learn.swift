import ArgumentParser

extension AEPLab {
  /// The commands listed under "Learn" in the help.
  static var learnCommands: [any ParsableCommand.Type] {
    [
      Start.self, Lesson.self, List.self, Status.self, Check.self, Hint.self, Solution.self,
      Reset.self, Watch.self,
    ]
  }
}
