import ArgumentParser
import Sandbox

extension AEPLab {
  /// `aep-lab site app view PRODUCT`: a product view in the app.
  struct SiteAppView: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "view",
      abstract: "View a product in the app: a product view under the app's ECID (channel mobile).",
      discussion: "Example: aep-lab site app view \"Cassia Funnel Sweatshirt\"")

    @Argument(help: "The product's name or SKU.")
    var product: String

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let sandbox = try workspace.resolve().openSandbox()
      let result = try sandboxCall { () throws(SandboxError) in
        try sandbox.siteView(product: product, on: .app)
      }
      SiteActionView.show(result, format: output.format, sandbox: sandbox)
    }
  }
}
