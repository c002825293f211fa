import Identities

/// Every graph's links from a ``GraphChanges``, encoded as the rows of `sandbox_graph_links`
/// (one ``GraphLinkList`` per graph), ready to insert.
///
/// Encoding needs no database, so an ingest encodes on its linking thread while its writing
/// thread still stores records (see ``IngestSession/finish(datasets:batches:graph:links:)``).
public struct EncodedGraphLinks: Sendable {
  /// Each graph's id, in id order.
  private(set) var graphIDs: [Int64] = []
  /// Each graph's largest link id.
  private(set) var maxLinkIDs: [Int64] = []
  /// Each graph's number of active links.
  private(set) var activeCounts: [Int] = []
  /// Every list, one after the other.
  private var bytes: [UInt8] = []
  /// Where each list ends in `bytes`.
  private var ends: [Int] = []

  /// Encodes the links of `changes`, grouped by graph as ``GraphChanges/links`` are.
  ///
  /// A link's batch number is read from its origin's order (``LinkOrigin/batchNumber(of:)``).
  public init(encoding changes: GraphChanges) {
    let links = changes.links
    var start = 0
    while start < links.count {
      let graphID = links[start].graphID
      var end = start
      var maxID: Int64 = 0
      var active = 0
      bytes.append(GraphLinkList.version)
      while end < links.count, links[end].graphID == graphID {
        let link = links[end]
        GraphLinkList.append(
          GraphLinkList.Link(
            storedID: link.storedID, from: link.from, to: link.to,
            batch: Int64(LinkOrigin.batchNumber(of: link.origin.order)),
            recordLine: Int64(link.origin.record), firstOrder: link.firstEstablished,
            lastOrder: link.lastEstablished, state: Int64(link.state.rawValue)),
          to: &bytes)
        maxID = max(maxID, link.storedID)
        if link.state == .active { active += 1 }
        end += 1
      }
      graphIDs.append(graphID)
      maxLinkIDs.append(maxID)
      activeCounts.append(active)
      ends.append(bytes.count)
      start = end
    }
  }

  /// The number of graphs.
  var count: Int { graphIDs.count }

  /// Calls `body` with the encoded list of graph `index`.
  func withList<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    let start = index == 0 ? 0 : ends[index - 1]
    return try bytes.withUnsafeBufferPointer {
      try body(UnsafeBufferPointer(rebasing: $0[start..<ends[index]]))
    }
  }
}
