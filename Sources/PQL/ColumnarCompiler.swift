import Dispatch
import Foundation
import LabCore

/// Whether profile `row` of a ``PQLColumns`` passes.
typealias RowPredicate = @Sendable (Int) -> Bool

/// Compiles a checked expression into tests on ``PQLColumns``, or `nil` when it reads anything
/// the columns cannot answer directly.
///
/// A condition on one field is compiled with ``Compiler/objectPredicate(_:isProfile:)``, the
/// code that evaluates it on JSON, and run once per distinct value of the field's column: a
/// truth table the rows then index by code. `and`, `or` and `not` combine tests as conditions
/// do (two-valued); event counts and `chain` walk each profile's events with the same tests
/// and the same greedy matching as on JSON.
struct ColumnarCompiler {
  let columns: PQLColumns
  let now: Int64

  /// The test of a whole condition on a profile.
  func condition(_ node: Node) -> RowPredicate? {
    switch node {
    case .constant(let value):
      let flag = value.isTruthy
      return { _ in flag }
    case .not(let operand):
      guard let test = condition(operand) else { return nil }
      return { !test($0) }
    case .and(let operands):
      let tests = operands.compactMap(condition)
      guard tests.count == operands.count else { return nil }
      return Self.all(tests)
    case .or(let operands):
      let tests = operands.compactMap(condition)
      guard tests.count == operands.count else { return nil }
      return Self.any(tests)
    case .call(.inSegment, let arguments):
      guard case .constant(.string(let id))? = arguments.first else { return nil }
      guard let flags = columns.memberships[id] else { return { _ in false } }
      return { flags[$0] }
    case .compare(let op, .call(.count, let arguments), .constant(let expected)):
      guard arguments.count == 1, let passes = eventSource(arguments[0]) else { return nil }
      let starts = columns.eventStarts
      return { row in
        var count = 0
        for event in starts[row]..<starts[row + 1] where passes[event] { count += 1 }
        return Runtime.compare(op, .integer(count), expected)
      }
    case .call(let quantifier, let arguments) where quantifier == .exists || quantifier == .forall:
      // `xEvent.exists(condition)`, `xEvent[filter].forall(condition)`: a walk over each
      // profile's events with one flag per event.
      guard arguments.count == 2, let source = eventSource(arguments[0]),
        let passes = eventFlags(arguments[1])
      else { return nil }
      let starts = columns.eventStarts
      if quantifier == .exists {
        return { row in
          for event in starts[row]..<starts[row + 1] where source[event] && passes[event] {
            return true
          }
          return false
        }
      }
      return { row in
        for event in starts[row]..<starts[row + 1] where source[event] && !passes[event] {
          return false
        }
        return true
      }
    case .chain(.events, let timestamp, let steps):
      guard timestamp == ["timestamp"] else { return nil }
      return chain(steps)
    default:
      return fieldCondition(node, in: columns.profileColumns, isProfile: true)
    }
  }

  /// Which events a source of events holds: `xEvent` (every event) or `xEvent[filter]`.
  func eventSource(_ node: Node) -> [Bool]? {
    switch node {
    case .events: return Array(repeating: true, count: columns.eventTimes.count)
    case .filter(.events, let filter): return eventFlags(filter)
    default: return nil
    }
  }

