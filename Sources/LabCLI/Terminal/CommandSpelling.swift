import Foundation

/// Shows the `aep-lab ...` commands in printed text under the name the learner can type.
///
/// A fresh clone has only `bin/aep-lab`, so `bin/aep-lab` exports ``variable`` with the path the
/// learner typed when `aep-lab` is not on `PATH`. Messages, hints, findings, help and lessons
/// keep saying `aep-lab start module3`; ``Console`` passes all text through ``apply(to:)``, which
/// turns each `aep-lab ` that begins a command into, say, `bin/aep-lab `.
///
/// For example:
///
/// ```swift
/// let spelling = CommandSpelling(program: "bin/aep-lab", commands: ["lesson"])
/// spelling.apply(to: "Run 'aep-lab lesson next'.")  // "Run 'bin/aep-lab lesson next'."
/// ```
struct CommandSpelling: Sendable {
  /// The environment variable `bin/aep-lab` sets: how aep-lab was invoked.
  static let variable = "AEP_LAB_PROGRAM"
  /// The name commands are written with.
  static let writtenName = "aep-lab"

  /// The name to print instead of `aep-lab`.
  var program: String
  /// The subcommand names that mark `aep-lab WORD` as a command rather than prose.
  var commands: Set<String>

  /// The spelling for `environment`, or `nil` when commands are printed as written.
  static func from(environment: [String: String]) -> CommandSpelling? {
    guard let program = environment[variable]?.trimmingCharacters(in: .whitespaces),
      !program.isEmpty,
      program != writtenName
    else { return nil }
    return CommandSpelling(program: program, commands: AEPLab.commandNames)
  }

  /// `text` with every `aep-lab ` that starts a command spelt as ``program``.
  ///
  /// A command starts at the beginning of a line, after a space, a quote, a backtick, a `(`
  /// or a terminal style, and goes on with a subcommand name, an option (`--help`) or a
  /// placeholder (`<subcommand>`); `~/.config/aep-lab/` and "aep-lab is a course" stay as
  /// they are.
  func apply(to text: String) -> String {
    let marker = Self.writtenName + " "
    guard text.contains(marker) else { return text }
    var output = ""
    var rest = text[...]
    while let range = rest.range(of: marker) {
      let before = text[text.startIndex..<range.lowerBound]
      output += rest[..<range.lowerBound]
      let word = rest[range.upperBound...].prefix { !" '\"`\n\t)\u{1B}".contains($0) }
      let startsCommand =
        word.hasPrefix("-") || word.hasPrefix("<") || commands.contains(String(word))
      output += startsCommand && Self.beginsCommand(after: before) ? program + " " : marker
      rest = rest[range.upperBound...]
    }
    return output + rest
  }

  /// Whether a command may begin right after `before`.
  private static func beginsCommand(after before: Substring) -> Bool {
    guard let last = before.last else { return true }
    if " \n\t'\"`($".contains(last) { return true }
    // After a style such as "\u{1B}[1m".
    guard last == "m", let escape = before.lastIndex(of: "\u{1B}") else { return false }
    let code = before[before.index(after: escape)...].dropLast()
    return code.first == "[" && code.dropFirst().allSatisfy { $0.isNumber || $0 == ";" }
  }
}
