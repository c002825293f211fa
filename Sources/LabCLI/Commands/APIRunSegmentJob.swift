import ArgumentParser
import LabCore
import PlatformAPI

extension AEPLab {
  /// `aep-lab api run-segment-job`: `POST /data/core/ups/segment/jobs`, optionally polled.
  struct APIRunSegmentJob: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "run-segment-job",
      abstract: "Evaluate segment definitions now (Step 2 - POST Segment Job).",
      discussion: """
        With '--wait' the job is polled (Step 3 - GET Segment Job status) until it succeeds \
        or fails, as you would poll it in Postman.

        Example: aep-lab api run-segment-job --target local --segment 2b2a1f.. --wait
        """)

    @Option(
      name: .long, parsing: .singleValue, help: "A segment definition id (repeat for several).")
    var segment: [String]

    @Flag(name: .long, help: "Poll the job until it finishes.")
    var wait = false

    @Option(name: .long, help: "Seconds between polls with --wait.")
    var interval: Int = 2

    @OptionGroup var platform: PlatformOptions
    @OptionGroup var output: FormatOptions

    func validate() throws {
      guard !segment.isEmpty else { throw ValidationError("Name a segment with '--segment ID'.") }
      guard interval >= 1 else { throw ValidationError("'--interval' must be at least 1.") }
    }

    func run() async throws {
      let console = Console.current
      let client = try platform.makeClient(environment: LabEnvironment.current)
      var reply = try await platformCall { () async throws(PlatformAPIError) in
        try await client.createSegmentJob(segmentIDs: segment)
      }
      var job = try platformDecode { () throws(PlatformAPIError) in
        try reply.decode(SegmentJob.self)
      }
      if output.format == .text {
        console.line("Segment job '\(job.id)' created: \(job.status).")
      }
      if wait {
        var polls = 0
        while !job.isFinished {
          polls += 1
          guard polls <= 600 else {
            throw LabFailure.domain(
              "The job '\(job.id)' is still \(job.status) after \(polls) polls; check it later "
                + "with 'aep-lab api get-segment-job \(job.id)'.")
          }
          try await Task.sleep(for: .seconds(interval))
          let jobID = job.id
          reply = try await platformCall { () async throws(PlatformAPIError) in
            try await client.getSegmentJob(id: jobID)
          }
          let previous = job.status
          job = try platformDecode { () throws(PlatformAPIError) in
            try reply.decode(SegmentJob.self)
          }
          if output.format == .text, job.status != previous {
            console.line("  \(job.status)")
          }
        }
      }
      if output.format == .json { return ReplyPrinter.printBody(reply) }
      if wait {
        SegmentJobSummary.print(job)
      } else {
        // The job was just created: its status is on the line above, its counts come later.
        console.line(
          "Poll it with: aep-lab api get-segment-job \(job.id)" + platform.repeatedOptions)
      }
    }
  }
}
