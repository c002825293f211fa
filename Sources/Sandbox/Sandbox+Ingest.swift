import Dispatch
import Foundation
import Identities
import LabCore
import Persistence

extension Sandbox {
  /// Ingests the dataset(s) at `path` as one batch per dataset, in one transaction.
  ///
  /// `path` is an NDJSON file, a JSON array file, a dataset folder (`schema.json` +
  /// `records.ndjson`) or a folder of dataset folders. Each record is validated against the
  /// Platform's guardrails; a refused record is reported with its line and reason, never
  /// dropped silently. Accepted records are stored, and their identities linked, in one
  /// transaction; with `strict`, nothing is stored if any record is refused.
  ///
  /// `datasetName` names the dataset of a single file (default: the schema's name, else the
  /// file's name); `schemaPath` is a schema file for a single NDJSON or JSON file; `progress`
  /// is called with (records linked, records to link) while linking. Throws ``SandboxError``
  /// when a path or schema is unusable; refused records are in the returned report.
  @discardableResult
  public func ingest(
    path: String, datasetName: String? = nil, schemaPath: String? = nil, strict: Bool = false,
    progress: (@Sendable (Int, Int) -> Void)? = nil
  ) throws(SandboxError) -> IngestReport {
    let registry = try registry()
    let rules = try identityRules()
    let sources = try IngestSource.resolve(path, schemaPath: schemaPath)
    let known = try storage { () throws(PersistenceError) in try store.datasets() }
    let parseStart = DispatchTime.now()
    var loaded: [LoadedDataset] = []
    for source in sources {
      let schema = try schema(
        for: source, datasetName: sources.count == 1 ? datasetName : nil, known: known)
      let reader = RecordReader(
        schema: schema, registry: registry, rules: rules, guardrails: guardrails)
      let results = try Self.read(source.recordsPath, reader: reader)
      loaded.append(LoadedDataset(source: source, schema: schema, results: results))
    }
    let parseSeconds = Self.seconds(since: parseStart)
    let firstNumber = try storage { () throws(PersistenceError) in try store.nextBatchNumber() }
    let ingestedAt = ISOTime.string(from: clock())
    var batches: [IngestReport.Batch] = []
    for (index, dataset) in loaded.enumerated() {
      batches.append(
        IngestReport.Batch(
          datasetName: dataset.schema.name, datasetID: Self.datasetID(forName: dataset.schema.name),
          recordClass: dataset.schema.recordClass,
          batchID: Self.batchID(number: firstNumber + index), source: dataset.source.recordsPath,
          accepted: dataset.accepted.count,
          rejections: dataset.rejections.map {
            IngestReport.Rejection(line: $0.line, reason: $0.reason)
          }))
    }
    let anyRejected = batches.contains { !$0.rejections.isEmpty }
    if strict && anyRejected || loaded.allSatisfy({ $0.accepted.isEmpty }) {
      for index in batches.indices { batches[index].batchID = "" }
      return IngestReport(
        batches: batches, committed: false, affectedGraphIDs: [], linksEstablished: 0,
        linksRemoved: 0, parseSeconds: parseSeconds, graphSeconds: 0, writeSeconds: 0)
    }

    let graphStart = DispatchTime.now()
    var graph = try storage { () throws(PersistenceError) in
      try store.graph(
        around: loaded.lazy.flatMap { $0.accepted.lazy.flatMap(\.identities) }, registry: registry,
        rules: rules, guardrails: guardrails)
    }
    let total = loaded.reduce(0) { $0 + $1.accepted.count }
    graph.reserveCapacity(
      identities: graph.identityCount + total * 2, links: graph.linkCount + total * 2)
    var done = 0
    for (index, dataset) in loaded.enumerated() {
      let batch = batches[index]
      let number = firstNumber + index
      let records = dataset.accepted
      for start in stride(from: 0, to: records.count, by: 4096) {
        let count = min(4096, records.count - start)
        graph.link(
          records: count, identities: { records[start + $0].identities },
          origin: {
            let line = records[start + $0].line
            return LinkOrigin(
              dataset: batch.datasetID, batch: batch.batchID, record: line,
              order: LinkOrigin.order(batch: number, line: line))
          })
        done += count
        progress?(done, total)
      }
    }
    let changes = graph.changes()
    let graphSeconds = Self.seconds(since: graphStart)

    let writeStart = DispatchTime.now()
    var records: [StoredRecord] = []
    records.reserveCapacity(total)
    var datasets: [StoredDataset] = []
    var storedBatches: [StoredBatch] = []
    for (index, dataset) in loaded.enumerated() where !dataset.accepted.isEmpty {
      let batch = batches[index]
      let number = firstNumber + index
      datasets.append(
        StoredDataset(
          id: batch.datasetID, name: dataset.schema.name,
          recordClass: dataset.schema.recordClass.rawValue, schema: dataset.schema.jsonText,
          createdAt: ingestedAt))
      storedBatches.append(
        StoredBatch(
          id: batch.batchID, number: number, datasetID: batch.datasetID, ingestedAt: ingestedAt,
          source: batch.source, accepted: batch.accepted, rejected: batch.rejections.count))
      let kind: StoredRecord.Kind = dataset.schema.recordClass == .profile ? .profile : .event
      for record in dataset.accepted {
        records.append(
          StoredRecord(
            batchID: batch.batchID, datasetID: batch.datasetID, line: record.line,
            order: LinkOrigin.order(batch: number, line: record.line), kind: kind,
            identityID: graph.storedID(of: record.primary) ?? 0, eventID: record.eventID,
            eventTime: record.eventTime, json: record.json))
      }
    }
    let commit = IngestCommit(
      datasets: datasets, batches: storedBatches, records: records, graph: changes)
    try storage { () throws(PersistenceError) in try store.commit(commit) }
    let writeSeconds = Self.seconds(since: writeStart)

    // Graphs whose membership changed, plus the graphs of every record's identity.
    var affected = changes.graphIDs
    let unchanged = Set(records.map(\.identityID)).subtracting(changes.identities.map(\.storedID))
    if !unchanged.isEmpty {
      affected.formUnion(
        try storage { () throws(PersistenceError) in
          try store.graphIDs(ofIdentities: Array(unchanged))
        })
    }
    // Segmentation: streaming segments qualify (or not) at once for the touched profiles.
    let affectedIDs = affected.sorted()
    try evaluateStreamingSegments(graphIDs: affectedIDs)
    return IngestReport(
      batches: batches, committed: true, affectedGraphIDs: affectedIDs,
      linksEstablished: changes.links.count { $0.state == .active },
      linksRemoved: changes.links.count { $0.state != .active },
      parseSeconds: parseSeconds, graphSeconds: graphSeconds, writeSeconds: writeSeconds)
  }

