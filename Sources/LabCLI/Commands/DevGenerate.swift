import ArgumentParser
import Foundation
import LabCore
import Sandbox

extension AEPLab {
  /// `aep-lab dev generate`: a synthetic sandbox for benchmarks and large demos.
  struct DevGenerate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "generate",
      abstract: "Write a synthetic sandbox: three profile datasets and a web event dataset.",
      discussion: """
        About three identities per record spread over website registrations, CRM and loyalty, \
        shared ECIDs and a few junk emails that collide. Deterministic for a seed. Ingest it with \
        'aep-lab ingest DIR'.

        Events fall in May 2024; with '--until', in the 30 days before that time, and one person \
        in four also buys the last product they viewed, so segments on recent events have members.

        Example: aep-lab dev generate --profiles 100000 --events-per-profile 2 --seed 7 --out /tmp/synthetic
        Example: aep-lab dev generate --profiles 100000 --until now --out /tmp/synthetic
        """)

    @Option(
      name: .long, help: "Profile records (fragments) to write over the three profile datasets.")
    var profiles: Int

    @Option(name: .long, help: "Web events per person with a browser.")
    var eventsPerProfile = 2

    @Option(name: .long, help: "The random seed.")
    var seed: UInt64 = 1

    @Option(
      name: .long,
      help: "Put events in the 30 days before this time: 'now' or ISO 8601 (2026-12-01T00:00:00Z).")
    var until: String?

    @Option(name: .long, help: "The folder to write the dataset folders into.")
    var out: String

    @OptionGroup var output: FormatOptions

    func validate() throws {
      guard profiles > 0 else { throw ValidationError("--profiles must be at least 1.") }
      guard eventsPerProfile >= 0 else {
        throw ValidationError("--events-per-profile must be 0 or more.")
      }
      if until != nil, untilMilliseconds == nil {
        throw ValidationError(
          "--until must be 'now' or an ISO 8601 date-time such as 2026-12-01T00:00:00Z.")
      }
    }

    /// `--until` in milliseconds since 1970, `nil` when absent or unreadable.
    var untilMilliseconds: Int64? {
      guard let until else { return nil }
      let date = until == "now" ? Date() : ISO8601DateFormatter().date(from: until)
      return date.map { Int64($0.timeIntervalSince1970 * 1000) }
    }

    func run() throws {
      let console = Console.current
      let summary = try sandboxCall { () throws(SandboxError) in
        try SyntheticSandbox.write(
          profiles: profiles, eventsPerProfile: eventsPerProfile, seed: seed,
          until: untilMilliseconds,
          to: out)
      }
      if output.format == .json {
        let value: JSONValue = .object([
          "people": .number(Double(summary.people)),
          "profileRecords": .object(summary.profileRecords.mapValues { .number(Double($0)) }),
          "events": .number(Double(summary.events)),
          "folders": .array(summary.folders.map(JSONValue.string)),
        ])
        console.line(value.serialized(pretty: true))
        return
      }
      console.line(
        "Wrote \(summary.totalProfileRecords) profile records for \(summary.people) people and "
          + "\(summary.events) events into '\(out)'.")
      console.line("Next: 'aep-lab ingest \(out)'.")
    }
  }
}
