import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Sandbox

extension AEPLab {
  /// `aep-lab explain value`.
  struct ExplainValue: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "value",
      abstract:
        "Print every fragment's value for an attribute and which one the merge policy picks.",
      discussion: """
        Example: aep-lab explain value --ns email --id lucas.moreau@example.com homeAddress.city \
        --merge-policy 'Website first'
        """)

    @OptionGroup var identity: IdentityOptions

    @Argument(help: "The attribute path, e.g. 'person.name.firstName'.")
    var path: String

    @Option(name: .long, help: "A merge policy id or name.")
    var mergePolicy: String?

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      let result = try sandboxCall { () throws(SandboxError) in
        try sandbox.explainValue(
          namespace: identity.namespace, id: identity.id, path: path, mergePolicy: mergePolicy)
      }
      let explanation = result.explanation
      if output.format == .json {
        console.line(Self.json(result).serialized(pretty: true))
        return
      }
      console.line(console.styled(path, .bold) + " under '\(explanation.policy.name)'")
      var rule = explanation.rule
      for (id, name) in result.datasetNames {
        rule = rule.replacingOccurrences(of: id, with: "'\(name)'")
      }
      console.line("  Rule: \(rule).")
      var table = TextTable(headers: ["", "VALUE", "DATASET", "BATCH", "LINE", "FRAGMENT OF"])
      for (index, candidate) in explanation.candidates.enumerated() {
        let fragment = candidate.fragment
        let mark =
          index == explanation.winner
          ? console.styled("wins", .green) : candidate.precedence == nil ? "left out" : ""
        table.append([
          mark, candidate.value.map(ProfileCard.display) ?? "(none)",
          result.datasetNames[fragment.datasetID] ?? fragment.datasetID, fragment.batchID,
          String(fragment.order & 0xFFFF_FFFF),
          "\(fragment.primaryIdentity.namespace) \(fragment.primaryIdentity.id)",
        ])
      }
      console.write(table.rendered(console: console))
      if explanation.winner == nil { console.line("No fragment has a value at '\(path)'.") }
    }

    static func json(_ result: ValueExplanation) -> JSONValue {
      let explanation = result.explanation
      return .object([
        "path": .string(explanation.path.joined(separator: ".")),
        "mergePolicy": .string(explanation.policy.id),
        "rule": .string(explanation.rule),
        "value": explanation.winner.flatMap { explanation.candidates[$0].value } ?? .null,
        "candidates": .array(
          explanation.candidates.enumerated().map { index, candidate in
            .object([
              "value": candidate.value ?? .null,
              "dataset": .string(
                result.datasetNames[candidate.fragment.datasetID] ?? candidate.fragment.datasetID),
              "batch": .string(candidate.fragment.batchID),
              "line": .number(Double(candidate.fragment.order & 0xFFFF_FFFF)),
              "included": .bool(candidate.precedence != nil),
              "wins": .bool(index == explanation.winner),
            ])
          }),
      ])
    }
  }
}
