import LabCore
import PQL

/// Dictionary-encoded columns being filled row by row: each leaf of each row's JSON goes to
/// the column of its path, and each value is stored once per column (a column of mostly
/// distinct values stores each row's).
struct ColumnSet {
  /// The columns, in first-seen order.
  var columns: [PQLColumns.Column] {
    paths.indices.map { PQLColumns.Column(path: paths[$0], values: values[$0], codes: codes[$0]) }
  }
  private var paths: [[String]] = []
  private var values: [[JSONValue]] = []
  private var codes: [[UInt32]] = []
  /// The paths seen as a tree, one key per level, so finding a leaf's column hashes one key
  /// per level instead of its whole path: node 0 is the root; each node's next keys lead to
  /// other nodes.
  private var children: [[String: Int]] = [[:]]
  /// The column of the path ending at each node, or -1.
  private var columnAtNode: [Int] = [-1]
  private var codesByValue: [[JSONValue: UInt32]] = []
  /// Whether each column still looks its values up in `codesByValue`.
  private var deduplicating: [Bool] = []
  /// Rows added so far.
  private(set) var rowCount = 0

  /// Adds one row: the leaves of `object` (values that are not objects, and empty objects),
  /// each in the column of its path.
  mutating func addRow(_ object: [String: JSONValue]) {
    var path: [String] = []
    add(object, node: 0, path: &path)
    rowCount += 1
    for index in codes.indices where codes[index].count < rowCount {
      codes[index].append(PQLColumns.Column.missing)
    }
  }

  private mutating func add(_ object: [String: JSONValue], node: Int, path: inout [String]) {
    for (key, value) in object {
      path.append(key)
      let child = self.child(of: node, key)
      if case .object(let inner) = value, !inner.isEmpty {
        add(inner, node: child, path: &path)
      } else {
        set(value, column: column(at: child, path: path))
      }
      path.removeLast()
    }
  }

  /// The node under `node` for `key`, added when new.
  private mutating func child(of node: Int, _ key: String) -> Int {
    if let known = children[node][key] { return known }
    let added = children.count
    children.append([:])
    columnAtNode.append(-1)
    children[node][key] = added
    return added
  }

  /// The column of the path ending at `node` (which is `path`), added when new.
  private mutating func column(at node: Int, path: [String]) -> Int {
    let known = columnAtNode[node]
    if known >= 0 { return known }
    let index = paths.count
    columnAtNode[node] = index
    paths.append(path)
    values.append([])
    codes.append(Array(repeating: PQLColumns.Column.missing, count: rowCount))
    codesByValue.append([:])
    deduplicating.append(true)
    return index
  }

  private mutating func set(_ value: JSONValue, column index: Int) {
    guard deduplicating[index] else {
      // Mostly distinct values (ids, times, identity maps): each row gets its own.
      codes[index].append(UInt32(values[index].count))
      values[index].append(value)
      return
    }
    let code: UInt32
    if let known = codesByValue[index][value] {
      code = known
    } else {
      code = UInt32(values[index].count)
      values[index].append(value)
      codesByValue[index][value] = code
      // A column whose values are more than half distinct is not worth hashing: every new
      // value costs a hash of it (deep for arrays) and the dictionary's growth rehashes them
      // all, to save little. Duplicates are harmless: a condition is asked once per value.
      if values[index].count > Self.dictionaryLimit,
        values[index].count * 2 > codes[index].count
      {
        deduplicating[index] = false
        codesByValue[index] = [:]
      }
    }
    codes[index].append(code)
  }

  /// Values a column collects before it is checked for being mostly distinct.
  static let dictionaryLimit = 4_096
}
