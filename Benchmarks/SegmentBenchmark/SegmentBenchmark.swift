import Dispatch
import Foundation
import LabCore
import PQL
import Persistence
import PlatformAPI
import Sandbox
import Segmentation

/// The segmentation benchmark: five representative segments over N generated profiles with 20
/// events each, parse+check of a 2 KB expression, and streaming re-evaluation per record.
///
/// Run with `Benchmarks/run segments [--profiles N] [--out DIR]`; the script then computes the
/// same five audiences with DuckDB over the same files and prints the ratio.
@main
enum SegmentBenchmark {
  static let now: Int64 = 1_750_248_000_000  // 2025-06-18T12:00:00Z
  static let eventsPerProfile = 20

  static let segments: [(name: String, id: String, pql: String)] = [
    ("attribute equality", "attr", #"person.gender = "male""#),
    ("string, case folding", "text", #"homeAddress.city.contains("BRU", false)"#),
    (
      "event count, 7-day window", "count",
      #"xEvent[eventType = "commerce.productViews" and timestamp occurs <= 7 days before now].count() >= 3"#
    ),
    (
      "two-step chain, 24 hours", "chain",
      #"chain(xEvent, timestamp, [A: WHAT(eventType = "commerce.productViews") WHEN(<= 24 hours before now), B: WHAT(eventType = "commerce.purchases") WHEN(<= 24 hours before now)])"#
    ),
    ("inSegment conjunction", "nested", #"inSegment("attr") and loyalty.level = "Gold""#),
  ]

  static func main() throws {
    var profiles = 1_000_000
    var out = "Benchmarks/out/segments"
    var arguments = Array(CommandLine.arguments.dropFirst())
    while !arguments.isEmpty {
      let flag = arguments.removeFirst()
      let value = arguments.isEmpty ? "" : arguments.removeFirst()
      if flag == "--profiles", let count = Int(value) { profiles = count }
      if flag == "--out" { out = value }
    }
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    print("Segmentation benchmark: \(profiles) profiles x \(eventsPerProfile) events (2 threads)")
    let generateStart = DispatchTime.now()
    try SyntheticData.write(profiles: profiles, events: eventsPerProfile, now: now, to: out)
    print("  generated the CSV files in \(format(seconds(since: generateStart))) s (not timed)")

    let parse = try parseAndCheck()
    print(
      "  parse+check of a 2 KB expression: \(format(parse * 1000, digits: 3)) ms (median of 200)")

    let result = try columnarBatch(out)
    print(
      "  the same job with each profile made into JSON first (as the sandbox's job reads them):")
    let json = try batch(out)
    let same = json.members == result.members
    print("  same members both ways: \(same ? "yes" : "NO: \(json.members) vs \(result.members)")")
    let streaming = try streamingPerRecord()
    print(
      "  streaming re-evaluation: \(format(streaming * 1000, digits: 3)) ms per ingested record "
        + "(median of 200, 5 streaming segments, sandbox of 2,000 profiles)")

    var report: [String: JSONValue] = [
      "profiles": .number(Double(profiles)), "parseCheckMs": .number(parse * 1000),
      "streamingMsPerRecord": .number(streaming * 1000),
      "loadSeconds": .number(result.load), "totalSeconds": .number(result.total),
      "jsonTotalSeconds": .number(json.total),
    ]
    var perSegment: [String: JSONValue] = [:]
    for (index, segment) in segments.enumerated() {
      perSegment[segment.id] = [
        "name": .string(segment.name), "seconds": .number(result.seconds[index]),
        "members": .number(Double(result.members[index])),
      ]
    }
    report["segments"] = .object(perSegment)
    try Data(JSONValue.object(report).serialized(pretty: true).utf8).write(
      to: URL(fileURLWithPath: out + "/aep-lab.json"))
  }

  /// The batch job over columns: load the files into PQL columns, then each segment over every
  /// profile (its plan made once, the rows split between two threads), in order, so that
  /// `inSegment("attr")` reads the attribute segment's result.
  static func columnarBatch(_ folder: String) throws -> (
    load: Double, seconds: [Double], members: [Int], total: Double
  ) {
    let start = DispatchTime.now()
    let cpuStart = cpuSeconds()
    var columns = try SyntheticData.load(from: folder).columns()
    let load = seconds(since: start)
    print(
      "  load (read + parse the CSV files into columns): \(format(load)) s wall, "
        + "\(format(cpuSeconds() - cpuStart)) s CPU")
    let instant = PQLDateTime(millisecondsSinceEpoch: now)
    let workers = 2
    let count = columns.profileCount
    var perSegment: [Double] = []
    var counts: [Int] = []
    for segment in segments {
      let segmentStart = DispatchTime.now()
      let plan = try PQLQuery(segment.pql).plan(for: columns, now: instant)
      nonisolated(unsafe) var flags = [Bool](repeating: false, count: count)
      flags.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let output = buffer
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
          for row in (count * worker / workers)..<(count * (worker + 1) / workers) {
            output[row] = plan.matches(row)
          }
        }
      }
      let wall = seconds(since: segmentStart)
      columns.memberships[segment.id] = flags
      let qualified = flags.count { $0 }
      perSegment.append(wall)
      counts.append(qualified)
      print(
        "  \(segment.name.padding(toLength: 28, withPad: " ", startingAt: 0)) "
          + "\(format(Double(count) / max(wall, 1e-9), digits: 0)) profiles/s  "
          + "(\(format(wall, digits: 3)) s, \(qualified) members, "
          + "\(plan.isColumnar ? "on the columns" : "per profile as JSON"))")
    }
    let total = seconds(since: start)
    print(
      "  batch job, all five: \(format(total)) s with the load (\(format(cpuSeconds() - cpuStart)) s CPU) "
        + "= \(format(Double(count) / max(total, 1e-9), digits: 0)) profiles/s end to end")
    return (load, perSegment, counts, total)
  }

  /// The batch job with JSON inputs: load the files, make each profile and its events into
  /// JSON, evaluate the five segments.
  static func batch(_ folder: String) throws -> (
    load: Double, prepare: Double, seconds: [Double], members: [Int], total: Double
  ) {
    let start = DispatchTime.now()
    let cpuStart = cpuSeconds()
    let data = try SyntheticData.load(from: folder)
    let load = seconds(since: start)
    print(
      "  load (read + parse the CSV files): \(format(load)) s wall, "
        + "\(format(cpuSeconds() - cpuStart)) s CPU")
    let evaluator = try SegmentEvaluator(
      segments: segments.map {
        Segment(
          id: $0.id, name: $0.name, expression: SegmentExpressionSource(value: $0.pql),
          creationTime: 0)
      })
    let order = evaluator.segments.map(\.segment.id)
    let workers = 2
    let count = data.count
    nonisolated(unsafe) var nanos = Array(
      repeating: Array(repeating: UInt64(0), count: segments.count + 1), count: workers)
    nonisolated(unsafe) var members = Array(
      repeating: Array(repeating: 0, count: segments.count), count: workers)
    let queries = segments.map { segment in
      evaluator.segments.first { $0.segment.id == segment.id }?.query
    }
    _ = order
    let evaluateStart = DispatchTime.now()
    let evaluateCPU = cpuSeconds()
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      let from = count * worker / workers
      let to = count * (worker + 1) / workers
      var local = Array(repeating: UInt64(0), count: segments.count + 1)
      var localMembers = Array(repeating: 0, count: segments.count)
      let instant = PQLDateTime(millisecondsSinceEpoch: now)
      let values = SyntheticData.Values()
      for index in from..<to {
        var clock = DispatchTime.now().uptimeNanoseconds
        var profile = data.profile(index, values)
        let events = PQLEventList(data.events(index, values))
        var tick = DispatchTime.now().uptimeNanoseconds
        local[segments.count] += tick - clock
        for (position, query) in queries.enumerated() {
          guard let query else { continue }
          clock = tick
          let qualifies = query.matches(profile: profile, events: events, now: instant)
          if qualifies {
            localMembers[position] += 1
            if position == 0 {
              profile = SegmentMembership.apply(
                ["attr": SegmentMembership(status: .realized, lastQualificationTime: now)],
                to: profile)
            }
          }
          tick = DispatchTime.now().uptimeNanoseconds
          local[position] += tick - clock
        }
      }
      nanos[worker] = local
      members[worker] = localMembers
    }
    let evaluate = seconds(since: evaluateStart)
    let total = seconds(since: start)
    let evaluateCPUSeconds = cpuSeconds() - evaluateCPU
    let totalCPU = cpuSeconds() - cpuStart
    var perSegment: [Double] = []
    var counts: [Int] = []
    let prepare = Double(nanos.map { $0[segments.count] }.max() ?? 0) / 1e9
    print("  prepare (profile + events as PQL inputs): \(format(prepare)) s")
    for (index, segment) in segments.enumerated() {
      let wall = Double(nanos.map { $0[index] }.max() ?? 0) / 1e9
      let qualified = members.reduce(0) { $0 + $1[index] }
      perSegment.append(wall)
      counts.append(qualified)
      print(
        "  \(segment.name.padding(toLength: 28, withPad: " ", startingAt: 0)) "
          + "\(format(Double(count) / max(wall, 1e-9), digits: 0)) profiles/s  "
          + "(\(format(wall)) s, \(qualified) members)")
    }
    print(
      "  batch job, all five: \(format(evaluate)) s evaluating (\(format(evaluateCPUSeconds)) s CPU), "
        + "\(format(total)) s with the load (\(format(totalCPU)) s CPU) "
        + "= \(format(Double(count) / max(total, 1e-9), digits: 0)) profiles/s end to end")
    return (load, prepare, perSegment, counts, total)
  }

