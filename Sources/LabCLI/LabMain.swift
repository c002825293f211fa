import ArgumentParser
import Foundation
import LabCore

extension AEPLab {
  /// Parses the arguments, runs the command, and turns every error into a message and an exit
  /// code: 0 success, 1 domain error or failed check, 64 usage, 65 invalid data.
  public static func main() async {
    // A command's freed memory stays with it: returning it page by page stalls every core.
    FreedMemory.keep(upTo: 64 << 20)
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
      fail(failure.message, exitCode: failure.exitCode, arguments: arguments, console: console)
      return failure.exitCode
    } catch let error as any LocalizedError {
      fail(
        error.errorDescription ?? "\(error)", exitCode: 1, arguments: arguments, console: console)
      return 1
    } catch {
      return report(error, arguments: arguments, console: console)
    }
  }

  /// Prints a failure for people on standard error and, when the command was asked for
  /// `--format json` and has not printed its own JSON document, also as one JSON object on
  /// standard output, so a script reading the output always gets exactly one JSON document:
  /// `{"error": {"kind": "invalidData", "exitCode": 65, "message": …}}`.
  static func fail(_ message: String, exitCode: Int32, arguments: [String], console: Console) {
    console.error(console.styled("Error:", .red) + " " + message)
    printJSON(message, exitCode: exitCode, arguments: arguments, console: console)
  }

  /// The JSON half of ``fail(_:exitCode:arguments:console:)``: the error object on standard
  /// output, when `--format json` was asked for and nothing was printed there yet.
  static func printJSON(_ message: String, exitCode: Int32, arguments: [String], console: Console) {
    guard asksForJSON(arguments), !console.hasWrittenOutput else { return }
    let kind =
      switch exitCode {
      case 64: "usage"
      case 65: "invalidData"
      default: "failed"
      }
    let error: JSONValue = [
      "error": [
        "kind": .string(kind), "exitCode": .number(Double(exitCode)), "message": .string(message),
      ]
    ]
    console.line(error.serialized(pretty: true))
  }

  /// Whether the arguments (before a `--`) ask for `--format json`: the last `--format` wins,
  /// as it does for the option itself.
  static func asksForJSON(_ arguments: [String]) -> Bool {
    let options = Array(arguments.prefix { $0 != "--" })
    var format: String?
    for (index, argument) in options.enumerated() {
      if argument == "--format", index + 1 < options.count {
        format = options[index + 1]
      } else if argument.hasPrefix("--format=") {
        format = String(argument.dropFirst("--format=".count))
      }
    }
    return format == "json"
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
      printJSON(message, exitCode: code, arguments: arguments, console: console)
    }
    return code
  }
}
