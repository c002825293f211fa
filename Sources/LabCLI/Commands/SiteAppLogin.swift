import ArgumentParser
import Sandbox

extension AEPLab {
  /// `aep-lab site app login --email E`: logs in on the mobile app.
  struct SiteAppLogin: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "login",
      abstract: "Log in on the app: an application.login event with the app's ECID and your email.",
      discussion: """
        The app has its own ECID; logging in with the same email links it to your profile, \
        which is how the profile becomes cross-device.

        Example: aep-lab site app login --email lucas.moreau@example.com
        """)

    @Option(name: .long, help: "The account's email.")
    var email: String

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let sandbox = try workspace.resolve().openSandbox()
      let result = try sandboxCall { () throws(SandboxError) in
        try sandbox.siteLogin(email: email, on: .app)
      }
      SiteActionView.show(result, format: output.format, sandbox: sandbox)
    }
  }
}