  /// Median parse+check time of a 2 KB expression, in seconds.
  static func parseAndCheck() throws -> Double {
    var parts: [String] = []
    var index = 0
    while parts.joined(separator: " or ").utf8.count < 2048 {
      parts.append(
        #"(person.gender = "male" and homeAddress.city.contains("br\#(index)", false) "#
          + #"and xEvent[eventType = "commerce.productViews" and timestamp occurs <= \#(index % 7 + 1) days before now].count() >= \#(index % 4 + 1))"#
      )
      index += 1
    }
    let text = parts.joined(separator: " or ")
    _ = try PQLQuery(text)
    return median(200) { _ = try? SegmentEligibility(query: PQLQuery(text)) }
  }

  /// Median time of one streaming re-evaluation (one profile, five streaming segments).
  static func streamingPerRecord() throws -> Double {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "aep-lab-segment-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try SyntheticSandbox.write(
      profiles: 2_000, eventsPerProfile: 20, seed: 5, to: folder.path)
    let sandbox = Sandbox(database: try LabDatabase.inMemory())
    _ = try sandbox.ingest(path: folder.path)
    let streaming = [
      #"person.gender = "male""#, #"homeAddress.city.contains("BRU", false)"#,
      #"xEvent[eventType = "commerce.productViews" and timestamp occurs <= 24 hours before now].count() >= 1"#,
      #"chain(xEvent, timestamp, [A: WHAT(eventType = "commerce.productViews") WHEN(<= 24 hours before now), B: WHAT(eventType = "commerce.purchases") WHEN(<= 24 hours before now)])"#,
      #"loyaltyDetails.level = "Gold""#,
    ]
    for (index, pql) in streaming.enumerated() {
      _ = try sandbox.createSegment(
        .init(
          name: "streaming \(index)", expression: .init(value: pql),
          evaluationInfo: .init(batch: true, continuous: true)))
    }
    let jobStart = DispatchTime.now()
    let job = try sandbox.runSegmentJob()
    let jobSeconds = seconds(since: jobStart)
    let evaluated = job.metrics["totalProfiles"]?.intValue ?? 0
    print(
      "  sandbox batch job (SQLite read + merge + 5 segments): \(evaluated) profiles in "
        + "\(format(jobSeconds)) s = \(format(Double(evaluated) / max(jobSeconds, 1e-9), digits: 0)) profiles/s"
    )
    let graphs = try SegmentStore(database: sandbox.store.database).graphIDs()
    var next = 0
    let perRecord = median(200) {
      _ = try? sandbox.evaluateStreamingSegments(graphIDs: [graphs[next % graphs.count]])
      next += 7
    }
    // A whole one-record ingest (read, link, commit, re-evaluate) for comparison.
    let event = folder.appendingPathComponent("one-event.ndjson")
    let schema = folder.appendingPathComponent("one-event-schema.json")
    try Data(
      #"{"name": "Synthetic - Event Dataset for Website", "class": "experienceevent", "identities": [{"path": "identification.ecid", "namespace": "ECID", "primary": true}]}"#
        .utf8
    ).write(to: schema)
    var number = 0
    let ingest = median(50) {
      number += 1
      let line =
        #"{"_id": "bench-\#(number)", "timestamp": "2025-06-18T11:00:00Z", "eventType": "commerce.productViews", "identification": {"ecid": "20000000000000000000000000000000000000"}}"#
      try? Data((line + "\n").utf8).write(to: event)
      _ = try? sandbox.ingest(path: event.path, schemaPath: schema.path)
    }
    print(
      "  one-record ingest with 5 streaming segments, end to end: "
        + "\(format(ingest * 1000, digits: 3)) ms (median of 50)")
    return perRecord
  }

  static func median(_ runs: Int, _ body: () -> Void) -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
      let start = DispatchTime.now()
      body()
      times.append(seconds(since: start))
    }
    return times.sorted()[times.count / 2]
  }

  /// CPU time of the whole process (all threads) so far, in seconds.
  static func cpuSeconds() -> Double {
    var usage = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &usage)
    return Double(usage.tv_sec) + Double(usage.tv_nsec) / 1e9
  }

  static func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
  }

  static func format(_ value: Double, digits: Int = 2) -> String {
    String(format: "%.\(digits)f", value)
  }
}
