import Foundation
import LabCore
import PQL

/// The state and commands of the PQL prompt, without any terminal: one input line in, text out.
///
/// Lines accumulate until brackets balance and the line does not end with `\`, so an expression
/// can span lines. Lines starting with `:` are commands (`:help` lists them).
struct PQLREPLSession {
  /// What the prompt should do after a line.
  enum Reply: Equatable {
    /// Print this (possibly empty) text and show the main prompt.
    case output(String)
    /// The expression is incomplete; show the continuation prompt.
    case needsMore
    /// Leave the prompt.
    case quit
  }

  /// Looks up a sandbox profile by namespace and id.
  typealias ProfileLookup = (String, String) throws(LabFailure) -> PQLInput

  var input = PQLInput(profile: [:], events: [], label: "an empty profile")
  var now: PQLDateTime?
  var json = false
  private var pending: [String] = []
  private let lookup: ProfileLookup
  private let clock: () -> PQLDateTime
  private let console: Console

  init(console: Console, clock: @escaping () -> PQLDateTime, lookup: @escaping ProfileLookup) {
    self.console = console
    self.clock = clock
    self.lookup = lookup
  }

  /// Whether an expression is being continued on the next line.
  var isContinuing: Bool { !pending.isEmpty }

  static let help = """
    Type a PQL expression and press Enter to evaluate it. An expression continues on the next
    line while brackets are open or the line ends with '\\'.

      :profile NS ID     use the sandbox profile with that identity (and its events)
      :load FILE         use a profile JSON file
      :events FILE       use a JSON array of events
      :now ISO-8601      pin the evaluation time (':now' alone goes back to the clock)
      :json              toggle JSON output
      :show              show the current profile, events and time
      :help              this help
      :quit              leave (Ctrl-D works too)
    """

  mutating func handle(_ line: String) -> Reply {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    if pending.isEmpty, trimmed.hasPrefix(":") { return command(trimmed) }
    if pending.isEmpty, trimmed.isEmpty { return .output("") }
    var text = line
    if text.hasSuffix("\\") {
      text.removeLast()
      pending.append(text)
      return .needsMore
    }
    pending.append(text)
    let expression = pending.joined(separator: "\n")
    if Self.isOpen(expression) { return .needsMore }
    pending = []
    return .output(evaluate(expression))
  }

  /// Evaluates one expression and renders the value or the diagnostic.
  func evaluate(_ expression: String) -> String {
    do {
      let query = try PQLQuery(expression)
      let value = query.evaluate(
        profile: input.profile, events: PQLEventList(input.events), now: now ?? clock())
      return PQLOutput.render(value, json: json)
    } catch {
      return json
        ? PQLOutput.errorJSON(error).serialized(pretty: true)
        : PQLOutput.styledDiagnostic(error, console: console)
    }
  }

  private mutating func command(_ line: String) -> Reply {
    let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    let name = words[0].lowercased()
    do {
      switch name {
      case ":help", ":h", ":?": return .output(Self.help)
      case ":quit", ":q", ":exit": return .quit
      case ":json":
        json.toggle()
        return .output(json ? "JSON output on." : "JSON output off.")
      case ":now":
        guard words.count > 1 else {
          now = nil
          return .output("Evaluating at the current time.")
        }
        now = try PQLInput.parseNow(words[1])
        return .output("Evaluating at \(now?.description ?? "").")
      case ":profile":
        guard words.count == 3 else {
          return .output(
            "Usage: :profile NS ID, for example ':profile email lucas.moreau@example.com'.")
        }
        input = try lookup(words[1], words[2])
        return .output("Using \(input.label) with \(input.events.count) events.")
      case ":load":
        guard words.count == 2 else { return .output("Usage: :load FILE") }
        let profile = try PQLInput.readJSON(words[1], what: "profile")
        input = PQLInput(profile: profile, events: input.events, label: "'\(words[1])'")
        return .output("Using the profile in '\(words[1])'.")
      case ":events":
        guard words.count == 2 else { return .output("Usage: :events FILE") }
        guard case .array(let events) = try PQLInput.readJSON(words[1], what: "events") else {
          return .output("'\(words[1])' does not hold a JSON array of events.")
        }
        input.events = events
        return .output("Using \(events.count) events from '\(words[1])'.")
      case ":show":
        return .output(
          "Profile: \(input.label), \(input.events.count) events, now: "
            + (now.map { $0.description } ?? "the current time"))
      default:
        let known = [":profile", ":load", ":events", ":now", ":json", ":show", ":help", ":quit"]
        let hint = Suggestion.closest(to: name, in: known).map { " Did you mean '\($0)'?" } ?? ""
        return .output("Unknown command '\(name)'.\(hint) Type ':help' for the list.")
      }
    } catch {
      return .output(console.styled("Error:", .red) + " " + error.message)
    }
  }

  /// Whether brackets or a string are still open at the end of `text`.
  static func isOpen(_ text: String) -> Bool {
    var depth = 0
    var inString = false
    var escaped = false
    for character in text {
      if inString {
        if escaped {
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == "\"" {
          inString = false
        }
        continue
      }
      switch character {
      case "\"": inString = true
      case "(", "[", "{": depth += 1
      case ")", "]", "}": depth -= 1
      default: break
      }
    }
    return depth > 0
  }
}