  /// Whether each event passes a condition, for every event at once: a tight loop per part of
  /// the condition, combined flag by flag.
  func eventFlags(_ node: Node) -> [Bool]? {
    let count = columns.eventTimes.count
    switch node {
    case .not(let operand):
      guard let flags = eventFlags(operand) else { return nil }
      return Self.flags(count) { range, output in
        for event in range { output[event] = !flags[event] }
      }
    case .and(let operands), .or(let operands):
      var parts: [[Bool]] = []
      for operand in operands {
        guard let flags = eventFlags(operand) else { return nil }
        parts.append(flags)
      }
      let isAnd: Bool
      if case .and = node { isAnd = true } else { isAnd = false }
      guard var result = parts.first else { return Array(repeating: isAnd, count: count) }
      for part in parts.dropFirst() {
        let left = result
        result = Self.flags(count) { range, output in
          for event in range {
            output[event] = isAnd ? left[event] && part[event] : left[event] || part[event]
          }
        }
      }
      return result
    case .occurs(.path(.context(0), ["timestamp"]), let spec):
      // `timestamp occurs …` on the parsed times, as the JSON path tests a pre-parsed time.
      guard timesRoundTrip, let test = Occurs.compile(spec, fixedNow: now) else { return nil }
      let times = columns.eventTimes
      return Self.flags(count) { range, output in
        for event in range { output[event] = test(times[event]) }
      }
    default:
      switch truth(of: node, in: columns.eventColumns, isProfile: false) {
      case nil: return nil
      case .constant(let flag)?: return Array(repeating: flag, count: count)
      case .table(let codes, let table, let absent)?:
        return Self.flags(count) { range, output in
          for event in range {
            let code = codes[event]
            output[event] = code == PQLColumns.Column.missing ? absent : table[Int(code)]
          }
        }
      }
    }
  }

  /// A condition on at most one field, as its answer for each distinct value.
  enum FieldTruth {
    /// The same answer for every row.
    case constant(Bool)
    /// `table[code]` for each row's code, `absent` where the field is missing.
    case table(codes: [UInt32], table: [Bool], absent: Bool)
  }

  /// A condition that reads at most one field, as a truth table over that field's column.
  func fieldCondition(_ node: Node, in available: [PQLColumns.Column], isProfile: Bool)
    -> (@Sendable (Int) -> Bool)?
  {
    switch truth(of: node, in: available, isProfile: isProfile) {
    case nil: return nil
    case .constant(let flag)?: return { _ in flag }
    case .table(let codes, let table, let absent)?:
      return { row in
        let code = codes[row]
        return code == PQLColumns.Column.missing ? absent : table[Int(code)]
      }
    }
  }

  /// The answers of a condition on at most one field, found with the code that evaluates it on
  /// JSON, once per distinct value; `nil` when it reads more, or a path inside a column.
  func truth(of node: Node, in available: [PQLColumns.Column], isProfile: Bool) -> FieldTruth? {
    guard let paths = Self.fields(of: node), paths.count <= 1,
      !paths.contains(["timestamp"]) || isProfile
    else { return nil }
    let predicate =
      Compiler.objectPredicate(node, isProfile: isProfile) ?? Self.generalPredicate(node)
    let absent = predicate([:], now, ObjectPredicateTime.unknown)
    guard let path = paths.first else { return .constant(absent) }
    // The column holding the field: the field itself, or a field it lies inside (a path
    // through an array of objects, such as `productListItems.name`).
    guard let column = available.first(where: { path.starts(with: $0.path) }) else {
      // A path holding several columns needs the JSON, and so does a profile's
      // `segmentMembership`, which the memberships stand for.
      let overlaps = available.contains {
        $0.path.starts(with: path) || path.starts(with: $0.path)
      }
      let readsMemberships =
        isProfile && !columns.memberships.isEmpty && path.first == "segmentMembership"
      return overlaps || readsMemberships ? nil : .constant(absent)
    }
    let table = column.values.map { value in
      var members: [String: JSONValue] = [:]
      PQLColumns.insert(value, at: column.path[...], into: &members)
      return predicate(members, now, ObjectPredicateTime.unknown)
    }
    return .table(codes: column.codes, table: table, absent: absent)
  }

