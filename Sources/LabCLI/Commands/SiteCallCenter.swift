import ArgumentParser

extension AEPLab {
  /// `aep-lab site callcenter ...`: the call center's screen.
  struct SiteCallCenter: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "callcenter",
      abstract: "Use the call center: look a caller up by phone and log the call.",
      discussion: "Example: aep-lab site callcenter lookup --phone +32473622044",
      subcommands: [SiteCallCenterLookup.self, SiteCallCenterLog.self])
  }
}
