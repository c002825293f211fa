import LabCore
import PQL

/// Dictionary-encoded columns being filled row by row: each leaf of each row's JSON goes to
/// the column of its path, and each value is stored once per column.
struct ColumnSet {
  /// The columns, in first-seen order.
  var columns: [PQLColumns.Column] {
    paths.indices.map { PQLColumns.Column(path: paths[$0], values: values[$0], codes: codes[$0]) }
  }
  private var paths: [[String]] = []
  private var values: [[JSONValue]] = []
  private var codes: [[UInt32]] = []
  private var byPath: [[String]: Int] = [:]
  private var codesByValue: [[JSONValue: UInt32]] = []
  /// Rows added so far.
  private(set) var rowCount = 0

  /// Adds one row: the leaves of `object` (values that are not objects, and empty objects),
  /// each in the column of its path.
  mutating func addRow(_ object: [String: JSONValue]) {
    var path: [String] = []
    add(object, path: &path)
    rowCount += 1
    for index in codes.indices where codes[index].count < rowCount {
      codes[index].append(PQLColumns.Column.missing)
    }
  }

  private mutating func add(_ object: [String: JSONValue], path: inout [String]) {
    for (key, value) in object {
      path.append(key)
      if case .object(let inner) = value, !inner.isEmpty {
        add(inner, path: &path)
      } else {
        set(value, at: path)
      }
      path.removeLast()
    }
  }

  private mutating func set(_ value: JSONValue, at path: [String]) {
    let index: Int
    if let known = byPath[path] {
      index = known
    } else {
      index = paths.count
      byPath[path] = index
      paths.append(path)
      values.append([])
      codes.append(Array(repeating: PQLColumns.Column.missing, count: rowCount))
      codesByValue.append([:])
    }
    let code: UInt32
    if let known = codesByValue[index][value] {
      code = known
    } else {
      code = UInt32(values[index].count)
      values[index].append(value)
      codesByValue[index][value] = code
    }
    codes[index].append(code)
  }
}
