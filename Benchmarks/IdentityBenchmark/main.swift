// The identity benchmark: ingest, graph construction, lookups and memory on a synthetic
// sandbox, side by side with networkx computing the same connected components.
//
// Run it with `Benchmarks/run identity` (a release build); see docs/sandbox.md.

import Dispatch
import Foundation
import Identities
import LabCore
import Persistence
import Sandbox

struct Options {
  var profiles = 1_000_000
  var eventsPerProfile = 0
  var seed: UInt64 = 7
  var out = "Benchmarks/out"
  var lookups = 10_000
  var runs = 3
  var ingestRuns = 3
  var python = "python3"
  /// `all` runs everything; `ingest` only the ingest, `graph` only the graph construction and
  /// `link` only its first row (IdentityGraph from parsed records), for profiling.
  var only = "all"

  init(arguments: [String]) {
    var index = 0
    while index + 1 < arguments.count {
      let value = arguments[index + 1]
      switch arguments[index] {
      case "--profiles": profiles = Int(value) ?? profiles
      case "--events-per-profile": eventsPerProfile = Int(value) ?? eventsPerProfile
      case "--seed": seed = UInt64(value) ?? seed
      case "--out": out = value
      case "--lookups": lookups = Int(value) ?? lookups
      case "--runs": runs = Int(value) ?? runs
      case "--ingest-runs": ingestRuns = Int(value) ?? ingestRuns
      case "--python": python = value
      case "--only": only = value
      default: break
      }
      index += 2
    }
  }
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func seconds(_ start: UInt64, _ end: UInt64) -> Double { Double(end - start) / 1e9 }

/// CPU time of the whole process (all threads), in seconds: unlike wall time, it does not grow
/// when other processes compete for the cores.
func processCPU() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
    + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// CPU time of the calling thread, in seconds.
func threadCPU() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}
func format(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }
func rate(_ count: Int, _ time: Double) -> String {
  let perSecond = Double(count) / max(time, 1e-9)
  return perSecond >= 1e6 ? format(perSecond / 1e6) + " M/s" : format(perSecond / 1e3, 1) + " k/s"
}

func peakMemoryMB() -> Double {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
    return 0
  }
  for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
    let digits = line.filter(\.isNumber)
    return (Double(digits) ?? 0) / 1024
  }
  return 0
}

/// The identities of every record of every dataset folder, parsed with the project's parser.
func recordIdentities(folders: [String], registry: NamespaceRegistry) throws -> [[Identity]] {
  var result: [[Identity]] = []
  for folder in folders {
    let schemaText = try String(contentsOfFile: folder + "/schema.json", encoding: .utf8)
    let schema = try JSONParser.parse(schemaText)
    let fields: [(path: [String], namespace: String)] = (schema["identities"]?.arrayValue ?? [])
      .compactMap {
        guard let path = $0["path"]?.stringValue, let code = $0["namespace"]?.stringValue,
          let namespace = registry.namespace(for: code)
        else { return nil }
        return (path.split(separator: ".").map(String.init), namespace.code)
      }
    let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/records.ndjson"))
    try data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      var start = 0
      for index in 0..<bytes.count where bytes[index] == 0x0A {
        let record = try JSONParser.parse(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        start = index + 1
        var identities: [Identity] = []
        for field in fields {
          if let value = record[path: field.path]?.stringValue {
            let identity = Identity(namespace: field.namespace, id: value)
            if !identities.contains(identity) { identities.append(identity) }
          }
        }
        result.append(identities)
      }
    }
  }
  return result
}

let options = Options(arguments: Array(CommandLine.arguments.dropFirst()))
var loadAverage = [Double](repeating: 0, count: 3)
_ = getloadavg(&loadAverage, 3)
let files = FileManager.default
let dataFolder =
  "\(options.out)/data-\(options.profiles)-\(options.eventsPerProfile)-\(options.seed)"
