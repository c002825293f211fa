import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Sandbox

extension AEPLab {
  /// `aep-lab graph show`.
  struct GraphShow: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract:
        "Draw the identity graph of an identity: its identities and the links between them.",
      discussion: """
        --format text draws it in the terminal, json lists identities and links, dot renders with \
        Graphviz ('aep-lab graph show ... --format dot | dot -Tsvg > graph.svg').

        Example: aep-lab graph show --ns ecid --id 41235678290417653820014579632018456702
        """)

    /// The output forms.
    enum Form: String, ExpressibleByArgument, CaseIterable {
      case text, json, dot
    }

    @OptionGroup var identity: IdentityOptions

    @Option(name: .long, help: "'text', 'json' or 'dot'.")
    var format: Form = .text

    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      let picture = try sandboxCall { () throws(SandboxError) in
        try sandbox.graph(namespace: identity.namespace, id: identity.id)
      }
      switch format {
      case .json: console.line(GraphDrawing.json(picture).serialized(pretty: true))
      case .dot: console.write(GraphDrawing.dot(picture))
      case .text: console.write(GraphDrawing.text(picture, console: console))
      }
    }
  }
}
