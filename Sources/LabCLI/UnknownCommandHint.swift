import ArgumentParser
import LabCore

/// Finds the misspelt subcommand in an argument list and suggests the nearest real one.
enum UnknownCommandHint {
  /// A full error message for a misspelt subcommand, or `nil` when the problem is elsewhere.
  static func suggestion(for arguments: [String], root: any ParsableCommand.Type) -> String? {
    var command: any ParsableCommand.Type = root
    var path = [root.configuration.commandName ?? "aep-lab"]
    for argument in arguments where !argument.hasPrefix("-") {
      let subcommands =
        command.configuration.subcommands
        + command.configuration.groupedSubcommands.flatMap(\.subcommands)
      if subcommands.isEmpty { return nil }
      let names = subcommands.map { $0._commandName }
      if let match = subcommands.first(where: {
        $0._commandName == argument || $0.configuration.aliases.contains(argument)
      }) {
        command = match
        path.append(match._commandName)
        continue
      }
      let prefix = path.joined(separator: " ")
      var message = "Error: Unknown command '\(argument)'."
      if let near = Suggestion.closest(to: argument, in: names) {
        message += " Did you mean '\(prefix) \(near)'?"
      }
      message += " Run '\(prefix) --help' to list the commands."
      return message
    }
    return nil
  }
}