let statePath = "\(options.out)/bench.sqlite"
print(
  "aep-lab identity benchmark: \(options.profiles) profile fragments, \(options.eventsPerProfile) events per person, seed \(options.seed)"
)
print(
  "machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(format(loadAverage[0], 1)) "
    + "(wall times grow when other work shares the cores; CPU times do not)")

// 1. Data.
var folders: [String]
if files.fileExists(atPath: dataFolder + "/4-web-events/records.ndjson") {
  folders = ["1-website-registrations", "2-crm", "3-loyalty", "4-web-events"].map {
    "\(dataFolder)/\($0)"
  }
  print("data: reusing \(dataFolder)")
} else {
  let start = now()
  let summary = try SyntheticSandbox.write(
    profiles: options.profiles, eventsPerProfile: options.eventsPerProfile, seed: options.seed,
    to: dataFolder)
  folders = summary.folders
  print(
    "data: generated \(summary.totalProfileRecords) profile records for \(summary.people) people and "
      + "\(summary.events) events in \(format(seconds(start, now()))) s")
}

// 2. Ingest end to end (JSON parsing, validation, graph, SQLite in one transaction), into a new
// state file each time; the median of `--ingest-runs` runs, as the disk's speed varies.
let sandbox: Sandbox
/// The peak memory when the first ingest ended (later runs add the allocator's leftovers).
var firstIngestPeakMB = 0.0
if options.only == "all" || options.only == "ingest" {
  var runs: [(seconds: Double, cpu: Double, report: IngestReport)] = []
  var last: Sandbox?
  for _ in 0..<max(options.ingestRuns, 1) {
    for suffix in ["", "-wal", "-shm"] { try? files.removeItem(atPath: statePath + suffix) }
    // Let the disk finish writing the previous run's files first, so runs do not slow each
    // other down (outside the timed part).
    sync()
    let fresh = Sandbox(database: try LabDatabase.open(at: statePath))
    last = fresh
    let ingestStart = now()
    let ingestCPUStart = processCPU()
    let report = try fresh.ingest(path: dataFolder)
    runs.append((seconds(ingestStart, now()), processCPU() - ingestCPUStart, report))
    if runs.count == 1 { firstIngestPeakMB = peakMemoryMB() }
  }
  let middle = runs.sorted { $0.seconds < $1.seconds }[runs.count / 2]
  let report = middle.report
  let records = report.accepted
  print("")
  print("ingest (end to end, one transaction, median of \(runs.count) runs into new state files):")
  print("  records            \(records) accepted, \(report.rejected) rejected")
  print(
    "  total              \(format(middle.seconds)) s  ->  \(rate(records, middle.seconds)) records/s  (target >= 200 k/s)"
  )
  print(
    "  all runs           "
      + runs.map { "\(format($0.seconds)) s (\(rate(records, $0.seconds)))" }.joined(
        separator: ", "))
  print(
    "  CPU time           \(format(middle.cpu)) s over all threads  ->  \(rate(records, middle.cpu)) records per CPU-second"
  )
  print("  the stages overlap: reading on every core, linking and writing on a thread each")
  print(
    "  read + validate    \(format(report.parseSeconds)) s until the last record was read  (\(rate(records, report.parseSeconds)) records/s)"
  )
  print("  link identities    \(format(report.graphSeconds)) s on the linking thread")
  print(
    "  write SQLite       \(format(report.writeSeconds)) s on the writing thread, commit included")
  print(
    "  links              \(report.linksEstablished) active, \(report.linksRemoved) removed by the 50-identity limit"
  )
  sandbox = try last ?? Sandbox(database: LabDatabase.open(at: statePath))
} else {
  for suffix in ["", "-wal", "-shm"] { try? files.removeItem(atPath: statePath + suffix) }
  sandbox = Sandbox(database: try LabDatabase.open(at: statePath))
}

if options.only == "ingest" { exit(0) }

