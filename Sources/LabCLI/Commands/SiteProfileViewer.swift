import ArgumentParser
import LabCore
import Sandbox

extension AEPLab {
  /// `aep-lab site profile-viewer`: the site's Profile Viewer panel.
  struct SiteProfileViewer: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "profile-viewer",
      abstract: "Show the site's Profile Viewer: the current visitor's profile and events.",
      discussion: """
        What the Luma site's Profile Viewer panel shows for the browser (or, with --app, the \
        app): the merged profile its ECID belongs to, its identities and its events.

        Example: aep-lab site profile-viewer
        """)

    @Flag(name: .long, help: "Show the app's visitor instead of the browser's.")
    var app = false

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let sandbox = try workspace.resolve().openSandbox()
      let kind: SiteDeviceKind = app ? .app : .web
      let viewer = try sandboxCall { () throws(SandboxError) in
        try sandbox.siteProfileViewer(on: kind)
      }
      guard let viewer else {
        throw LabFailure.domain(
          app
            ? "The app has not been used yet. Log in first: 'aep-lab site app login --email ...'."
            : "No browser visit is open yet. Open one first: 'aep-lab site open'.")
      }
      let console = Console.current
      if output.format == .json {
        let value: JSONValue = [
          "device": .string(kind.rawValue), "ecid": .string(viewer.device.ecid),
          "loggedInAs": viewer.device.email.map(JSONValue.string) ?? .null,
          "profile": SiteActionView.entities(viewer.profile),
          "events": SiteActionView.wire(viewer.events.response),
        ]
        console.line(value.serialized(pretty: true))
        return
      }
      console.write(SiteActionView.render(viewer, kind: kind, sandbox: sandbox, console: console))
    }
  }
}
