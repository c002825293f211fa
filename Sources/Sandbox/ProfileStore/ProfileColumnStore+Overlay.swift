import Identities
import LabCore
import PQL

extension ProfileColumnStore {
  /// This store without the rows `dropped` and with the rows of `delta`, in graph order, as
  /// ``replacing(rows:with:)`` gives them, and the plan of its rows (each a row of this store,
  /// or -1 - a row of `delta`).
  ///
  /// Only what every reader needs (keys, namespace sets, event starts and times) is gathered
  /// now; a column, the graphs and the identities are gathered when first read, so a store
  /// opened with the rows patched since it was written whole costs a query the columns it
  /// tests, not the whole store. Columns no row has a value in any more are kept (their rows
  /// read as missing), and long dictionaries keep the values of dropped rows.
  func overlaid(dropping dropped: [Int], with delta: ProfileColumnStore) -> (
    store: ProfileColumnStore, plan: [Int]
  ) {
    var isDropped = [Bool](repeating: false, count: count)
    for row in dropped where row < count { isDropped[row] = true }
    let plan = self.plan(keeping: { !isDropped[$0] }, adding: delta)
    @Sendable func pick<T>(_ mine: [T], _ theirs: [T]) -> [T] {
      plan.map { $0 >= 0 ? mine[$0] : theirs[-1 - $0] }
    }
    let base = self
    var result = ProfileColumnStore()
    result.damage = damage
    result.isExact = isExact && delta.isExact
    result.keys = pick(keys, delta.keys)
    (result.namespaceSets, result.namespaceSetCodes) = namespaceSets(plan: plan, adding: delta)
    let identities = LazyValue<(ids: [Int64], starts: [Int64])> {
      let (myIDs, myStarts) = (base.identityIDs, base.identityStarts)
      let (theirIDs, theirStarts) = (delta.identityIDs, delta.identityStarts)
      var ids: [Int64] = []
      var starts: [Int64] = [0]
      starts.reserveCapacity(plan.count + 1)
      for entry in plan {
        if entry >= 0 {
          ids += myIDs[Int(myStarts[entry])..<Int(myStarts[entry + 1])]
        } else {
          ids += theirIDs[Int(theirStarts[-1 - entry])..<Int(theirStarts[-entry])]
        }
        starts.append(Int64(ids.count))
      }
      return (ids, starts)
    }
    result.setLazyParts(
      graphIDs: LazyValue { pick(base.graphIDs, delta.graphIDs) },
      identityStarts: LazyValue { identities.value.starts },
      identityIDs: LazyValue { identities.value.ids },
      primaryIdentities: LazyValue { pick(base.primaryIdentities, delta.primaryIdentities) },
      primaryLookup: { rows, withIDs in
        // Rows of the base and of the delta each come in ascending order along the plan.
        let entries = rows.map { plan[$0] }
        var fromBase = base.primaryIdentities(
          ofRows: entries.filter { $0 >= 0 }, withIDs: withIDs
        ).makeIterator()
        var fromDelta = delta.primaryIdentities(
          ofRows: entries.filter { $0 < 0 }.map { -1 - $0 }, withIDs: withIDs
        ).makeIterator()
        return entries.map { entry in
          (entry >= 0 ? fromBase.next() : fromDelta.next()) ?? Identity(namespace: "", id: "")
        }
      })
    var eventPlan: [Int] = []
    eventPlan.reserveCapacity(columns.eventTimes.count + delta.columns.eventTimes.count)
    var eventStarts: [Int] = [0]
    eventStarts.reserveCapacity(plan.count + 1)
    let (myStarts, theirStarts) = (columns.eventStarts, delta.columns.eventStarts)
    for entry in plan {
      if entry >= 0 {
        eventPlan += myStarts[entry]..<myStarts[entry + 1]
      } else {
        for event in theirStarts[-1 - entry]..<theirStarts[-entry] { eventPlan.append(-1 - event) }
      }
      eventStarts.append(eventPlan.count)
    }
    var columns = PQLColumns(profileCount: plan.count)
    columns.eventStarts = eventStarts
    let (myTimes, theirTimes) = (self.columns.eventTimes, delta.columns.eventTimes)
    columns.eventTimes = eventPlan.map { $0 >= 0 ? myTimes[$0] : theirTimes[-1 - $0] }
    columns.profileColumns = Self.overlaid(
      self.columns.profileColumns, delta.columns.profileColumns, plan: plan)
    columns.eventColumns = Self.overlaid(
      self.columns.eventColumns, delta.columns.eventColumns, plan: eventPlan)
    result.columns = columns
    return (result, plan)
  }

  /// The columns of `mine` and `theirs` by path, each row picked by `plan` (an entry is a row
  /// of `mine`, or -1 - a row of `theirs`) when first read.
  ///
  /// `theirs`'s values are looked up in a short dictionary of `mine` and appended to a long
  /// one, as a patch does.
  static func overlaid(_ mine: [PQLColumns.Column], _ theirs: [PQLColumns.Column], plan: [Int])
    -> [PQLColumns.Column]
  {
    let missing = PQLColumns.Column.missing
    let known = Set(mine.map(\.path))
    let theirsByPath = Dictionary(
      theirs.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
    let pairs: [(PQLColumns.Column?, PQLColumns.Column?)] =
      mine.map { ($0, theirsByPath[$0.path].map { theirs[$0] }) }
      + theirs.filter { !known.contains($0.path) }.map { (nil, $0) }
    return pairs.map { left, right in
      let path = left?.path ?? right?.path ?? []
      let (leftCodes, rightCodes) = (
        LazyValue { left?.codes ?? [] }, LazyValue { right?.codes ?? [] }
      )
      func codes(_ remap: @escaping @Sendable (UInt32) -> UInt32) -> LazyValue<[UInt32]> {
        LazyValue {
          let (leftCodes, rightCodes) = (leftCodes.value, rightCodes.value)
          return plan.map { entry in
            if entry >= 0 { return leftCodes.isEmpty ? missing : leftCodes[entry] }
            let code = rightCodes.isEmpty ? missing : rightCodes[-1 - entry]
            return code == missing ? missing : remap(code)
          }
        }
      }
      let leftCount = left?.valueCount ?? 0
      guard leftCount <= searchedValues else {
        // A long dictionary (ids, times): `right`'s values follow its own, undecoded.
        let offset = UInt32(leftCount)
        return PQLColumns.Column(
          path: path, valueCount: LazyValue { leftCount + (right?.valueCount ?? 0) },
          codes: codes { $0 + offset },
          values: LazyValue { (left?.values ?? []) + (right?.values ?? []) })
      }
      // A short one (a gender, a city) is searched, so its values are not repeated.
      let dictionary = LazyValue<(values: [JSONValue], remap: [UInt32])> {
        var values = left?.values ?? []
        let remap = appending(right?.values ?? [], to: &values)
        return (values, remap)
      }
      return PQLColumns.Column(
        path: path, valueCount: LazyValue { dictionary.value.values.count },
        codes: codes { dictionary.value.remap[Int($0)] },
        values: LazyValue { dictionary.value.values })
    }
  }
}
