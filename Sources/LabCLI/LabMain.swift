import ArgumentParser
import Foundation

extension AEPLab {
  /// Parses the arguments, runs the command, and turns every error into a message and an exit
  /// code: 0 success, 1 domain error or failed check, 64 usage, 65 invalid data.
  public static func main() async {
    let code = await run(arguments: Array(CommandLine.arguments.dropFirst()))
    Foundation.exit(code)
  }

  /// Runs one invocation with the current ``Console`` and returns its exit status.
  public static func run(arguments: [String]) async -> Int32 {
    let console = Console.current
    do {
      var command = try parseAsRoot(arguments)
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
      return 0
    } catch let failure as LabFailure {
      console.error(console.styled("Error:", .red) + " " + failure.message)
      return failure.exitCode
    } catch let error as any LocalizedError {
      console.error(console.styled("Error:", .red) + " " + (error.errorDescription ?? "\(error)"))
      return 1
    } catch {
      return report(error, arguments: arguments, console: console)
    }
  }

  /// Prints an ArgumentParser error (help, version, usage) the way the library formats it,
  /// adding a "did you mean" for a misspelt subcommand.
  static func report(_ error: any Error, arguments: [String], console: Console) -> Int32 {
    let code = exitCode(for: error).rawValue
    var message = fullMessage(for: error)
    if code == ExitCode.validationFailure.rawValue,
      let hint = UnknownCommandHint.suggestion(for: arguments, root: AEPLab.self)
    {
      message = hint
    }
    if message.isEmpty {
      return code
    } else if code == 0 {
      console.line(message)
    } else {
      console.error(message)
    }
    return code
  }
}
