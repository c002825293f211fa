import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Sandbox

extension AEPLab {
  /// `aep-lab namespace create`.
  struct NamespaceCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "create",
      abstract: "Create a custom identity namespace.",
      discussion: """
        Types: cookie, device, cross-device, email, phone, mobile, partner, non-people. Partner \
        and non-people identities never link into graphs.

        Example: aep-lab namespace create --code memberId --name 'Member ID' --type cross-device
        """)

    @Option(name: .long, help: "The code used in identityMaps, e.g. 'memberId'.")
    var code: String

    @Option(name: .long, help: "The display name.")
    var name: String

    @Option(name: .long, help: "The identity type, e.g. 'cross-device'.")
    var type: String

    @Option(name: .long, help: "A description.")
    var description = ""

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      let created = try sandboxCall { () throws(SandboxError) in
        try sandbox.createNamespace(code: code, name: name, type: type, description: description)
      }
      if output.format == .json {
        console.line(NamespaceList.json(created).serialized(pretty: true))
      } else {
        console.line(
          "Created the namespace '\(created.code)' (\(created.name), \(created.type.displayName), "
            + "id \(created.id)).")
      }
    }
  }
}
