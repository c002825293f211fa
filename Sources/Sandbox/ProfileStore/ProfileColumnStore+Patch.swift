import LabCore
import PQL

extension ProfileColumnStore {
  /// The store without the rows `dropped` and with the rows of `added`, in graph order.
  ///
  /// Columns are copied code by code: `added`'s distinct values are looked up in the store's
  /// short dictionaries and appended to its long ones, so patching a few graphs of a large
  /// store costs a copy of its codes rather than hashing every value it holds.
  func replacing(rows dropped: Set<Int>, with added: ProfileColumnStore) -> ProfileColumnStore {
    let plan = self.plan(keeping: { !dropped.contains($0) }, adding: added)
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
    (result.namespaceSets, result.namespaceSetCodes) = namespaceSets(plan: plan, adding: added)
    var columns = PQLColumns(profileCount: plan.count)
    (columns.profileColumns, result.valueTexts) = Self.gather(
      self.columns.profileColumns, added.columns.profileColumns, plan: plan, kind: "p",
      texts: valueTexts)
    columns.eventStarts = eventStarts
    columns.eventTimes = eventPlan.map {
      $0 >= 0 ? self.columns.eventTimes[$0] : added.columns.eventTimes[-1 - $0]
    }
    let eventTexts: [String: LazyValue<[String]?>]
    (columns.eventColumns, eventTexts) = Self.gather(
      self.columns.eventColumns, added.columns.eventColumns, plan: eventPlan, kind: "e",
      texts: valueTexts)
    result.valueTexts.merge(eventTexts) { first, _ in first }
    result.columns = columns
    return result
  }

  /// The namespace sets of this store and of `added` (each kept once), and the set of each
  /// row `plan` picks (an entry is a row of this store, or -1 - a row of `added`).
  func namespaceSets(plan: [Int], adding added: ProfileColumnStore) -> (
    sets: [[String]], codes: [UInt32]
  ) {
    var sets = namespaceSets
    var setCodes = Dictionary(
      sets.enumerated().map { ($1, UInt32($0)) }, uniquingKeysWith: { first, _ in first })
    let addedSets = added.namespaceSets.map { set -> UInt32 in
      if let code = setCodes[set] { return code }
      sets.append(set)
      setCodes[set] = UInt32(sets.count - 1)
      return UInt32(sets.count - 1)
    }
    let codes = plan.map {
      $0 >= 0 ? namespaceSetCodes[$0] : addedSets[Int(added.namespaceSetCodes[-1 - $0])]
    }
    return (sets, codes)
  }

  /// The rows this store keeps (those `kept` is true of) and the rows of `added`, in graph
  /// order: a non-negative entry is a row of this store, a negative one the row -1 - entry of
  /// `added`.
  func plan(keeping kept: (Int) -> Bool, adding added: ProfileColumnStore) -> [Int] {
    let (mine, theirs) = (graphIDs, added.graphIDs)
    var plan: [Int] = []
    plan.reserveCapacity(count + added.count)
    var next = 0
    for row in 0..<count where kept(row) {
      while next < theirs.count, theirs[next] < mine[row] {
        plan.append(-1 - next)
        next += 1
      }
      plan.append(row)
    }
    while next < theirs.count {
      plan.append(-1 - next)
      next += 1
    }
    return plan
  }

