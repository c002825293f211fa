import ArgumentParser

extension AEPLab {
  /// The commands listed under "Sandbox" in the help.
  static var sandboxCommands: [any ParsableCommand.Type] {
    [
      Ingest.self, Datasets.self, Profile.self, Graph.self, Explain.self, MergePolicyCommand.self,
      Namespace.self, IdentityRules.self, Site.self,
    ]
  }
}
