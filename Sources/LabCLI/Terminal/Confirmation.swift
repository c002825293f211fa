import Foundation

/// Asks the learner to confirm a destructive step, on a terminal only.
enum Confirmation {
  /// Whether to go ahead: `assumeYes`, or the learner's "y" at the prompt.
  ///
  /// Without a terminal there is no one to ask, so it refuses with the command that confirms.
  static func ask(_ question: String, yesCommand: String, assumeYes: Bool, console: Console)
    throws(LabFailure) -> Bool
  {
    if assumeYes { return true }
    guard console.isTerminal, isatty(STDIN_FILENO) == 1 else {
      throw .usage(
        "\(question) There is no terminal to confirm on; run '\(yesCommand)' to go ahead.")
    }
    console.write("\(question) [y/N] ")
    let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
    return answer == "y" || answer == "yes"
  }
}
