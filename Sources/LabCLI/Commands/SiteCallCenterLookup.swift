import ArgumentParser
import LabCore
import Sandbox

extension AEPLab {
  /// `aep-lab site callcenter lookup --phone P`: the agent's view of a caller.
  struct SiteCallCenterLookup: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "lookup",
      abstract: "Look a caller up by phone number (or any identity): the agent's screen.",
      discussion: """
        Shows what the agent sees from the merged profile: name, loyalty, the last product \
        viewed on any device, segment membership and recent events. The caller stays on the \
        screen for 'site callcenter log'.

        Example: aep-lab site callcenter lookup --phone +32473622044
        """)

    @Option(name: .long, help: "The caller's phone number, e.g. +32473622044.")
    var phone: String?

    @Option(name: .long, help: "Another namespace to search by (with --id), e.g. Email.")
    var ns: String?

    @Option(name: .long, help: "The identity value for --ns.")
    var id: String?

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func validate() throws {
      if phone == nil && (ns == nil || id == nil) {
        throw ValidationError(
          "Give '--phone +32...' (or '--ns NAMESPACE --id VALUE'), for example "
            + "'aep-lab site callcenter lookup --phone +32473622044'.")
      }
    }

    func run() throws {
      let sandbox = try workspace.resolve().openSandbox()
      let namespace = phone == nil ? ns ?? "Phone" : "Phone"
      let value = phone ?? id ?? ""
      let view = try sandboxCall { () throws(SandboxError) in
        try sandbox.callCenterLookup(namespace: namespace, id: value)
      }
      let console = Console.current
      if output.format == .json {
        console.line(SiteActionView.json(view).serialized(pretty: true))
      } else {
        console.write(SiteActionView.render(view, console: console))
      }
    }
  }
}
