import ArgumentParser
import LabCore
import PlatformAPI

extension AEPLab {
  /// `aep-lab api estimate`: a preview plus its estimate for a PQL expression.
  struct APIEstimate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "estimate",
      abstract:
        "Estimate how many profiles a PQL expression selects (POST /preview, GET /estimate).",
      discussion: """
        Starts a preview, then polls its estimate until the result is ready.

        Example: aep-lab api estimate --target local --pql 'homeAddress.countryCode = "US"'
        """)

    @Option(name: .long, help: "The PQL expression (pql/text).")
    var pql: String

    @OptionGroup var platform: PlatformOptions
    @OptionGroup var output: FormatOptions

    func run() async throws {
      let console = Console.current
      let client = try platform.makeClient(environment: LabEnvironment.current)
      let created = try await platformCall { () async throws(PlatformAPIError) in
        try await client.createPreview(PreviewRequest(predicateExpression: pql))
      }
      let preview = try platformDecode { () throws(PlatformAPIError) in
        try created.decode(PreviewCreated.self)
      }
      var reply: PlatformReply
      var estimate: SegmentEstimate
      var polls = 0
      repeat {
        if polls > 0 { try await Task.sleep(for: .seconds(1)) }
        polls += 1
        reply = try await platformCall { () async throws(PlatformAPIError) in
          try await client.getEstimate(previewID: preview.previewId)
        }
        estimate = try platformDecode { () throws(PlatformAPIError) in
          try reply.decode(SegmentEstimate.self)
        }
      } while !["RESULT_READY", "FAILED"].contains(estimate.state) && polls < 120
      if output.format == .json { return ReplyPrinter.printBody(reply) }
      console.line(
        "Estimated size: \(estimate.estimatedSize) profile(s) (\(estimate.state), confidence "
          + "\(estimate.confidenceInterval ?? "–")).")
      if let read = estimate.profilesReadSoFar {
        console.line("Profiles read: \(read); matched: \(estimate.profilesMatchedSoFar ?? 0).")
      }
    }
  }
}
