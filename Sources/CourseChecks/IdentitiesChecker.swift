import Curriculum
import Foundation
import Identities
import LabCore
import Persistence
import PlatformAPI
import Profiles
import Sandbox

/// Judges exercise 2 on the learner's own sandbox: the identities listed must be exactly those
/// of the learner's profile graph, and each dataset's primary identity namespace must be the one
/// its schema declares.
///
/// Parameters: `{"file": "identities.json", "setup": [WorkStep...]}`. The answer file is
/// `{"identities": [{"namespace": "Email", "id": "..."}, ...], "primaryIdentity": {"<dataset
/// name>": "<namespace>", ...}}`.
public struct IdentitiesChecker: Checker {
  /// The kind in `exercise.json`.
  public static let kind = "identities"

  struct Parameters: Decodable {
    var file: String
    var setup: [WorkStep]
  }

  let parameters: Parameters

  /// Reads the parameters.
  public init(parameters: JSONValue, path: String) throws(CurriculumError) {
    self.parameters = try CheckerParameters.decode(
      Parameters.self, from: parameters, kind: Self.kind, path: path)
  }

  /// The answer file.
  public var answerFiles: [String] { [parameters.file] }

  /// Judges the learner's sandbox.
  public func check(_ submission: Submission, in context: CheckContext)
    async throws(CurriculumError) -> CheckReport
  {
    let id = submission.exercise.id
    let location = submission.location(of: parameters.file)
    let answer: JSONValue
    switch CheckerParameters.document(parameters.file, in: submission) {
    case .unreadable(let finding): return CheckReport(exerciseID: id, findings: [finding])
    case .parsed(let value): answer = value
    }
    let listed = (answer["identities"]?.arrayValue ?? []).compactMap { item -> Identity? in
      guard let namespace = item["namespace"]?.stringValue, let value = item["id"]?.stringValue,
        !namespace.isEmpty, !value.isEmpty
      else { return nil }
      return Identity(namespace: namespace, id: value)
    }
    guard !listed.isEmpty else {
      return CheckReport(
        exerciseID: id,
        findings: [
          Finding(
            message: "'identities' lists no identity yet.",
            expected: "every identity of your profile, as {\"namespace\": ..., \"id\": ...}",
            found: "an empty list", location: "\(location) › identities",
            fix: "Run 'aep-lab site profile-viewer' and copy each identity it lists.")
        ])
    }
    let learner = try context.require(LearnerSandboxKey.self, for: Self.kind)
    do {
      let sandbox = try learner.open(parameters.setup)
      let findings = try Self.judge(listed, answer: answer, in: sandbox, location: location)
      return CheckReport(
        exerciseID: id, findings: findings,
        notes: findings.isEmpty
          ? ["\(listed.count) identities, one profile: any of them finds it."] : [])
    } catch {
      return CheckReport(
        exerciseID: id, findings: [Finding(message: error.localizedDescription, location: location)]
      )
    }
  }

  static func judge(
    _ listed: [Identity], answer: JSONValue, in sandbox: Sandbox, location: String
  ) throws(SandboxError) -> [Finding] {
    let registry = try sandbox.registry()
    func canonical(_ identity: Identity) -> Identity {
      Identity(
        namespace: registry.namespace(for: identity.namespace)?.code ?? identity.namespace,
        id: identity.id)
    }
    let answered = listed.map(canonical)
    var graph: [Identity]?
    for identity in answered {
      if let picture = try? sandbox.graph(namespace: identity.namespace, id: identity.id) {
        graph = picture.identities.map(canonical)
        break
      }
    }
    guard let graph else {
      return [
        Finding(
          message: "None of the identities you listed is in your sandbox.",
          expected: "the identities of the profile you made in exercise 1",
          found: answered.map { "\($0.namespace) \($0.id)" }.joined(separator: ", "),
          location: "\(location) › identities",
          fix: "Copy them from 'aep-lab site profile-viewer' (namespace codes such as ECID, Email, "
            + "Phone).")
      ]
    }
    var findings: [Finding] = []
    let missing = graph.filter { !answered.contains($0) }
    let extra = answered.filter { !graph.contains($0) }
    if let first = missing.first {
      findings.append(
        Finding(
          message: "Your list misses \(missing.count) identit\(missing.count == 1 ? "y" : "ies") "
            + "of the profile, for example \(Self.article(first.namespace)) \(first.namespace).",
          expected: "\(graph.count) identities", found: "\(answered.count) listed",
          location: "\(location) › identities",
          fix: "'aep-lab graph show --ns \(first.namespace) --id \(first.id)' draws them all."))
    }
    if let first = extra.first {
      findings.append(
        Finding(
          message: "'\(first.namespace) \(first.id)' is not in the profile's identity graph.",
          expected: "only identities of the graph", found: "\(extra.count) other(s)",
          location: "\(location) › identities",
          fix: "Check the value character by character, and the namespace code."))
    }
    let stored = try sandbox.datasets()
    let primaries = answer["primaryIdentity"]?.objectValue ?? [:]
    for dataset in stored {
      guard
        let schema = try? JSONDecoder().decode(DatasetSchema.self, from: Data(dataset.schema.utf8)),
        let primary = schema.identities.first(where: { $0.primary == true })
      else { continue }
      let given = primaries[dataset.name]?.stringValue ?? ""
      let expected = registry.namespace(for: primary.namespace)?.code ?? primary.namespace
      let found = registry.namespace(for: given)?.code ?? given
      if found != expected {
        findings.append(
          Finding(
            message: "The primary identity namespace of '\(dataset.name)' is not right.",
            expected: "the namespace of its primary identity field",
            found: given.isEmpty ? "no answer" : "'\(given)'",
            location: "\(location) › primaryIdentity",
            fix: "'aep-lab datasets' lists the datasets; each schema marks one identity primary "
              + "(lesson 2)."))
      }
    }
    return findings
  }

  /// "an" or "a" before a namespace code: acronyms are read letter by letter (an ECID, a
  /// CRMID), words as words (an Email, a Phone).
  static func article(_ code: String) -> String {
    guard let first = code.uppercased().first else { return "a" }
    let isAcronym = code == code.uppercased()
    let vowelSound = isAcronym ? "AEFHILMNORSX".contains(first) : "AEIOU".contains(first)
    return vowelSound ? "an" : "a"
  }
}
