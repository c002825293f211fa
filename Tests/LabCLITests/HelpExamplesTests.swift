import ArgumentParser
import Foundation
import LabCore
import LocalServer
import Logging
import Persistence
import PlatformAPI
import Sandbox
import Testing

@testable import LabCLI

/// Every example that `--help` prints runs as written on the demo data, after `start module3`
/// and the site journey of lesson 2; `--target local` examples go to a real server on a free
/// loopback port over the same sandbox (`AEP_LAB_LOCAL_URL`).
@Suite(.serialized) struct HelpExamplesTests {
  /// Examples that cannot run unattended, and why.
  static let notRunnable: [String: String] = [
    "serve": "runs until stopped",
    "reset --all": "asks for confirmation on a terminal",
    "watch": "runs until stopped",
    "api configure": "asks for credentials",
    "dev generate": "writes a large synthetic dataset",
    "dev luma": "rewrites the course's datasets",
    "dev check": "covered by DevCheckCommandTests",
    "pql": "reads a profile file the learner writes",
    "api send": "sends a file the learner writes (APISendCommandTests)",
  ]

  /// Parts of an example the reader replaces with their own value (a job's id, say).
  static let placeholders = ["...", "..", "JOB_ID"]

  /// Each command's path (`["segment", "show"]`) and the examples its help gives.
  static func examples(
    _ commands: [any ParsableCommand.Type], path: [String] = []
  ) -> [(path: [String], example: String)] {
    var result: [(path: [String], example: String)] = []
    for command in commands {
      let name = command._commandName
      let here = path + [name]
      let discussion = command.configuration.discussion
      if let range = discussion.range(of: "Example") {
        let tail = discussion[range.lowerBound...].drop { $0 != ":" }.dropFirst()
        let lines = tail.split(separator: "\n").flatMap {
          $0.replacingOccurrences(of: #" {3,}"#, with: "\n", options: .regularExpression)
            .split(separator: "\n")
        }
        for line in lines {
          for part in line.components(separatedBy: " && ") {
            let text = part.trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix("aep-lab ") else { continue }
            let cut = text.range(of: "  (").map { String(text[..<$0.lowerBound]) } ?? text
            result.append((here, cut))
          }
        }
      }
      result += examples(command.configuration.subcommands, path: here)
    }
    return result
  }

  /// `text` split into arguments, with '...' and "..." quoting.
  static func arguments(_ text: String) -> [String] {
    var result: [String] = []
    var current = ""
    var quote: Character?
    var started = false
    for character in text {
      if let open = quote {
        if character == open { quote = nil } else { current.append(character) }
      } else if character == "'" || character == "\"" {
        quote = character
        started = true
      } else if character == " " {
        if started || !current.isEmpty { result.append(current) }
        current = ""
        started = false
      } else {
        current.append(character)
      }
    }
    if started || !current.isEmpty { result.append(current) }
    return result
  }

  @Test func everyHelpExampleRunsOnTheDemoData() async throws {
    let course = try CourseSandbox.repositoryCourse()
    defer { course.remove() }
    let examples = Self.examples(AEPLab.configuration.subcommands)
    #expect(examples.count > 60)
    let start = await course.run(["start", "module3"])
    try #require(start.code == 0, "\(start.output)\(start.error)")
    let server = try await WorkspaceServer.start(for: course)
    defer { server.stop() }
    // Examples run in the order help lists them; one that needs what a later one makes (a
    // merge policy, say) runs again at the end.
    var failures: [(path: [String], example: String, result: CourseSandbox.Result)] = []
    var ran = 0
    for pass in 0..<2 {
      let batch = pass == 0 ? examples : failures.map { ($0.path, $0.example) }
      failures = []
      for (path, example) in batch {
        let arguments = Array(Self.arguments(example).dropFirst())
        let key = arguments.prefix(2).joined(separator: " ")
        if Self.notRunnable[key] != nil || Self.notRunnable[arguments.first ?? ""] != nil
          || Self.placeholders.contains(where: example.contains)
        {
          continue
        }
        let result = await course.run(arguments, environment: server.environment)
        // A check of a starter answer exits 1 ("did not pass"): that is the example working.
        let accepted: Set<Int32> = arguments.first == "check" ? [0, 1] : [0]
        if !accepted.contains(result.code) { failures.append((path, example, result)) }
        if pass == 0 { ran += 1 }
      }
    }
    for failure in failures {
      let command = failure.path.joined(separator: " ")
      let printed = failure.result.output + failure.result.error
      Issue.record("\(command): '\(failure.example)' exited \(failure.result.code): \(printed)")
    }
    #expect(ran > 50)
  }
}
