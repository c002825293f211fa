/// The origins of a graph's links, as parallel arrays (struct of arrays).
///
/// A graph keeps one origin per linked record. Instead of a ``LinkOrigin`` with two strings
/// each, the table keeps the dataset and batch ids once, in small tables, and per origin only
/// their numbers, the record line and the ingestion order; ``subscript(_:)`` makes the
/// ``LinkOrigin`` when something asks for it.
struct LinkOriginTable: Sendable {
  private var datasets = InternedTexts()
  private var batches = InternedTexts()
  private var datasetOf: [UInt32] = []
  private var batchOf: [UInt32] = []
  private var records: [Int] = []
  private var orders: [Int64] = []

  /// The number of origins.
  var count: Int { orders.count }

  /// Adds `origin` and returns its index.
  mutating func append(_ origin: LinkOrigin) -> Int32 {
    datasetOf.append(datasets.number(of: origin.dataset))
    batchOf.append(batches.number(of: origin.batch))
    records.append(origin.record)
    orders.append(origin.order)
    return Int32(orders.count - 1)
  }

  /// The origin at `index`.
  subscript(index: Int) -> LinkOrigin {
    LinkOrigin(
      dataset: datasets.texts[Int(datasetOf[index])], batch: batches.texts[Int(batchOf[index])],
      record: records[index], order: orders[index])
  }

  /// Distinct texts by number, with a dictionary to find a text's number.
  private struct InternedTexts: Sendable {
    private(set) var texts: [String] = []
    private var numbers: [String: UInt32] = [:]

    /// The number of `text`, adding it if new; records mostly repeat the latest one.
    mutating func number(of text: String) -> UInt32 {
      if let last = texts.last, last == text { return UInt32(texts.count - 1) }
      if let number = numbers[text] { return number }
      let number = UInt32(truncatingIfNeeded: texts.count)
      texts.append(text)
      numbers[text] = number
      return number
    }
  }
}
