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
    let changes = graph.changes()
    finished = (changes, EncodedGraphLinks(encoding: changes))
    seconds += Sandbox.seconds(since: start)
  }

  /// Links `chunk`, first restoring with `restore` the stored graphs its identities belong to;
  /// `nil` when it has nothing to store.
  func link(
    _ chunk: ParsePipeline.Chunk,
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
    if restores { try restore(accepted.flatMap(\.identities), &graph) }
    let number = firstNumber + index
    let batch = batches[index]
    primaryIDs.removeAll(keepingCapacity: true)
    let records = accepted
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
    rows.reserveCapacity(records.count)
    for (offset, record) in records.enumerated() {
      rows.append(
        IngestRecord(
          line: record.line, kind: kind, identityID: primaryIDs[offset],
          eventID: record.eventID, eventTime: record.eventTime, json: record.json))
    }
    return Linked(
      batch: number, identities: graph.takeNewIdentities(), records: rows, linesRead: linesRead)
  }
}
