import Dispatch
import Foundation
import Identities
import LabCore
import Persistence
import Segmentation

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
  ///
  /// Text that is not valid UTF-8 refuses its record, unless `replacingInvalidUTF8` asks for
  /// U+FFFD in place of the bad bytes. A leading UTF-8 byte order mark is skipped.
  @discardableResult
  public func ingest(
    path: String, datasetName: String? = nil, schemaPath: String? = nil, strict: Bool = false,
    replacingInvalidUTF8: Bool = false,
    progress: (@Sendable (Int, Int) -> Void)? = nil
  ) throws(SandboxError) -> IngestReport {
    let registry = try registry()
    let rules = try identityRules()
    let sources = try IngestSource.resolve(path, schemaPath: schemaPath)
    let known = try storage { () throws(PersistenceError) in try store.datasets() }
    let parseStart = DispatchTime.now()
    var schemas: [DatasetSchema] = []
    var inputs: [ParsePipeline.Source] = []
    for source in sources {
      let schema = try schema(
        for: source, datasetName: sources.count == 1 ? datasetName : nil, known: known)
      let reader = RecordReader(
        schema: schema, registry: registry, rules: rules, guardrails: guardrails)
      schemas.append(schema)
      inputs.append(
        try Self.open(
          source.recordsPath, reader: reader, replacingInvalidUTF8: replacingInvalidUTF8))
    }
    return try ingest(
      inputs, schemas: schemas, sourceNames: sources.map(\.recordsPath),
      registry: registry, rules: rules, strict: strict,
      openSeconds: Self.seconds(since: parseStart), progress: progress)
  }

  /// Ingests records held in memory, one batch per dataset, in one transaction: what the
  /// simulated Luma site and the exercise checks send.
  ///
  /// Each ``DatasetRecords`` names its dataset by its schema; the records are NDJSON lines.
  /// Refused records are reported as by ``ingest(path:datasetName:schemaPath:strict:progress:)``.
  @discardableResult
  public func ingest(_ datasets: [DatasetRecords], strict: Bool = false) throws(SandboxError)
    -> IngestReport
  {
    let registry = try registry()
    let rules = try identityRules()
    let inputs = datasets.map { dataset in
      let reader = RecordReader(
        schema: dataset.schema, registry: registry, rules: rules, guardrails: guardrails)
      let lines = dataset.ndjson.withUnsafeBytes { raw in
        Self.lineSpans(raw.bindMemory(to: UInt8.self))
      }
      return ParsePipeline.Source(data: dataset.ndjson, lines: lines, reader: reader, parsed: nil)
    }
    return try ingest(
      inputs, schemas: datasets.map(\.schema), sourceNames: datasets.map(\.source),
      registry: registry, rules: rules, strict: strict, openSeconds: 0, progress: nil)
  }

  /// Links and stores the records of `inputs` (one batch each) in one transaction.
  private func ingest(
    _ inputs: [ParsePipeline.Source], schemas: [DatasetSchema], sourceNames: [String],
    registry: NamespaceRegistry, rules: IdentityLinkingRules?, strict: Bool,
    openSeconds: Double, progress: (@Sendable (Int, Int) -> Void)?
  ) throws(SandboxError) -> IngestReport {
    let firstNumber = try storage { () throws(PersistenceError) in try store.nextBatchNumber() }
    let ingestedAt = ISOTime.string(from: clock())
    var batches = sourceNames.enumerated().map { index, source in
      IngestReport.Batch(
        datasetName: schemas[index].name, datasetID: Self.datasetID(forName: schemas[index].name),
        recordClass: schemas[index].recordClass,
        batchID: Self.batchID(number: firstNumber + index), source: source,
        accepted: 0, rejections: [])
    }

    // Reading runs on every core, chunk by chunk. Linking follows chunk by chunk on a thread of
    // its own, and this thread stores each linked chunk, all in one transaction. (With an
    // in-memory database, whose reads would wait for the transaction, this thread links too.)
    let pipeline = ParsePipeline(sources: inputs)
    pipeline.start()
    defer { pipeline.cancel() }
    var clock = IngestClock()
    var changes = GraphChanges()
    var linker: ChunkLinker?
    let concurrent = store.database.allowsConcurrentReads
    // Streaming evaluation reads the profile store plus the new events where it can: a small
    // ingest keeps what it stored for it.
    let streams = try !storedSegments().filter(\.streaming).isEmpty
    let keepsRecords = streams && pipeline.lineCount <= IngestDelta.recordLimit
    var delta = IngestDelta()
    let datasetIDs = batches.map(\.datasetID)
    let committed = try storage { () throws(PersistenceError) in
      try store.ingest(expectedRecords: pipeline.lineCount) {
        (session: inout IngestSession) throws(PersistenceError) -> Bool in
        var graph = IdentityGraph(
          registry: registry, rules: rules, guardrails: guardrails,
          firstIdentityID: session.nextIdentityID, firstLinkID: session.nextLinkID)
        graph.reserveCapacity(identities: pipeline.lineCount * 2, links: pipeline.lineCount * 2)
        let stage = ChunkLinker(
          graph: graph, batches: batches, firstNumber: firstNumber, strict: strict,
          restores: session.hasStoredIdentities)
        linker = stage
        try Self.link(
          pipeline, with: stage, concurrently: concurrent, restoringFrom: store,
          session: &session
        ) { (linked, session) throws(PersistenceError) in
          let writeStart = DispatchTime.now()
          try session.insert(identities: linked.identities)
          try session.insert(records: linked.records, batch: linked.batch)
          clock.write += Self.seconds(since: writeStart)
          if keepsRecords {
            delta.keep(linked.identities)
            delta.keep(
              linked.records, aloneGraphIDs: linked.aloneGraphIDs, batch: linked.batch,
              datasetID: datasetIDs[linked.batch - firstNumber])
          }
          progress?(linked.linesRead, pipeline.lineCount)
        }
        clock.parse = openSeconds + pipeline.seconds
        progress?(pipeline.lineCount, pipeline.lineCount)
        guard !stage.refused, session.insertedRecords > 0 else { return false }
        if stage.finished == nil { stage.finish() }
        guard let prepared = stage.finished else { return false }
        changes = prepared.changes
        clock.graph = stage.seconds
        let finishStart = DispatchTime.now()
        let (datasets, storedBatches) = Self.storedRows(
          of: stage.batches, schemas: schemas, firstNumber: firstNumber, ingestedAt: ingestedAt)
        delta.currentStores = try session.finish(
          datasets: datasets, batches: storedBatches, graph: changes, links: prepared.links)
        delta.lastBatch = firstNumber + batches.count - 1
        clock.write += Self.seconds(since: finishStart)
        clock.commitStart = DispatchTime.now()
        return true
      }
    }
    if let linker { batches = linker.batches }
    if let commitStart = clock.commitStart { clock.write += Self.seconds(since: commitStart) }
    guard committed else {
      for index in batches.indices { batches[index].batchID = "" }
      return IngestReport(
        batches: batches, committed: false, affectedGraphIDs: [], linksEstablished: 0,
        linksRemoved: 0, parseSeconds: clock.parse, graphSeconds: 0, writeSeconds: 0)
    }

    // Graphs whose membership changed, plus the graphs of every record's identity.
    let affectedIDs = changes.affectedGraphIDs
    // Segmentation: streaming segments qualify (or not) at once for the touched profiles.
    var streaming: StreamingEvaluation?
    if streams {
      delta.note(changes)
      streaming = try evaluateStreamingSegments(
        graphIDs: affectedIDs, delta: keepsRecords ? delta : nil)
    }
    return IngestReport(
      batches: batches, committed: true, affectedGraphIDs: affectedIDs,
      linksEstablished: changes.links.count { $0.isChanged && $0.state == .active },
      linksRemoved: changes.links.count { $0.isChanged && $0.state != .active },
      streaming: streaming,
      parseSeconds: clock.parse, graphSeconds: clock.graph, writeSeconds: clock.write)
  }

  /// Runs the linking of every chunk `pipeline` reads, handing each linked chunk to `save`
  /// on this thread (the transaction's).
  ///
  /// `concurrently`, linking runs on a thread of its own and restores stored graphs from a
  /// read snapshot of `store`; otherwise it runs here, restoring through `session`.
  static func link(
    _ pipeline: ParsePipeline, with stage: ChunkLinker, concurrently: Bool,
    restoringFrom store: SandboxStore, session: inout IngestSession,
    save: (ChunkLinker.Linked, inout IngestSession) throws(PersistenceError) -> Void
  ) throws(PersistenceError) {
    guard concurrently else {
      while let chunk = pipeline.next() {
        if let linked = try stage.link(
          chunk,
          lookUp: { (identities) throws(PersistenceError) in
            try session.storedIdentities(identities)
          },
          restore: { (identities, graph) throws(PersistenceError) in
            try session.restoreGraphs(around: identities, into: &graph)
          })
        {
          try save(linked, &session)
        }
      }
      return
    }
    let handoff = Handoff<ChunkLinker.Linked>()
    let linking = DispatchSemaphore(value: 0)
    let thread = Thread {
      defer { linking.signal() }
      do {
        while let chunk = pipeline.next(), !handoff.isCancelled {
          if let linked = try stage.link(
            chunk,
            lookUp: { (identities) throws(PersistenceError) in
              try store.storedIdentities(identities)
            },
            restore: { (identities, graph) throws(PersistenceError) in
              try store.restoreGraphs(around: identities, into: &graph)
            })
          {
            handoff.send(linked)
          }
        }
        // While the last chunks are being stored, the graph's rows get ready.
        if !handoff.isCancelled { stage.finish() }
        handoff.end()
      } catch {
        handoff.end(failure: error)
      }
    }
    thread.start()
    defer {
      handoff.cancel()
      pipeline.cancel()
      linking.wait()
    }
    do {
      while let linked = try handoff.receive() { try save(linked, &session) }
    } catch let error as PersistenceError {
      throw error
    } catch {
      throw .failed(operation: "link the identities", reason: "\(error)")
    }
  }

  /// The dataset and batch rows of the batches that accepted records.
  static func storedRows(
    of batches: [IngestReport.Batch], schemas: [DatasetSchema], firstNumber: Int,
    ingestedAt: String
  ) -> (datasets: [StoredDataset], batches: [StoredBatch]) {
    var datasets: [StoredDataset] = []
    var stored: [StoredBatch] = []
    for (index, batch) in batches.enumerated() where batch.accepted > 0 {
      datasets.append(
        StoredDataset(
          id: batch.datasetID, name: batch.datasetName, recordClass: batch.recordClass.rawValue,
          schema: schemas[index].jsonText, createdAt: ingestedAt))
      stored.append(
        StoredBatch(
          id: batch.batchID, number: firstNumber + index, datasetID: batch.datasetID,
          ingestedAt: ingestedAt, source: batch.source, accepted: batch.accepted,
          rejected: batch.rejections.count))
    }
    return (datasets, stored)
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

  /// Opens `path` (NDJSON, or a JSON array) for reading: its NDJSON lines found, or its JSON
  /// array read whole (each element keeps the line it starts on).
  static func open(_ path: String, reader: RecordReader, replacingInvalidUTF8: Bool = false)
    throws(SandboxError) -> ParsePipeline.Source
  {
    guard var data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path, reason: "the file cannot be read")
    }
    if replacingInvalidUTF8 {
      data = Data(String(decoding: data, as: UTF8.self).utf8)
    }
    let firstByte = data.first {
      $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF
    }
    if firstByte == UInt8(ascii: "[") {
      let elements: [(line: Int, value: JSONValue)]
      do {
        elements = try data.withUnsafeBytes { raw throws(JSONParseError) in
          let bytes = raw.bindMemory(to: UInt8.self)
          let body = UnsafeBufferPointer(rebasing: bytes[byteOrderMarkLength(bytes)...])
          let found = try JSONParser.parseArrayElements(body)
          return lineNumbers(of: found, in: body)
        }
      } catch let error as JSONParseError {
        let line: Int = data.withUnsafeBytes { raw in
          lineNumber(
            ofOffset: error.offset + byteOrderMarkLength(raw.bindMemory(to: UInt8.self)), in: raw)
        }
        throw .unreadable(
          path: path, reason: "it starts with '[' but is not a JSON array: \(error) (line \(line))")
      } catch {
        throw .unreadable(
          path: path, reason: "it starts with '[' but is not a JSON array: \(error)")
      }
      let parsed = elements.map { line, element in
        LineResult(
          line: line, result: reader.read(line: line, value: element, text: element.serialized()))
      }
      return ParsePipeline.Source(data: Data(), lines: [], reader: reader, parsed: parsed)
    }
    let lines = data.withUnsafeBytes { raw in lineSpans(raw.bindMemory(to: UInt8.self)) }
    return ParsePipeline.Source(data: data, lines: lines, reader: reader, parsed: nil)
  }

  /// The non-blank lines of NDJSON `input`.
  static func lineSpans(_ input: UnsafeBufferPointer<UInt8>) -> [LineSpan] {
    var lines: [LineSpan] = []
    lines.reserveCapacity(input.count / 128)
    guard let base = input.baseAddress else { return lines }
    var start = byteOrderMarkLength(input)
    var number = 1
    while start <= input.count {
      // memchr finds each newline many times faster than a byte loop.
      let end =
        start == input.count
        ? input.count
        : memchr(base + start, 0x0A, input.count - start).map {
          UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base
        } ?? input.count
      var offset = start
      while offset < end, input[offset] == 0x20 || input[offset] == 0x0D || input[offset] == 0x09 {
        offset += 1
      }
      if offset < end { lines.append(LineSpan(line: number, start: start, end: end)) }
      number += 1
      start = end + 1
    }
    return lines
  }

  /// 3 when `input` starts with a UTF-8 byte order mark (which is skipped), else 0.
  static func byteOrderMarkLength(_ input: UnsafeBufferPointer<UInt8>) -> Int {
    input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF ? 3 : 0
  }

  /// The 1-based line where each element starts, in one pass over `input`.
  static func lineNumbers(
    of elements: [(offset: Int, value: JSONValue)], in input: UnsafeBufferPointer<UInt8>
  ) -> [(line: Int, value: JSONValue)] {
    var line = 1
    var scanned = 0
    return elements.map { element in
      while scanned < element.offset {
        if input[scanned] == 0x0A { line += 1 }
        scanned += 1
      }
      return (line, element.value)
    }
  }

  /// The 1-based line of byte `offset` in `raw`.
  static func lineNumber(ofOffset offset: Int, in raw: UnsafeRawBufferPointer) -> Int {
    1 + raw.prefix(max(0, offset)).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
  }
}
