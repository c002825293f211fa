import ArgumentParser
import Sandbox

extension AEPLab {
  /// `aep-lab site login --email E`: logs in on the website.
  struct SiteLogin: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "login",
      abstract: "Log in on the website with an existing account: links this browser's ECID.",
      discussion: """
        Sends a web.login event carrying the browser's ECID and the account's email, so this \
        window's visits join the account's profile.

        Example: aep-lab site login --email lucas.moreau@example.com
        """)

    @Option(name: .long, help: "The account's email.")
    var email: String

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let sandbox = try workspace.resolve().openSandbox()
      let result = try sandboxCall { () throws(SandboxError) in
        try sandbox.siteLogin(email: email, on: .web)
      }
      SiteActionView.show(result, format: output.format, sandbox: sandbox)
    }
  }
}
