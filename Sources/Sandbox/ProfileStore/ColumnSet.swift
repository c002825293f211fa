import LabCore
import PQL

/// Dictionary-encoded columns being filled row by row: each leaf of each row's JSON goes to
/// the column of its path (see ``ColumnEncoder``).
struct ColumnSet {
  /// The columns, in first-seen order.
  var columns: [PQLColumns.Column] {
    paths.indices.map { encoders[$0].column(at: paths[$0]) }
  }
  private var paths: [[String]] = []
  private var encoders: [ColumnEncoder] = []
  /// The paths seen as a tree, one key per level, so finding a leaf's column hashes one key
  /// per level instead of its whole path: node 0 is the root; each node's next keys lead to
  /// other nodes.
  private var children: [[String: Int]] = [[:]]
  /// The column of the path ending at each node, or -1.
  private var columnAtNode: [Int] = [-1]
  /// Rows added so far.
  private(set) var rowCount = 0

  /// Adds one row: the leaves of `object` (values that are not objects, and empty objects),
  /// each in the column of its path.
  mutating func addRow(_ object: [String: JSONValue]) {
    var path: [String] = []
    add(object, node: 0, path: &path)
    rowCount += 1
    for index in encoders.indices where encoders[index].rowCount < rowCount {
      encoders[index].appendMissing()
    }
  }

  private mutating func add(_ object: [String: JSONValue], node: Int, path: inout [String]) {
    for (key, value) in object {
      path.append(key)
      let child = self.child(of: node, key)
      if case .object(let inner) = value, !inner.isEmpty {
        add(inner, node: child, path: &path)
      } else {
        encoders[column(at: child, path: path)].append(value)
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
    encoders.append(ColumnEncoder(missingRows: rowCount))
    return index
  }
}
