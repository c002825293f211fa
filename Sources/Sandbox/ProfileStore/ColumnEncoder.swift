import LabCore
import PQL

/// One dictionary-encoded column being filled row by row: each distinct value stored once,
/// each row a code into them (a column of mostly distinct values stores each row's).
struct ColumnEncoder {
  /// The values, each once while the column deduplicates.
  private(set) var values: [JSONValue] = []
  /// Each row's code into `values`, or ``PQLColumns/Column/missing``.
  private(set) var codes: [UInt32]
  private var codesByValue: [JSONValue: UInt32] = [:]
  /// Whether the column still looks its values up in `codesByValue`.
  private var deduplicating = true

  /// Values a column collects before it is checked for being mostly distinct.
  static let dictionaryLimit = 4_096

  /// An empty column whose first `missingRows` rows lack the field.
  init(missingRows: Int = 0) {
    codes = Array(repeating: PQLColumns.Column.missing, count: missingRows)
  }

  /// The number of rows so far.
  var rowCount: Int { codes.count }

  /// Adds a row holding `value`.
  mutating func append(_ value: JSONValue) {
    guard deduplicating else {
      // Mostly distinct values (ids, times, identity maps): each row gets its own.
      codes.append(UInt32(values.count))
      values.append(value)
      return
    }
    let code: UInt32
    if let known = codesByValue[value] {
      code = known
    } else {
      code = UInt32(values.count)
      values.append(value)
      codesByValue[value] = code
      // A column whose values are more than half distinct is not worth hashing: every new
      // value costs a hash of it (deep for arrays) and the dictionary's growth rehashes them
      // all, to save little. Duplicates are harmless: a condition is asked once per value.
      if values.count > Self.dictionaryLimit, values.count * 2 > codes.count {
        deduplicating = false
        codesByValue = [:]
      }
    }
    codes.append(code)
  }

  /// Adds a row without the field.
  mutating func appendMissing() {
    codes.append(PQLColumns.Column.missing)
  }

  /// The column, at `path`.
  func column(at path: [String]) -> PQLColumns.Column {
    PQLColumns.Column(path: path, values: values, codes: codes)
  }
}
