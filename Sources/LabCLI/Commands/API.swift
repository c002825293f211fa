import ArgumentParser

extension AEPLab {
  /// `aep-lab api`: the tutorial's Platform API calls through libcurl.
  struct API: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "api",
      abstract: "Make the tutorial's Platform API calls, live or against 'aep-lab serve'.",
      discussion: """
        Each command makes one Platform call with the headers the Platform requires \
        (Authorization, x-api-key, x-gw-ims-org-id, x-sandbox-name). '--target local' sends \
        it to 'aep-lab serve' instead of Adobe; '--format json' prints the response body as \
        received; '--trace' logs each HTTP exchange without secrets.

        Example: aep-lab api get-profile --target local --ns phone --id '+32473622044'
        """,
      subcommands: [
        APIConfigure.self, APIToken.self, APIGetProfile.self, APIGetEvents.self,
        APIGetIdentityGraph.self, APIListNamespaces.self, APICreateSegment.self,
        APIRunSegmentJob.self, APIGetSegmentJob.self, APIEstimate.self, APISend.self,
      ])
  }
}