// 3. Graph construction once records are parsed.
let registry = NamespaceRegistry()
let parsed = try recordIdentities(folders: folders, registry: registry)
let pairCount = parsed.reduce(0) { $0 + $1.count * ($1.count - 1) / 2 }
var graphTimes: [Double] = []
var graphCPU: [Double] = []
var components = 0
for _ in 0..<options.runs {
  let start = now()
  let cpuStart = threadCPU()
  var graph = IdentityGraph(registry: registry)
  graph.reserveCapacity(identities: parsed.count * 2, links: pairCount)
  graph.link(
    records: parsed.count, identities: { parsed[$0] },
    origin: { LinkOrigin(dataset: "d", batch: "b", record: $0 + 1, order: Int64($0 + 1)) })
  graphTimes.append(seconds(start, now()))
  graphCPU.append(threadCPU() - cpuStart)
  components = graph.identityCount
}
if options.only == "link" {
  print(
    "IdentityGraph  \(format(median(graphTimes), 3)) s  ->  \(rate(pairCount, median(graphTimes))) links/s"
  )
  exit(0)
}
// The same linking over identities already interned (as a parser that interns would hand them).
var vertexTimes: [Double] = []
var vertexCPU: [Double] = []
for _ in 0..<options.runs {
  var graph = IdentityGraph(registry: registry)
  graph.reserveCapacity(identities: parsed.count * 2, links: pairCount)
  let vertexLists = parsed.map { identities in identities.map { graph.addIdentity($0, seenAt: 0) } }
  let start = now()
  let cpuStart = threadCPU()
  for (line, vertices) in vertexLists.enumerated() {
    graph.link(
      vertices: vertices,
      origin: LinkOrigin(dataset: "d", batch: "b", record: line + 1, order: Int64(line + 1)))
  }
  vertexTimes.append(seconds(start, now()))
  vertexCPU.append(threadCPU() - cpuStart)
}
// Intern once, then union-find alone over integer pairs: the same work networkx does.
var interned: [Identity: Int32] = [:]
interned.reserveCapacity(parsed.count * 2)
var edges: [(Int32, Int32)] = []
edges.reserveCapacity(pairCount)
for identities in parsed {
  let ids = identities.map { identity -> Int32 in
    if let id = interned[identity] { return id }
    let id = Int32(interned.count)
    interned[identity] = id
    return id
  }
  for i in 0..<ids.count {
    for j in (i + 1)..<ids.count { edges.append((ids[i], ids[j])) }
  }
}
var unionTimes: [Double] = []
var swiftComponents = 0
for _ in 0..<options.runs {
  let start = now()
  var sets = DisjointSet(capacity: interned.count)
  for _ in 0..<interned.count { sets.makeSet() }
  for (a, b) in edges { sets.union(a, b) }
  var roots = Set<Int32>()
  for vertex in 0..<Int32(interned.count) where sets.setSize(of: vertex) > 1 {
    roots.insert(sets.find(vertex))
  }
  unionTimes.append(seconds(start, now()))
  swiftComponents = roots.count
}
let graphMedian = median(graphTimes)
let unionMedian = median(unionTimes)
print("")
print("graph construction (records already parsed, median of \(options.runs)):")
print("  identities         \(components), links \(pairCount)")
print(
  "  IdentityGraph      \(format(graphMedian, 3)) s  ->  \(rate(pairCount, graphMedian)) links/s  (target >= 5 M/s; includes interning, origins, 50-limit)"
)
print(
  "  on CPU             IdentityGraph \(format(median(graphCPU), 3)) s (\(rate(pairCount, median(graphCPU))) links/s), "
    + "interned \(format(median(vertexCPU), 3)) s (\(rate(pairCount, median(vertexCPU))) links/s)"
)
print(
  "  interned vertices  \(format(median(vertexTimes), 3)) s  ->  \(rate(pairCount, median(vertexTimes))) links/s  (IdentityGraph.link(vertices:): links, origins, 50-limit)"
)
print(
  "  DisjointSet only   \(format(unionMedian, 3)) s  ->  \(rate(edges.count, unionMedian)) links/s  (integer pairs + component count)"
)
print("  components         \(swiftComponents) graphs with 2+ identities (no 50-limit)")

