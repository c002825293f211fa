import ArgumentParser
import Sandbox

extension AEPLab {
  /// `aep-lab site callcenter log --topic T --feeling F`: logs the call on screen.
  struct SiteCallCenterLog: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "log",
      abstract: "Log a call with the caller on screen: a call-center event keyed by their phone.",
      discussion: """
        Feelings: positive, neutral, negative. The event joins the caller's profile at once; \
        look them up again to see it.

        Example: aep-lab site callcenter log --topic "Order status" --feeling positive
        """)

    @Option(name: .long, help: "The call's topic, for example 'Order status'.")
    var topic: String

    @Option(name: .long, help: "positive, neutral or negative.")
    var feeling: String

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let sandbox = try workspace.resolve().openSandbox()
      let result = try sandboxCall { () throws(SandboxError) in
        try sandbox.callCenterLog(topic: topic, feeling: feeling)
      }
      SiteActionView.show(result, format: output.format, sandbox: sandbox)
    }
  }
}