  /// `chain(xEvent, timestamp, [steps])` over each profile's events in time order.
  func chain(_ steps: [ChainStep<Node>]) -> RowPredicate? {
    guard timesRoundTrip else { return nil }
    let events = columns.eventTimes.count
    // Plain arrays, not an array of step values: a row's matching then reads them without
    // retaining anything, which matters when two threads share the plan.
    var accepts: [Bool] = []  // step s, event e at s * events + e: passes WHAT (and WHERE)
    var windows: [(@Sendable (Int64) -> Bool)?] = []
    var counts: [Int] = []
    accepts.reserveCapacity(steps.count * events)
    for step in steps {
      guard let what = eventFlags(step.what) else { return nil }
      if let condition = step.condition {
        guard let passes = eventFlags(condition) else { return nil }
        accepts += zip(what, passes).map { $0 && $1 }
      } else {
        accepts += what
      }
      if let spec = step.when {
        guard let test = Occurs.compile(spec, fixedNow: now) else { return nil }
        windows.append(test)
      } else {
        windows.append(nil)
      }
      counts.append(step.count)
    }
    let starts = columns.eventStarts
    let times = columns.eventTimes
    // Each step's WHEN for every event, found at once; with a WHEN on every step, an event
    // outside all of them can never be taken, nor does it move the matching along, so it is
    // left out before sorting.
    var inWindow: [Bool] = []  // step s, event e at s * events + e
    var relevant: [Bool] = []
    let timed = !windows.isEmpty && windows.allSatisfy { $0 != nil }
    for window in windows {
      guard let window else {
        inWindow += repeatElement(true, count: events)
        continue
      }
      inWindow += Self.flags(events) { range, output in
        for event in range { output[event] = window(times[event]) }
      }
    }
    if timed {
      let perStep = inWindow
      let stepCount = windows.count
      relevant = Self.flags(events) { range, output in
        for event in range {
          var any = false
          for step in 0..<stepCount where perStep[step * events + event] {
            any = true
            break
          }
          output[event] = any
        }
      }
    }
    let stepCount = counts.count
    return { [accepts, inWindow, relevant, counts] row in
      let first = starts[row]
      let total = starts[row + 1] - first
      return withUnsafeTemporaryAllocation(of: Int.self, capacity: total) { order in
        // The events in time order, ties in their given order (a stable insertion sort).
        var count = 0
        for event in first..<(first + total) {
          if timed, !relevant[event] { continue }
          var slot = count
          while slot > 0, times[order[slot - 1]] > times[event] {
            order[slot] = order[slot - 1]
            slot -= 1
          }
          order[slot] = event
          count += 1
        }
        // The greedy matching of `Chain`: each step takes the first events after the previous
        // step's last one.
        var position = 0
        var after = Int64.min
        for step in 0..<stepCount {
          while position < count, times[order[position]] <= after { position += 1 }
          var found = 0
          var lastUsed = after
          let base = step * events
          while position < count, found < counts[step] {
            let event = order[position]
            position += 1
            guard accepts[base + event], inWindow[base + event] else { continue }
            found += 1
            lastUsed = times[event]
          }
          guard found == counts[step] else { return false }
          after = lastUsed
        }
        return true
      }
    }
  }

  /// Whether each column stands for one field alone, so a test of one column is a test of the
  /// JSON the columns make: no two paths where one is (or is inside) the other, no event field
  /// `timestamp` beside the event times, and no profile field under `segmentMembership` beside
  /// the memberships.
  static func standsAlone(_ columns: PQLColumns) -> Bool {
    func disjoint(_ paths: [[String]]) -> Bool {
      for (index, path) in paths.enumerated() {
        for other in paths[(index + 1)...]
        where path.starts(with: other) || other.starts(with: path) {
          return false
        }
      }
      return true
    }
    let profilePaths = columns.profileColumns.map(\.path)
    let eventPaths = columns.eventColumns.map(\.path)
    guard disjoint(profilePaths), disjoint(eventPaths),
      !profilePaths.contains(where: { $0.first == "segmentMembership" }),
      !eventPaths.contains(where: { $0.first == "timestamp" })
    else { return false }
    return true
  }

  /// Whether every event time is one that ISO-8601 text (years 0000 to 9999) carries.
  ///
  /// Only then do tests of the times answer as tests of the events' `timestamp` text do; it is
  /// checked only by the tests that read the times (`occurs` on `timestamp`, `chain`).
  var timesRoundTrip: Bool {
    let earliest: Int64 = -62_167_219_200_000  // 0000-01-01T00:00:00Z
    let latest: Int64 = 253_402_300_799_999  // 9999-12-31T23:59:59.999Z
    return columns.eventTimes.allSatisfy { $0 >= earliest && $0 <= latest }
  }

