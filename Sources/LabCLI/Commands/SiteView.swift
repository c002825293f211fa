import ArgumentParser
import Sandbox

extension AEPLab {
  /// `aep-lab site view PRODUCT`: a product view on the website.
  struct SiteView: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "view",
      abstract: "View a product on the website (by name or SKU): a product view event.",
      discussion: """
        Sends a commerce.productViews event with the product in productListItems, under the \
        browser's ECID. 'aep-lab site products' lists the catalogue.

        Example: aep-lab site view "Montana Wind Jacket"
        """)

    @Argument(help: "The product's name or SKU, for example 'Montana Wind Jacket' or 'LM-MWJ'.")
    var product: String

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let sandbox = try workspace.resolve().openSandbox()
      let result = try sandboxCall { () throws(SandboxError) in
        try sandbox.siteView(product: product, on: .web)
      }
      SiteActionView.show(result, format: output.format, sandbox: sandbox)
    }
  }
}
