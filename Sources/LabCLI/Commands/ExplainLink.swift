import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Sandbox

extension AEPLab {
  /// `aep-lab explain link`.
  struct ExplainLink: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "link",
      abstract:
        "Print the chain of records that connects two identities, or why they are not connected.",
      discussion: """
        Example: aep-lab explain link --ns ecid --id 41235678290417653820014579632018456702 \
        --to-ns crmId --to-id 1478212
        """)

    @OptionGroup var identity: IdentityOptions

    @Option(name: .customLong("to-ns"), help: "The other identity's namespace.")
    var toNamespace: String

    @Option(name: .customLong("to-id"), help: "The other identity's value.")
    var toID: String

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      let explanation = try sandboxCall { () throws(SandboxError) in
        try sandbox.explainLink(
          namespace: identity.namespace, id: identity.id, toNamespace: toNamespace, toID: toID)
      }
      if output.format == .json {
        console.line(Self.json(explanation).serialized(pretty: true))
        return
      }
      let from = "\(explanation.from.namespace) '\(explanation.from.id)'"
      let to = "\(explanation.to.namespace) '\(explanation.to.id)'"
      if let chain = explanation.chain {
        console.line(
          console.styled("Connected", .green) + ": \(from) and \(to) are in the same graph.")
        for (index, link) in chain.enumerated() {
          console.line(Self.step(index, link, explanation))
        }
      } else if let former = explanation.formerChain {
        console.line(
          console.styled("Not connected", .yellow)
            + " any more: \(from) and \(to) were linked, but a link on the way was removed.")
        for (index, link) in former.enumerated() {
          var text = Self.step(index, link, explanation)
          if link.state != .active { text += "\n       removed: \(link.state.explanation)" }
          console.line(text)
        }
      } else {
        console.line(
          console.styled("Not connected", .yellow)
            + ": no record ever put \(from) and \(to), or identities linked to them, together.")
      }
    }

    static func step(_ index: Int, _ link: IdentityLink, _ explanation: LinkExplanation) -> String {
      let dataset = explanation.datasetNames[link.origin.dataset] ?? link.origin.dataset
      let time = explanation.batchTimes[link.origin.batch].map { " at \($0)" } ?? ""
      return
        "  \(index + 1). \(link.from.namespace) \(link.from.id) -- \(link.to.namespace) \(link.to.id)\n"
        + "       by line \(link.origin.record) of \(link.origin.batch) in '\(dataset)'\(time)"
    }

    static func json(_ explanation: LinkExplanation) -> JSONValue {
      func links(_ chain: [IdentityLink]?) -> JSONValue {
        guard let chain else { return .null }
        return .array(
          chain.map { link in
            .object([
              "from": .object([
                "namespace": .string(link.from.namespace), "id": .string(link.from.id),
              ]),
              "to": .object(["namespace": .string(link.to.namespace), "id": .string(link.to.id)]),
              "dataset": .string(
                explanation.datasetNames[link.origin.dataset] ?? link.origin.dataset),
              "batch": .string(link.origin.batch), "record": .number(Double(link.origin.record)),
              "time": .string(explanation.batchTimes[link.origin.batch] ?? ""),
              "active": .bool(link.state == .active),
            ])
          })
      }
      return .object([
        "connected": .bool(explanation.chain != nil), "chain": links(explanation.chain),
        "formerChain": links(explanation.formerChain),
      ])
    }
  }
}
