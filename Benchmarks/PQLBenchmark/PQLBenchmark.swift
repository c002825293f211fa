import Dispatch
import Foundation
import LabCore
import PQL

/// Micro-benchmark for the PQL engine: parse+check time of a 2 KB expression, and profiles per
/// second for three segment shapes over synthetic in-memory profiles with 20 events each.
///
/// Run with: `swift run -c release PQLBenchmark [profiles]`.
@main
enum PQLBenchmark {
  static let now = PQLDateTime(millisecondsSinceEpoch: 1_750_248_000_000)  // 2025-06-18T12:00Z

  static func main() throws {
    let count = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 200_000
    print("PQL micro-benchmark (\(count) profiles, 20 events each, medians of 5 runs)")
    print("Profiles per second; 'per CPU-second' divides by the evaluating thread's CPU time.")
    try parseAndCheck()
    let profiles = makeProfiles(count)
    let queries: [(String, String)] = [
      ("attribute equality", #"person.gender = "male""#),
      ("string, case folding", #"homeAddress.city.contains("BOS", false)"#),
      (
        "event count, 7-day window",
        #"xEvent[eventType = "commerce.purchases" and timestamp occurs <= 7 days before now].count() >= 2"#
      ),
      (
        "two-step chain, 24 hours",
        #"chain(xEvent, timestamp, [A: WHAT(eventType = "commerce.productViews") WHEN(<= 24 hours before now), B: WHAT(eventType = "commerce.purchases") WHEN(<= 24 hours before now)])"#
      ),
    ]
    // An optional second argument picks one query by a word of its name, for profiling.
    let only = CommandLine.arguments.dropFirst(2).first
    for (name, text) in queries where only.map({ name.contains($0) }) ?? true {
      let query = try PQLQuery(text)
      var qualified = 0
      var cpuTimes: [Double] = []
      let single = median(5) {
        let start = threadCPUTime()
        qualified = evaluate(query, profiles, threads: 1)
        cpuTimes.append(threadCPUTime() - start)
      }
      var doubleCPU: [Double] = []
      let double = median(5) {
        _ = evaluate(query, profiles, threads: 2)
        doubleCPU.append(lastWorkerCPU)
      }
      let cpu2 = doubleCPU.sorted()[doubleCPU.count / 2]
      let cpu = cpuTimes.sorted()[cpuTimes.count / 2]
      print(
        "\(name.padding(toLength: 27, withPad: " ", startingAt: 0)) "
          + "wall, 1 thread: \(format(Double(profiles.count) / single))/s  "
          + "2 threads: \(format(Double(profiles.count) / double))/s  "
          + "per CPU-second: \(format(Double(profiles.count) / cpu))/s (1 thread), "
          + "\(format(Double(profiles.count) / cpu2))/s (2 threads)  (\(qualified) qualify)")
    }
  }

  /// Parse and check a 2 KB expression.
  static func parseAndCheck() throws {
    var parts: [String] = []
    var index = 0
    while parts.joined(separator: " or ").utf8.count < 2048 {
      parts.append(
        #"(homeAddress.countryCode in ["US", "CA", "MX"] and person.name.firstName.startsWith("A\#(index)", false) "#
          + #"and xEvent[eventType = "commerce.purchases" and timestamp occurs <= \#(index % 30 + 1) days before now].sum(commerce.order.priceTotal) > \#(index * 10))"#
      )
      index += 1
    }
    let text = parts.joined(separator: " or ")
    _ = try PQLQuery(text)
    let seconds = median(200) { _ = try? PQLQuery(text) }
    print(
      "parse+check of a \(text.utf8.count)-byte expression: "
        + String(format: "%.3f ms", seconds * 1000))
  }

  struct Profile: Sendable {
    var json: JSONValue
    var events: [JSONValue]
  }

  /// CPU seconds the worker threads of the last `evaluate` used, summed.
  nonisolated(unsafe) static var lastWorkerCPU = 0.0

  static func evaluate(_ query: PQLQuery, _ profiles: [Profile], threads: Int) -> Int {
    let cpu = UnsafeMutableBufferPointer<Double>.allocate(capacity: threads)
    defer { cpu.deallocate() }
    cpu.initialize(repeating: 0)
    nonisolated(unsafe) let workerCPU = cpu
    let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: threads)
    defer { counts.deallocate() }
    counts.initialize(repeating: 0)
    let chunk = (profiles.count + threads - 1) / threads
    nonisolated(unsafe) let results = counts
    DispatchQueue.concurrentPerform(iterations: threads) { thread in
      let cpuStart = threadCPUTime()
      var qualified = 0
      let end = min(profiles.count, (thread + 1) * chunk)
      for index in (thread * chunk)..<end {
        let profile = profiles[index]
        if query.matches(profile: profile.json, events: PQLEventList(profile.events), now: now) {
          qualified += 1
        }
      }
      results[thread] = qualified
      workerCPU[thread] = threadCPUTime() - cpuStart
    }
    lastWorkerCPU = cpu.reduce(0, +)
    return counts.reduce(0, +)
  }

  static func median(_ runs: Int, _ body: () -> Void) -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
      let start = DispatchTime.now().uptimeNanoseconds
      body()
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times.sorted()[times.count / 2]
  }

