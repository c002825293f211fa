import Dispatch
import Identities
import Persistence

/// The linking stage of an ingest: takes chunks of read records in order, links their
/// identities into the graph, and hands back what to store.
///
/// It also keeps each batch's accepted and rejected records. Under `strict`, the first
/// refusal stops the linking; the chunks after it are still counted, so every refusal is
/// reported.
final class ChunkLinker: @unchecked Sendable {
  /// What one chunk adds to the state file.
  struct Linked: Sendable {
    /// The batch number of its records.
    var batch: Int
    /// Identities first seen in it (or in chunks before it, restored graphs aside).
    var identities: NewIdentities
    /// Its accepted records.
    var records: [IngestRecord]
    /// For each record stored against an identity whose graph was not restored, that graph;
    /// 0 for the others.
    var aloneGraphIDs: [Int64]
    /// Lines read so far, over all sources.
    var linesRead: Int
  }

  /// The graph, restored around the ingest's identities and linked.
  var graph: IdentityGraph
  /// The batches, their accepted counts and rejections filled in as chunks arrive.
  var batches: [IngestReport.Batch]
  /// Whether a record was refused under `strict` (nothing may be stored).
  private(set) var refused = false
  /// Seconds spent restoring, linking and preparing the graph's rows.
  private(set) var seconds: Double = 0
  /// The graph's changes and its links encoded, once ``finish()`` ran.
  private(set) var finished: (changes: GraphChanges, links: EncodedGraphLinks)?
  private let strict: Bool
  private let firstNumber: Int
  /// Whether the sandbox held identities before the ingest (else nothing needs restoring).
  private let restores: Bool
  private var linesRead = 0
  private var accepted: [ParsedRecord] = []
  private var primaryIDs: [Int64] = []
  /// The identities records were stored against without restoring their graphs, with the
  /// graph each was stored in.
  private var storedAlone: [Identity: Int64] = [:]

  init(
    graph: IdentityGraph, batches: [IngestReport.Batch], firstNumber: Int, strict: Bool,
    restores: Bool
  ) {
    self.graph = graph
    self.restores = restores
    self.batches = batches
    self.firstNumber = firstNumber
    self.strict = strict
  }

  /// Computes the graph's changes and encodes its links, after the last chunk.
  func finish() {
    guard !refused else { return }
    let start = DispatchTime.now()
    // A record stored against an identity whose graph a later record restored touches the
    // graph that identity is in now.
    var touched = Set<Int64>()
    for (identity, graphID) in storedAlone where !graph.markRecord(identity) {
      touched.insert(graphID)
    }
    var changes = graph.changes()
    if !touched.isEmpty {
      changes.affectedGraphIDs = touched.union(changes.affectedGraphIDs).sorted()
    }
    finished = (changes, EncodedGraphLinks(encoding: changes))
    seconds += Sandbox.seconds(since: start)
  }

  /// The indexes of `records` that hold one identity, not in `graph`.
  private static func singles(of records: [ParsedRecord], outside graph: borrowing IdentityGraph)
    -> [Int]
  {
    var result: [Int] = []
    for (index, record) in records.enumerated()
    where record.identities.count == 1 && !graph.contains(record.identities[0]) {
      result.append(index)
    }
    return result
  }

  /// Links `chunk`, first restoring with `restore` the stored graphs its identities belong to;
  /// `nil` when it has nothing to store.
  ///
  /// A record whose one identity is stored and not held yet links nothing: it is stored
  /// against that identity (found with `lookUp`) without restoring its graph, which it only
  /// touches.
  func link(
    _ chunk: ParsePipeline.Chunk,
    lookUp: ([Identity]) throws(PersistenceError) -> [Identity: StoredIdentity],
    restore: ([Identity], inout IdentityGraph) throws(PersistenceError) -> Void
  ) throws(PersistenceError) -> Linked? {
    let index = chunk.source
    accepted.removeAll(keepingCapacity: true)
    for result in chunk.results {
      switch result.result {
      case .success(let record): accepted.append(record)
      case .failure(let reason):
        batches[index].rejections.append(.init(line: result.line, reason: reason))
      }
    }
    batches[index].accepted += accepted.count
    linesRead += chunk.results.count
    // Under --strict one refusal means nothing is stored: read on, to report them all.
    refused = refused || strict && !batches[index].rejections.isEmpty
    if refused || accepted.isEmpty { return nil }

    let start = DispatchTime.now()
    defer { seconds += Sandbox.seconds(since: start) }
    // Each record's stored identity when it links nothing, else nil.
    var alone = [StoredIdentity?](repeating: nil, count: accepted.count)
    if restores {
      // One read of the graph for the whole chunk: reading the property in the loop copied
      // the graph (a retain of each of its tables) for every record.
      let single = Self.singles(of: accepted, outside: graph)
      if !single.isEmpty {
        let stored = try lookUp(single.map { accepted[$0].identities[0] })
        for record in single { alone[record] = stored[accepted[record].identities[0]] }
      }
      try restore(
        accepted.indices.filter { alone[$0] == nil }.flatMap { accepted[$0].identities }, &graph)
    }
    let number = firstNumber + index
    let batch = batches[index]
    primaryIDs.removeAll(keepingCapacity: true)
    let records = accepted.indices.filter { alone[$0] == nil }.map { accepted[$0] }
    graph.link(
      records: records.count, identities: { records[$0].identities },
      origin: {
        let line = records[$0].line
        return LinkOrigin(
          dataset: batch.datasetID, batch: batch.batchID, record: line,
          order: LinkOrigin.order(batch: number, line: line))
      }, primary: { records[$0].primaryIndex }, storedIDs: &primaryIDs)
    let kind: StoredRecord.Kind = batch.recordClass == .profile ? .profile : .event
    var rows: [IngestRecord] = []
    rows.reserveCapacity(accepted.count)
    var aloneGraphIDs = [Int64](repeating: 0, count: accepted.count)
    var linked = 0
    for (offset, record) in accepted.enumerated() {
      let identityID: Int64
      if let stored = alone[offset] {
        identityID = stored.storedID
        storedAlone[stored.identity] = stored.graphID
        aloneGraphIDs[offset] = stored.graphID
      } else {
        identityID = primaryIDs[linked]
        linked += 1
      }
      rows.append(
        IngestRecord(
          line: record.line, kind: kind, identityID: identityID,
          eventID: record.eventID, eventTime: record.eventTime, json: record.json))
    }
    return Linked(
      batch: number, identities: graph.takeNewIdentities(), records: rows,
      aloneGraphIDs: aloneGraphIDs, linesRead: linesRead)
  }
}