  /// The columns of the rows `plan` picks from `mine` (non-negative entries) and `theirs`
  /// (entry -1 - row), and the stored texts of their values where known; a column no row has
  /// a value in any more is left out.
  ///
  /// A long dictionary of `mine` whose stored text is known (`texts`, by `kind` and path)
  /// gets `theirs`'s values appended without being decoded: its values and text are made
  /// only when read, so a patch of a large store neither parses nor writes back its ids and
  /// times one by one.
  static func gather(
    _ mine: [PQLColumns.Column], _ theirs: [PQLColumns.Column], plan: [Int], kind: String,
    texts: [String: LazyValue<[String]?>]
  ) -> ([PQLColumns.Column], [String: LazyValue<[String]?>]) {
    let missing = PQLColumns.Column.missing
    var paths = mine.map(\.path)
    let known = Set(paths)
    paths += theirs.map(\.path).filter { !known.contains($0) }
    let mineByPath = Dictionary(
      mine.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
    let theirsByPath = Dictionary(
      theirs.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
    var result: [PQLColumns.Column] = []
    var resultTexts: [String: LazyValue<[String]?>] = [:]
    for path in paths {
      let left = mineByPath[path].map { mine[$0] }
      let right = theirsByPath[path].map { theirs[$0] }
      let key = textKey(kind, path)
      if let left, let leftTexts = texts[key], left.valueCount > searchedValues {
        guard
          let (column, text) = appended(
            left, leftTexts, right, plan: plan)
        else { continue }
        result.append(column)
        resultTexts[key] = text
        continue
      }
      var values = left?.values ?? []
      // `compaction` drops what no row of a long dictionary uses any more.
      let remap = right.map { Self.appending($0.values, to: &values) } ?? []
      let leftCodes = left?.codes ?? []
      let rightCodes = right?.codes ?? []
      var present = false
      var codes = plan.map { entry -> UInt32 in
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
      guard present else { continue }
      if let (kept, recoded) = compaction(codes, valueCount: values.count) {
        values = kept.map { values[$0] }
        codes = recoded
      }
      result.append(PQLColumns.Column(path: path, values: values, codes: codes))
    }
    return (result, resultTexts)
  }

  /// `left` (a long dictionary with its stored text) with `right`'s values appended after
  /// its own and the rows `plan` picks, its values and text made only when read; `nil` when
  /// no row has a value.
  static func appended(
    _ left: PQLColumns.Column, _ leftTexts: LazyValue<[String]?>, _ right: PQLColumns.Column?,
    plan: [Int]
  ) -> (PQLColumns.Column, LazyValue<[String]?>)? {
    let missing = PQLColumns.Column.missing
    let rightValues = right?.values ?? []
    let offset = UInt32(left.valueCount)
    let leftCodes = left.codes
    let rightCodes = right?.codes ?? []
    var present = false
    let codes = plan.map { entry -> UInt32 in
      let code: UInt32
      if entry >= 0 {
        code = leftCodes.isEmpty ? missing : leftCodes[entry]
      } else {
        let theirCode = rightCodes.isEmpty ? missing : rightCodes[-1 - entry]
        code = theirCode == missing ? missing : theirCode + offset
      }
      if code != missing { present = true }
      return code
    }
    guard present else { return nil }
    let count = left.valueCount + rightValues.count
    let allValues = LazyValue<[JSONValue]> { left.values + rightValues }
    let allTexts = LazyValue<[String]?> {
      leftTexts.value.map { $0 + rightValues.map { $0.serialized() } }
    }
    guard let (kept, recoded) = compaction(codes, valueCount: count) else {
      return (
        PQLColumns.Column(
          path: left.path, valueCount: count, codes: LazyValue(codes), values: allValues),
        allTexts
      )
    }
    let values = LazyValue<[JSONValue]> {
      let all = allValues.value
      return kept.map { all[$0] }
    }
    let texts = LazyValue<[String]?> { allTexts.value.map { all in kept.map { all[$0] } } }
    return (
      PQLColumns.Column(
        path: left.path, valueCount: kept.count, codes: LazyValue(recoded), values: values),
      texts
    )
  }

  /// The codes `added` get once appended to the dictionary `values`.
  ///
  /// A short dictionary (a gender, a city) is searched first, so repeated patches do not repeat
  /// its values; a long one (ids, times) gets them appended, each distinct one once.
  static func appending(_ added: [JSONValue], to values: inout [JSONValue]) -> [UInt32] {
    var lookup: [JSONValue: UInt32] =
      values.count <= searchedValues
      ? Dictionary(
        values.enumerated().map { ($1, UInt32($0)) }, uniquingKeysWith: { first, _ in first })
      : [:]
    return added.map { value in
      if let code = lookup[value] { return code }
      values.append(value)
      lookup[value] = UInt32(values.count - 1)
      return UInt32(values.count - 1)
    }
  }

  /// Dictionaries up to this many values are searched for a patch's values.
  static let searchedValues = 4_096

  /// The values to keep (their old codes, in order) and the codes renumbered, once more than
  /// half of a long dictionary's `valueCount` values are used by no row (rows replaced by
  /// patches leave their values behind); `nil` while it is not worth it.
  static func compaction(_ codes: [UInt32], valueCount: Int) -> (kept: [Int], codes: [UInt32])? {
    guard valueCount > searchedValues else { return nil }
    let missing = PQLColumns.Column.missing
    var used = [Bool](repeating: false, count: valueCount)
    var usedCount = 0
    for code in codes where code != missing && !used[Int(code)] {
      used[Int(code)] = true
      usedCount += 1
    }
    guard usedCount * 2 < valueCount else { return nil }
    var renumbered = [UInt32](repeating: missing, count: valueCount)
    var kept: [Int] = []
    kept.reserveCapacity(usedCount)
    for code in 0..<valueCount where used[code] {
      renumbered[code] = UInt32(kept.count)
      kept.append(code)
    }
    return (kept, codes.map { $0 == missing ? missing : renumbered[Int($0)] })
  }
}