  static func batchID(number: Int) -> String {
    let digits = String(number)
    return "batch-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
  }

  static func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
  }

  /// The schema of `source`: its schema file, else the stored dataset's, else one made from
  /// the name with identities from identityMap only.
  func schema(for source: IngestSource, datasetName: String?, known: [StoredDataset])
    throws(SandboxError) -> DatasetSchema
  {
    var schema: DatasetSchema?
    if let path = source.schemaPath {
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        throw .unreadable(path: path, reason: "the schema file cannot be read as UTF-8 text")
      }
      schema = try DatasetSchema.parse(text, path: path)
    }
    let fileName = ((source.recordsPath as NSString).lastPathComponent as NSString)
      .deletingPathExtension
    let name = datasetName ?? schema?.name ?? fileName
    if var schema {
      schema.name = name
      return schema
    }
    if let stored = known.first(where: { $0.name.lowercased() == name.lowercased() }),
      var storedSchema = try? DatasetSchema.parse(stored.schema, path: stored.name)
    {
      storedSchema.name = stored.name
      return storedSchema
    }
    let recordClass = Self.guessClass(source.recordsPath)
    return DatasetSchema(name: name, recordClass: recordClass)
  }

  /// Experience events when the first record has a `timestamp` or an `eventType`.
  static func guessClass(_ path: String) -> RecordClass {
    guard let handle = FileHandle(forReadingAtPath: path) else { return .profile }
    defer { try? handle.close() }
    let head = String(decoding: handle.readData(ofLength: 4096), as: UTF8.self)
    return head.contains("\"eventType\"") || head.contains("\"timestamp\"")
      ? .experienceEvent : .profile
  }

  /// Reads every record of `path` (NDJSON, or a JSON array), in parallel.
  static func read(_ path: String, reader: RecordReader) throws(SandboxError) -> [LineResult] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path, reason: "the file cannot be read")
    }
    let firstByte = data.first {
      $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF
    }
    if firstByte == UInt8(ascii: "[") {
      let document: JSONValue
      do {
        document = try data.withUnsafeBytes { raw throws(JSONParseError) in
          try JSONParser.parse(raw.bindMemory(to: UInt8.self))
        }
      } catch {
        throw .unreadable(
          path: path, reason: "it starts with '[' but is not a JSON array: \(error)")
      }
      guard case .array(let elements) = document else {
        throw .unreadable(path: path, reason: "it is not a JSON array")
      }
      return elements.enumerated().map { index, element in
        LineResult(
          line: index + 1,
          result: reader.read(line: index + 1, value: element, text: element.serialized()))
      }
    }
    return data.withUnsafeBytes { raw in
      let input = raw.bindMemory(to: UInt8.self)
      return readLines(input, reader: reader)
    }
  }

  /// Splits NDJSON into lines (skipping blank ones) and reads them on every core.
  static func readLines(_ input: UnsafeBufferPointer<UInt8>, reader: RecordReader) -> [LineResult] {
    var lines: [(line: Int, start: Int, end: Int)] = []
    lines.reserveCapacity(input.count / 128)
    var start = 0
    var number = 1
    var blank = true
    for offset in 0..<input.count {
      let byte = input[offset]
      if byte == 0x0A {
        if !blank { lines.append((number, start, offset)) }
        number += 1
        start = offset + 1
        blank = true
      } else if blank, byte != 0x20, byte != 0x0D, byte != 0x09 {
        blank = false
      }
    }
    if !blank { lines.append((number, start, input.count)) }
    let found = lines
    // Several slices per core, so a core slowed by other work does not hold the rest up.
    let cores = min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 8)
    let workers = found.count < 4096 ? cores : cores * 8
    let chunk = (found.count + workers - 1) / max(workers, 1)
    nonisolated(unsafe) let source = input
    return [LineResult](unsafeUninitializedCapacity: found.count) { buffer, initialized in
      nonisolated(unsafe) let output = buffer
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        let from = worker * chunk
        let to = min(from + chunk, found.count)
        guard from < to else { return }
        for index in from..<to {
          let line = found[index]
          var end = line.end
          if end > line.start, source[end - 1] == 0x0D { end -= 1 }
          let slice = UnsafeBufferPointer(rebasing: source[line.start..<end])
          output.initializeElement(
            at: index,
            to: LineResult(line: line.line, result: reader.read(line: line.line, bytes: slice)))
        }
      }
      initialized = found.count
    }
  }
}

/// One line's outcome.
struct LineResult: Sendable {
  var line: Int
  var result: Result<ParsedRecord, RecordRejection>
}

/// A dataset read from disk, not yet stored.
struct LoadedDataset: Sendable {
  var source: IngestSource
  var schema: DatasetSchema
  var accepted: [ParsedRecord]
  var rejections: [(line: Int, reason: RecordRejection)]

  init(source: IngestSource, schema: DatasetSchema, results: [LineResult]) {
    self.source = source
    self.schema = schema
    accepted = []
    rejections = []
    accepted.reserveCapacity(results.count)
    for result in results {
      switch result.result {
      case .success(let record): accepted.append(record)
      case .failure(let reason): rejections.append((result.line, reason))
      }
    }
  }
}
