import LabCore
import PQL

extension ProfileColumnStore {
  /// The rows `rows` as columns, each with its stored events and then its new ones: the
  /// events of `added` that `appended` lists for it, in order.
  ///
  /// These are the profiles an ingest touched, as streaming evaluation tests them. A column's
  /// codes are picked only when a query reads it, so the fields no streaming segment tests
  /// are never decoded.
  func columns(ofRows rows: [Int], appending appended: [[Int]], from added: EventColumns)
    -> PQLColumns
  {
    let missing = PQLColumns.Column.missing
    var result = PQLColumns(profileCount: rows.count)
    result.profileColumns = columns.profileColumns.map { column in
      PQLColumns.Column(
        path: column.path, valueCount: column.valueCount,
        codes: LazyValue {
          let all = column.codes
          return rows.map { all[$0] }
        },
        values: LazyValue { column.values })
    }
    // Each event of the result: a stored event's index, or -1 - i for added event i.
    var plan: [Int] = []
    var times: [Int64] = []
    let (starts, storedTimes) = (columns.eventStarts, columns.eventTimes)
    for (index, row) in rows.enumerated() {
      for event in starts[row]..<starts[row + 1] {
        plan.append(event)
        times.append(storedTimes[event])
      }
      for event in appended[index] {
        plan.append(-1 - event)
        times.append(added.times[event])
      }
      result.eventStarts[index + 1] = plan.count
    }
    result.eventTimes = times
    let eventPlan = plan
    let addedColumns = added.columns
    let addedByPath = Dictionary(
      addedColumns.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
    let storedPaths = Set(columns.eventColumns.map(\.path))
    let storedPairs: [(PQLColumns.Column?, PQLColumns.Column?)] = columns.eventColumns.map {
      ($0, addedByPath[$0.path].map { addedColumns[$0] })
    }
    let addedOnly: [(PQLColumns.Column?, PQLColumns.Column?)] = addedColumns.filter {
      !storedPaths.contains($0.path)
    }.map { (nil, $0) }
    result.eventColumns = (storedPairs + addedOnly).map { stored, new in
      let offset = UInt32(stored?.valueCount ?? 0)
      let path = stored?.path ?? new?.path ?? []
      return PQLColumns.Column(
        path: path, valueCount: LazyValue { Int(offset) + (new?.valueCount ?? 0) },
        codes: LazyValue {
          let storedCodes = stored?.codes ?? []
          let newCodes = new?.codes ?? []
          return eventPlan.map { entry in
            if entry >= 0 { return storedCodes.isEmpty ? missing : storedCodes[entry] }
            let code = newCodes.isEmpty ? missing : newCodes[-1 - entry]
            return code == missing ? missing : code + offset
          }
        },
        values: LazyValue { (stored?.values ?? []) + (new?.values ?? []) })
    }
    return result
  }
}
