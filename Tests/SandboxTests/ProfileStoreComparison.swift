import Identities
import LabCore
import PQL

@testable import Sandbox

/// Compares two profile stores row by row: what a query can read of them, not how they are
/// laid out (a delta laid over a store keeps columns and values no row uses any more).
enum ProfileStoreComparison {
  /// What differs between `left` and `right`, one line each (empty when nothing does).
  static func differences(_ left: ProfileColumnStore, _ right: ProfileColumnStore) -> [String] {
    var found: [String] = []
    guard left.count == right.count else { return ["rows: \(left.count) and \(right.count)"] }
    if left.keys != right.keys { found.append("keys") }
    if left.graphIDs != right.graphIDs { found.append("graphs") }
    if left.identityIDs != right.identityIDs || left.identityStarts != right.identityStarts {
      found.append("identities")
    }
    if left.primaryIdentities != right.primaryIdentities { found.append("primary identities") }
    let leftSets = left.namespaceSetCodes.map { left.namespaceSets[Int($0)] }
    let rightSets = right.namespaceSetCodes.map { right.namespaceSets[Int($0)] }
    if leftSets != rightSets { found.append("namespace sets") }
    if left.isExact != right.isExact { found.append("exactness") }
    let (a, b) = (left.columns, right.columns)
    if a.eventStarts != b.eventStarts || a.eventTimes != b.eventTimes { found.append("events") }
    for (kind, mine, theirs, count) in [
      ("profile", a.profileColumns, b.profileColumns, left.count),
      ("event", a.eventColumns, b.eventColumns, a.eventTimes.count),
    ] {
      let paths = Set(mine.map(\.path)).union(theirs.map(\.path))
      for path in paths.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
        let one = mine.first { $0.path == path }
        let other = theirs.first { $0.path == path }
        for row in 0..<count where one?.value(at: row) != other?.value(at: row) {
          found.append("\(kind) column \(path.joined(separator: ".")), row \(row)")
          break
        }
      }
    }
    return found
  }
}
