import ArgumentParser

extension AEPLab {
  /// `aep-lab site app ...`: the Luma mobile app, a second device with its own ECID.
  struct SiteApp: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "app",
      abstract: "Use the Luma mobile app: a second device with its own ECID.",
      discussion: "Example: aep-lab site app login --email alex.doe@example.com",
      subcommands: [SiteAppLogin.self, SiteAppView.self])
  }
}
