import ArgumentParser
import Sandbox

extension AEPLab {
  /// `aep-lab site open`: a new private browser window on the Luma website.
  struct SiteOpen: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "open",
      abstract: "Open the Luma website in a new private window: a new anonymous ECID.",
      discussion: """
        Like the module's fresh incognito window: the browser gets a new Experience Cloud ID \
        and lands on the home page (a page view). Anything you do next is anonymous until you \
        register or log in.

        Example: aep-lab site open
        """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let sandbox = try workspace.resolve().openSandbox()
      let result = try sandboxCall { () throws(SandboxError) in try sandbox.siteOpen() }
      SiteActionView.show(result, format: output.format, sandbox: sandbox)
    }
  }
}