if options.only == "graph" { exit(0) }

// 4. The peer: networkx on the same edges.
let edgesPath = "\(options.out)/edges.txt"
var edgeText = [UInt8]()
edgeText.reserveCapacity(edges.count * 16)
for (a, b) in edges {
  edgeText.append(contentsOf: "\(a) \(b)\n".utf8)
}
try Data(edgeText).write(to: URL(fileURLWithPath: edgesPath))
let peerScript = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
let scriptPath =
  files.fileExists(atPath: "Benchmarks/networkx_components.py")
  ? "Benchmarks/networkx_components.py" : peerScript + "/networkx_components.py"
let process = Process()
process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
process.arguments = [options.python, scriptPath, edgesPath, String(options.runs)]
let pipe = Pipe()
process.standardOutput = pipe
try process.run()
let peerOutput = pipe.fileHandleForReading.readDataToEndOfFile()
process.waitUntilExit()
print("")
print("peer (networkx, same edges, median of \(options.runs)):")
if let peer = try? JSONParser.parse(String(decoding: peerOutput, as: UTF8.self)),
  let peerSeconds = peer["seconds"]?.numberValue, let peerComponents = peer["components"]?.intValue
{
  print(
    "  networkx \(peer["version"]?.stringValue ?? "")   \(format(peerSeconds, 3)) s (Graph + connected_components)"
  )
  print(
    "  same components    \(peerComponents == swiftComponents ? "yes" : "NO") (\(peerComponents))")
  print(
    "  ratio              DisjointSet \(format(peerSeconds / unionMedian, 1))x faster; IdentityGraph \(format(peerSeconds / graphMedian, 1))x faster  (target >= 10x)"
  )
} else {
  print(
    "  networkx did not run: \(String(decoding: peerOutput, as: UTF8.self)) (pip install networkx)")
}

// 5. Lookups: merged profiles through the sandbox, straight from SQLite.
var random = SystemRandomNumberGenerator()
let candidates = parsed.filter { !$0.isEmpty }
var latencies: [Double] = []
var cpuLatencies: [Double] = []
var found = 0
var tooLarge = 0
for index in 0..<(options.lookups + 200) {
  guard let identities = candidates.randomElement(using: &random),
    let identity = identities.randomElement(using: &random)
  else { continue }
  let start = now()
  let cpuStart = threadCPU()
  do {
    _ = try sandbox.profile(namespace: identity.namespace, id: identity.id)
    found += 1
  } catch SandboxError.tooManyRelatedIdentities {
    tooLarge += 1
  } catch {}
  if index >= 200 {
    latencies.append(seconds(start, now()) * 1000)
    cpuLatencies.append((threadCPU() - cpuStart) * 1000)
  }
}
latencies.sort()
cpuLatencies.sort()
print("")
print("profile lookups (sandbox.profile, SQLite + merge, \(latencies.count) random identities):")
print("  p50                \(format(latencies[latencies.count / 2], 3)) ms")
print(
  "  p99                \(format(latencies[latencies.count * 99 / 100], 3)) ms  (target < 1 ms)")
print(
  "  on-CPU p50 / p99   \(format(cpuLatencies[cpuLatencies.count / 2], 3)) / \(format(cpuLatencies[cpuLatencies.count * 99 / 100], 3)) ms  (thread CPU time: without waiting for a core)"
)
print("  found              \(found), graphs over 50: \(tooLarge)")
print("")
if firstIngestPeakMB > 0 {
  print("peak memory (VmHWM)  \(format(firstIngestPeakMB, 0)) MB after the first ingest")
}
print("peak memory (VmHWM)  \(format(peakMemoryMB(), 0)) MB at the end")
