import ArgumentParser

extension AEPLab {
  /// `aep-lab site ...`: the simulated Luma website, mobile app and call center.
  struct Site: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Use the simulated Luma website, app and call center (module 3's hands-on part).",
      discussion: """
        Each action sends the records the real site sends into the tutorial's datasets, so the \
        identity graph and streaming segments react as you click. The current visit is \
        remembered between commands; 'site open' starts a new private window (a new ECID).

        Example: aep-lab site open && aep-lab site view "Montana Wind Jacket"
        """,
      subcommands: [
        SiteOpen.self, SiteView.self, SitePage.self, SiteRegister.self, SiteLogin.self,
        SiteApp.self, SiteCallCenter.self, SiteProfileViewer.self, SiteProducts.self,
      ])
  }
}
