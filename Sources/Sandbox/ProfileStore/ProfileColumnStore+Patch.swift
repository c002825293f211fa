import LabCore
import PQL

extension ProfileColumnStore {
  /// The store without the rows `dropped` and with the rows of `added`, in graph order.
  ///
  /// Columns are copied code by code: `added`'s distinct values are looked up in the store's
  /// short dictionaries and appended to its long ones, so patching a few graphs of a large
  /// store costs a copy of its codes rather than hashing every value it holds.
  func replacing(rows dropped: Set<Int>, with added: ProfileColumnStore) -> ProfileColumnStore {
    // The rows in graph order: a non-negative entry is a row of this store, a negative one the
    // row -1 - entry of `added`.
    var plan: [Int] = []
    plan.reserveCapacity(count - dropped.count + added.count)
    var next = 0
    for row in 0..<count where !dropped.contains(row) {
      while next < added.count, added.graphIDs[next] < graphIDs[row] {
        plan.append(-1 - next)
        next += 1
      }
      plan.append(row)
    }
    while next < added.count {
      plan.append(-1 - next)
      next += 1
    }
    func pick<T>(_ mine: [T], _ theirs: [T]) -> [T] {
      plan.map { $0 >= 0 ? mine[$0] : theirs[-1 - $0] }
    }
    var result = ProfileColumnStore()
    result.isExact = isExact && added.isExact
    result.keys = pick(keys, added.keys)
    result.graphIDs = pick(graphIDs, added.graphIDs)
    result.primaryIdentities = pick(primaryIdentities, added.primaryIdentities)
    let (myIdentities, myStarts) = (self.identityIDs, self.identityStarts)
    let (theirIdentities, theirStarts) = (added.identityIDs, added.identityStarts)
    var identityIDs: [Int64] = []
    var identityStarts: [Int64] = [0]
    var eventPlan: [Int] = []
    var eventStarts: [Int] = [0]
    for entry in plan {
      if entry >= 0 {
        identityIDs += myIdentities[Int(myStarts[entry])..<Int(myStarts[entry + 1])]
        eventPlan += columns.eventStarts[entry]..<columns.eventStarts[entry + 1]
      } else {
        let row = -1 - entry
        identityIDs += theirIdentities[Int(theirStarts[row])..<Int(theirStarts[row + 1])]
        eventPlan += (added.columns.eventStarts[row]..<added.columns.eventStarts[row + 1]).map {
          -1 - $0
        }
      }
      identityStarts.append(Int64(identityIDs.count))
      eventStarts.append(eventPlan.count)
    }
    result.identityIDs = identityIDs
    result.identityStarts = identityStarts
    var sets = namespaceSets
    var setCodes = Dictionary(
      sets.enumerated().map { ($1, UInt32($0)) }, uniquingKeysWith: { first, _ in first })
    let addedSets = added.namespaceSets.map { set -> UInt32 in
      if let code = setCodes[set] { return code }
      sets.append(set)
      setCodes[set] = UInt32(sets.count - 1)
      return UInt32(sets.count - 1)
    }
    result.namespaceSets = sets
    result.namespaceSetCodes = plan.map {
      $0 >= 0 ? namespaceSetCodes[$0] : addedSets[Int(added.namespaceSetCodes[-1 - $0])]
    }
    var columns = PQLColumns(profileCount: plan.count)
    columns.profileColumns = Self.gather(
      self.columns.profileColumns, added.columns.profileColumns, plan: plan)
    columns.eventStarts = eventStarts
    columns.eventTimes = eventPlan.map {
      $0 >= 0 ? self.columns.eventTimes[$0] : added.columns.eventTimes[-1 - $0]
    }
    columns.eventColumns = Self.gather(
      self.columns.eventColumns, added.columns.eventColumns, plan: eventPlan)
    result.columns = columns
    return result
  }

  /// The columns of the rows `plan` picks from `mine` (non-negative entries) and `theirs`
  /// (entry -1 - row); a column no row has a value in any more is left out.
  static func gather(_ mine: [PQLColumns.Column], _ theirs: [PQLColumns.Column], plan: [Int])
    -> [PQLColumns.Column]
  {
    let missing = PQLColumns.Column.missing
    var paths = mine.map(\.path)
    let known = Set(paths)
    paths += theirs.map(\.path).filter { !known.contains($0) }
    let mineByPath = Dictionary(
      mine.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
    let theirsByPath = Dictionary(
      theirs.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
    var result: [PQLColumns.Column] = []
    for path in paths {
      let left = mineByPath[path].map { mine[$0] }
      let right = theirsByPath[path].map { theirs[$0] }
      var values = left?.values ?? []
      var remap: [UInt32] = []
      if let right {
        // A short dictionary (a gender, a city) is searched, so repeated patches do not
        // repeat its values; a long one (ids, times) is not hashed whole for a few new
        // rows: their values are appended, and `compacted` drops what no row uses any more.
        var lookup: [JSONValue: UInt32] =
          values.count <= Self.searchedValues
          ? Dictionary(
            values.enumerated().map { ($1, UInt32($0)) }, uniquingKeysWith: { first, _ in first })
          : [:]
        remap = right.values.map { value in
          if let code = lookup[value] { return code }
          values.append(value)
          lookup[value] = UInt32(values.count - 1)
          return UInt32(values.count - 1)
        }
      }
      let leftCodes = left?.codes ?? []
      let rightCodes = right?.codes ?? []
      var present = false
      let codes = plan.map { entry -> UInt32 in
        let code: UInt32
        if entry >= 0 {
          code = leftCodes.isEmpty ? missing : leftCodes[entry]
        } else {
          let theirCode = rightCodes.isEmpty ? missing : rightCodes[-1 - entry]
          code = theirCode == missing ? missing : remap[Int(theirCode)]
        }
        if code != missing { present = true }
        return code
      }
      if present {
        let (kept, recoded) = compacted(values, codes)
        result.append(PQLColumns.Column(path: path, values: kept, codes: recoded))
      }
    }
    return result
  }

  /// Dictionaries up to this many values are searched for a patch's values.
  static let searchedValues = 4_096

  /// `values` without those no code uses, with the codes renumbered, once more than half are
  /// unused (rows replaced by patches leave their values behind); otherwise as they are.
  static func compacted(_ values: [JSONValue], _ codes: [UInt32]) -> ([JSONValue], [UInt32]) {
    guard values.count > searchedValues else { return (values, codes) }
    let missing = PQLColumns.Column.missing
    var used = [Bool](repeating: false, count: values.count)
    var usedCount = 0
    for code in codes where code != missing && !used[Int(code)] {
      used[Int(code)] = true
      usedCount += 1
    }
    guard usedCount * 2 < values.count else { return (values, codes) }
    var renumbered = [UInt32](repeating: missing, count: values.count)
    var kept: [JSONValue] = []
    kept.reserveCapacity(usedCount)
    for (code, value) in values.enumerated() where used[code] {
      renumbered[code] = UInt32(kept.count)
      kept.append(value)
    }
    return (kept, codes.map { $0 == missing ? missing : renumbered[Int($0)] })
  }
}