  /// The fields of the current object that `node` reads, or `nil` when it reads anything else
  /// (events, variables, outer contexts, memberships).
  ///
  /// Inside a per-element argument (`productListItems.exists(name = "x")`) the context is the
  /// element: its fields belong to the field being walked, not to the current object.
  static func fields(of node: Node) -> Set<[String]>? {
    var result = Set<[String]>()
    func visit(_ node: Node, _ depth: Int) -> Bool {
      switch node {
      case .constant, .time: return true
      case .path(.context(let levels), let steps):
        if levels == depth {
          result.insert(steps)
          return true
        }
        return levels < depth
      case .list(let items): return items.allSatisfy { visit($0, depth) }
      case .object(let members): return members.allSatisfy { visit($0.value, depth) }
      case .call(.inSegment, _): return false
      case .call(let builtin, let arguments):
        let offset = builtin.takesSubject ? 1 : 0
        return arguments.enumerated().allSatisfy { index, argument in
          let position = index - offset
          let perElement = position >= 0 && builtin.isPerElement(position)
          return visit(argument, perElement ? depth + 1 : depth)
        }
      case .filter(let base, let condition):
        return visit(base, depth) && visit(condition, depth + 1)
      case .negate(let operand), .not(let operand): return visit(operand, depth)
      case .and(let operands), .or(let operands): return operands.allSatisfy { visit($0, depth) }
      case .compare(_, let left, let right), .arithmetic(_, let left, let right),
        .like(let left, let right):
        return visit(left, depth) && visit(right, depth)
      case .membership(let value, let list, _): return visit(value, depth) && visit(list, depth)
      case .matches(let subject, _): return visit(subject, depth)
      case .regexGroup(let subject, _, let group):
        return visit(subject, depth) && visit(group, depth)
      case .occurs(let subject, let spec): return !Occurs.needsFrame(spec) && visit(subject, depth)
      default: return false
      }
    }
    return visit(node, 0) ? result : nil
  }

  /// A condition that ``Compiler/objectPredicate(_:isProfile:)`` does not take, evaluated by the
  /// general compiled code on a frame whose context is the object alone (``fields(of:)`` has
  /// made sure it reads nothing else).
  static func generalPredicate(_ node: Node) -> ObjectPredicate {
    let condition = Compiler.compileCondition(node)
    return { members, now, _ in
      condition(
        Frame(profile: .object(members), events: PQLEventList([]), now: now, slotCount: 0))
    }
  }

  /// One flag per event, filled by `fill` over slices of the events, one slice per core.
  static func flags(
    _ count: Int, _ fill: @Sendable (Range<Int>, UnsafeMutableBufferPointer<Bool>) -> Void
  ) -> [Bool] {
    [Bool](unsafeUninitializedCapacity: count) { buffer, initialized in
      buffer.initialize(repeating: false)
      nonisolated(unsafe) let output = buffer
      let workers = count < 65_536 ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount)
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        fill((count * worker / workers)..<(count * (worker + 1) / workers), output)
      }
      initialized = count
    }
  }

  static func all(_ tests: [@Sendable (Int) -> Bool]) -> @Sendable (Int) -> Bool {
    if tests.count == 1 { return tests[0] }
    if tests.count == 2 {
      let (first, second) = (tests[0], tests[1])
      return { first($0) && second($0) }
    }
    return { row in tests.allSatisfy { $0(row) } }
  }

  static func any(_ tests: [@Sendable (Int) -> Bool]) -> @Sendable (Int) -> Bool {
    if tests.count == 1 { return tests[0] }
    if tests.count == 2 {
      let (first, second) = (tests[0], tests[1])
      return { first($0) || second($0) }
    }
    return { row in tests.contains { $0(row) } }
  }
}