  /// CPU time of the calling thread, in seconds (unaffected by other processes' load).
  static func threadCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  static func format(_ value: Double) -> String {
    let rounded = Int(value.rounded())
    var digits = String(rounded)
    var groups: [String] = []
    while digits.count > 3 {
      groups.insert(String(digits.suffix(3)), at: 0)
      digits.removeLast(3)
    }
    groups.insert(digits, at: 0)
    return groups.joined(separator: ",")
  }

  /// Deterministic synthetic profiles; events come from a shared pool, 20 per profile, sorted.
  static func makeProfiles(_ count: Int) -> [Profile] {
    var seed: UInt64 = 42
    func next() -> UInt64 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return seed >> 33
    }
    let types = [
      "commerce.productViews", "commerce.productListAdds", "commerce.purchases",
      "web.webpagedetails.pageViews", "commerce.checkouts",
    ]
    // Two pools, one per half, so two threads never share (and contend on) the same objects.
    var pools: [[(Int64, JSONValue)]] = [[], []]
    for index in 0..<8000 {
      let age = Int64(next() % (30 * 86_400_000))
      let time = PQLDateTime(millisecondsSinceEpoch: now.millisecondsSinceEpoch - age)
      let type = types[Int(next() % UInt64(types.count))]
      let event: JSONValue = [
        "_id": .string("e\(index)"), "timestamp": .string(time.description),
        "eventType": .string(type),
        "commerce": [
          "order": ["priceTotal": .number(Double(next() % 500)), "currencyCode": "USD"]
        ],
        "productListItems": [["SKU": .string("SKU-\(next() % 50)"), "quantity": 1]],
      ]
      // Each pool is built in one run, so the two pools' objects never share cache lines.
      pools[index < 4000 ? 0 : 1].append((time.millisecondsSinceEpoch, event))
    }
    var profiles: [Profile] = []
    profiles.reserveCapacity(count)
    for index in 0..<count {
      let pool = pools[index < count / 2 ? 0 : 1]
      let picked = (0..<20).map { _ in pool[Int(next() % UInt64(pool.count))] }
        .sorted { $0.0 < $1.0 }.map(\.1)
      let profile: JSONValue = [
        "person": [
          "gender": next() % 2 == 0 ? "male" : "female",
          "name": ["firstName": .string("Name\(index)")],
        ],
        "homeAddress": ["countryCode": next() % 3 == 0 ? "CA" : "US", "city": "Boston"],
        "loyalty": ["points": .number(Double(next() % 5000)), "tier": "gold"],
        "identityMap": ["Email": [["id": .string("p\(index)@example.com"), "primary": true]]],
      ]
      profiles.append(Profile(json: profile, events: picked))
    }
    return profiles
  }
}
