import ArgumentParser

extension AEPLab {
  /// The names of every top-level subcommand, plus `help`: a word after `aep-lab ` in printed
  /// text that is one of these makes it a command (see ``CommandSpelling``).
  static let commandNames: Set<String> = {
    let commands =
      learnCommands + sandboxCommands + segmentCommands + platformCommands + authorCommands
      + helpCommands
    return Set(commands.map { $0._commandName } + ["help"])
  }()
}
