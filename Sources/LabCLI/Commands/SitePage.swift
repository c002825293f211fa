import ArgumentParser
import Sandbox

extension AEPLab {
  /// `aep-lab site page NAME`: a page view on the website.
  struct SitePage: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "page",
      abstract: "View a page of the website (Home, Men, Women, Gear, Sale ...): a page view.",
      discussion: """
        Sends a web.webpagedetails.pageViews event under the browser's ECID.

        Example: aep-lab site page Men
        """)

    @Argument(help: "The page's name, for example 'Men'.")
    var name: String

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let sandbox = try workspace.resolve().openSandbox()
      let result = try sandboxCall { () throws(SandboxError) in try sandbox.siteView(page: name) }
      SiteActionView.show(result, format: output.format, sandbox: sandbox)
    }
  }
}
