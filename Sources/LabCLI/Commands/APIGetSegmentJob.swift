import ArgumentParser
import LabCore
import PlatformAPI

extension AEPLab {
  /// `aep-lab api get-segment-job`: `GET /data/core/ups/segment/jobs/{id}`.
  struct APIGetSegmentJob: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "get-segment-job",
      abstract: "Show a segment job's status and counts (Step 3 - GET Segment Job status).",
      discussion: "Example: aep-lab api get-segment-job --target local JOB_ID")

    @Argument(help: "The segment job id.")
    var jobID: String

    @OptionGroup var platform: PlatformOptions
    @OptionGroup var output: FormatOptions

    func run() async throws {
      let client = try platform.makeClient(environment: LabEnvironment.current)
      let reply = try await platformCall { () async throws(PlatformAPIError) in
        try await client.getSegmentJob(id: jobID)
      }
      if output.format == .json { return ReplyPrinter.printBody(reply) }
      let job = try platformDecode { () throws(PlatformAPIError) in
        try reply.decode(SegmentJob.self)
      }
      SegmentJobSummary.print(job)
    }
  }
}
