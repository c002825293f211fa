/// Ids split into groups small enough for one `IN (?, ?, ...)` list each.
enum IDChunks {
  /// Ids per group (SQLite allows more variables; lists this long are still fast).
  static let size = 500

  /// Calls `body` with each group of `ids` and its placeholders (`?,?,...`).
  static func forEach(_ ids: [Int64], _ body: (_ group: [Int64], _ marks: String) throws -> Void)
    rethrows
  {
    for start in stride(from: 0, to: ids.count, by: size) {
      let group = Array(ids[start..<min(start + size, ids.count)])
      try body(group, Array(repeating: "?", count: group.count).joined(separator: ","))
    }
  }
}
