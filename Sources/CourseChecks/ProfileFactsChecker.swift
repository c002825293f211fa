import Curriculum
import Foundation
import Identities
import LabCore
import Persistence
import PlatformAPI
import Profiles
import Sandbox

/// Judges answers about one profile against what the engine says of it: on the demo data
/// (exercise 3, the persona) or on the learner's own sandbox (exercise 10, their profile found
/// by an identity they give in the answer file).
///
/// Parameters: `{"file": "answers.json", "on": "demo" | "learner", "setup": [WorkStep...],
/// "namespace": "Email", "id": "lucas.moreau@example.com" | "idFromAnswer": "phone",
/// "facts": [ProfileFact...]}`.
public struct ProfileFactsChecker: Checker {
  /// The kind in `exercise.json`.
  public static let kind = "profile-facts"

  struct Parameters: Decodable {
    var file: String
    var on: String
    var setup: [WorkStep]?
    var namespace: String
    var id: String?
    var idFromAnswer: String?
    var facts: [ProfileFact]
  }

  let parameters: Parameters

  /// Reads the parameters.
  public init(parameters: JSONValue, path: String) throws(CurriculumError) {
    let decoded = try CheckerParameters.decode(
      Parameters.self, from: parameters, kind: Self.kind, path: path)
    guard ["demo", "learner"].contains(decoded.on),
      (decoded.id == nil) != (decoded.idFromAnswer == nil)
    else {
      throw .invalidCheckerParameters(
        kind: Self.kind, path: path,
        reason: "'on' must be 'demo' or 'learner', with exactly one of 'id' and 'idFromAnswer'")
    }
    self.parameters = decoded
  }

  /// The answer file.
  public var answerFiles: [String] { [parameters.file] }

  /// Judges the answers.
  public func check(_ submission: Submission, in context: CheckContext)
    async throws(CurriculumError) -> CheckReport
  {
    let exercise = submission.exercise.id
    let location = submission.location(of: parameters.file)
    let answer: JSONValue
    switch CheckerParameters.document(parameters.file, in: submission) {
    case .unreadable(let finding): return CheckReport(exerciseID: exercise, findings: [finding])
    case .parsed(let value): answer = value
    }
    let id: String
    if let key = parameters.idFromAnswer {
      id = answer[key]?.stringValue?.trimmingCharacters(in: .whitespaces) ?? ""
      guard !id.isEmpty else {
        return CheckReport(
          exerciseID: exercise,
          findings: [
            Finding(
              message: "Fill in '\(key)' first: the checks look your profile up by it.",
              expected: "your \(parameters.namespace)", found: "an empty value",
              location: "\(location) › \(key)")
          ])
      }
    } else {
      id = parameters.id ?? ""
    }
    let known = Set(parameters.facts.map(\.key) + [parameters.idFromAnswer].compactMap { $0 })
    var findings: [Finding] = []
    for key in (answer.objectValue ?? [:]).keys.sorted() where !known.contains(key) {
      findings.append(
        Finding(
          message: "'\(key)' is not a question of this exercise, so it is not graded.",
          expected: "one of " + known.sorted().map { "'\($0)'" }.joined(separator: ", "),
          found: "'\(key)'", location: "\(location) › \(key)",
          fix: "Rename it to the question it answers, or remove it."))
    }
    let learner =
      parameters.on == "demo" ? nil : try context.require(LearnerSandboxKey.self, for: Self.kind)
    do throws(SandboxError) {
      let sandbox: Sandbox
      if let learner {
        sandbox = try learner.open(parameters.setup ?? [])
      } else {
        sandbox = try DemoSandbox.make(seed: LumaDemoData.defaultSeed, in: context)
      }
      var right = 0
      for fact in parameters.facts {
        let expected = try fact.answer(namespace: parameters.namespace, id: id, in: sandbox)
        let given = answer[fact.key]
        if ProfileFact.isEmpty(given), expected != .null {
          findings.append(
            Finding(
              message: "'\(fact.key)' is not answered yet.", expected: "an answer",
              found: "nothing", location: "\(location) › \(fact.key)"))
        } else if let given, ProfileFact.matches(given, expected) {
          right += 1
        } else {
          findings.append(
            Finding(
              message: "'\(fact.key)' is not what the engine says. " + (fact.feedback ?? ""),
              expected: "the value the engine computes for this profile",
              found: given.map { $0.serialized() } ?? "nothing",
              location: "\(location) › \(fact.key)"))
        }
      }
      return CheckReport(
        exerciseID: exercise, findings: findings,
        notes: [
          (parameters.idFromAnswer.map { "Found the profile by your '\($0)'; " } ?? "")
            + "\(right) of \(parameters.facts.count) answers about it right."
        ])
    } catch .profileNotFound {
      return CheckReport(
        exerciseID: exercise,
        findings: [
          Finding(
            message: "No profile in the sandbox has the \(parameters.namespace) '\(id)'.",
            expected: "an identity of your profile", found: "'\(id)'", location: location,
            fix: "Write it exactly as you registered it (see 'aep-lab site profile-viewer').")
        ])
    } catch {
      return CheckReport(
        exerciseID: exercise,
        findings: [Finding(message: error.localizedDescription, location: location)])
    }
  }
}
