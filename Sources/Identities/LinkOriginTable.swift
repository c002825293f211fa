/// The origins of a graph's links, as parallel arrays (struct of arrays).
///
/// A graph keeps one origin per linked record. Instead of a ``LinkOrigin`` with two strings
/// each, the table keeps the dataset and batch ids once, in small tables, and per origin only
/// their numbers, the record line and the ingestion order; ``subscript(_:)`` makes the
/// ``LinkOrigin`` when something asks for it.
struct LinkOriginTable: Sendable {
  private var datasets: [String] = []
  private var batches: [String] = []
  private var datasetOf: [UInt32] = []
  private var batchOf: [UInt32] = []
  private var records: [Int] = []
  private var orders: [Int64] = []

  /// The number of origins.
  var count: Int { orders.count }

  /// Adds `origin` and returns its index.
  mutating func append(_ origin: LinkOrigin) -> Int32 {
    datasetOf.append(Self.number(of: origin.dataset, in: &datasets))
    batchOf.append(Self.number(of: origin.batch, in: &batches))
    records.append(origin.record)
    orders.append(origin.order)
    return Int32(orders.count - 1)
  }

  /// The origin at `index`.
  subscript(index: Int) -> LinkOrigin {
    LinkOrigin(
      dataset: datasets[Int(datasetOf[index])], batch: batches[Int(batchOf[index])],
      record: records[index], order: orders[index])
  }

  /// The number of `text` in `table`, adding it if new; records mostly repeat the latest one.
  private static func number(of text: String, in table: inout [String]) -> UInt32 {
    if let last = table.last, last == text { return UInt32(table.count - 1) }
    let index =
      table.lastIndex(of: text)
      ?? {
        table.append(text)
        return table.count - 1
      }()
    return UInt32(truncatingIfNeeded: index)
  }
}
