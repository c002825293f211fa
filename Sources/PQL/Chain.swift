import LabCore

/// `chain(events, timestamp, [steps])`: ordered event sequences, matched greedily (spec §5.12).
enum Chain {
  private struct Step {
    let what: @Sendable (Frame, PQLValue) -> Bool
    let when: Occurs.Test?
    let count: Int
    let condition: (@Sendable (Frame, PQLValue) -> Bool)?
    /// `what` and `condition` over an event's JSON members, when they read only its fields.
    let whatObject: ObjectPredicate?
    let conditionObject: ObjectPredicate?
    let hasCondition: Bool
  }

  static func compile(events: Node, timestamp: [String], steps: [ChainStep<Node>]) -> Predicate {
    let iterate = Compiler.compileIteration(events)
    let compiled = steps.map { step in
      Step(
        what: Compiler.compileElementCondition(step.what),
        when: step.when.map { Occurs.compile($0) },
        count: step.count,
        condition: step.condition.map(Compiler.compileElementCondition),
        whatObject: Compiler.objectPredicate(step.what),
        conditionObject: step.condition.flatMap { Compiler.objectPredicate($0) },
        hasCondition: step.condition != nil)
    }
    let general: Predicate = { frame in
      // Timestamps first: with the usual short WHEN windows, the cheap time test rejects most
      // events before WHAT reads any field.
      var stamped: [(time: Int64, event: PQLValue)] = []
      stamped.reserveCapacity(frame.eventJSON.count)
      var sorted = true
      var lastTime = Int64.min
      iterate(frame) { event in
        guard let time = instant(of: event, timestamp) else { return }
        if time < lastTime { sorted = false }
        lastTime = time
        stamped.append((time, event))
      }
      if !sorted {
        stamped = stamped.enumerated().sorted {
          $0.element.time != $1.element.time
            ? $0.element.time < $1.element.time : $0.offset < $1.offset
        }.map(\.element)
      }
      let accepts = { (step: Step, position: Int) -> Bool in
        let event = stamped[position].event
        guard step.what(frame, event) else { return false }
        if let condition = step.condition, !condition(frame, event) { return false }
        return true
      }
      return match(
        compiled, count: stamped.count, frame, time: { stamped[$0].time }, accepts: accepts)
    }
    guard case .events = events, timestamp == ["timestamp"] else { return general }
    // `xEvent` by `timestamp` with every time known: the pre-parsed times and the events' JSON,
    // no value built per event, and a sort (stable, by time) only when the list is out of order.
    return { frame in
      guard frame.eventsTimed else { return general(frame) }
      let times = frame.eventTimes
      let json = frame.eventJSON
      let accepts = { (step: Step, index: Int) -> Bool in
        let event = json[index]
        if case .object(let members) = event, let what = step.whatObject,
          !step.hasCondition || step.conditionObject != nil
        {
          guard what(members, frame.now, times[index]) else { return false }
          if let condition = step.conditionObject {
            return condition(members, frame.now, times[index])
          }
          return true
        }
        let value = PQLValue(json: event)
        guard step.what(frame, value) else { return false }
        if let condition = step.condition, !condition(frame, value) { return false }
        return true
      }
      if frame.eventsSorted {
        return match(compiled, count: times.count, frame, time: { times[$0] }, accepts: accepts)
      }
      return withUnsafeTemporaryAllocation(of: Int.self, capacity: times.count) { order in
        // Insertion sort: stable, and quick for a profile's few dozen events.
        for index in 0..<times.count {
          var slot = index
          while slot > 0, times[order[slot - 1]] > times[index] {
            order[slot] = order[slot - 1]
            slot -= 1
          }
          order[slot] = index
        }
        return match(
          compiled, count: times.count, frame, time: { times[order[$0]] },
          accepts: { accepts($0, order[$1]) })
      }
    }
  }

  /// Greedy matching of the steps over `count` events in time order.
  @inline(__always)
  private static func match(
    _ steps: [Step], count: Int, _ frame: Frame, time: (Int) -> Int64,
    accepts: (Step, Int) -> Bool
  ) -> Bool {
    var position = 0
    var after = Int64.min
    for step in steps {
      while position < count, time(position) <= after { position += 1 }
      var found = 0
      var lastUsed = after
      while position < count, found < step.count {
        let moment = time(position)
        position += 1
        if let when = step.when, !when(moment, frame.now, frame) { continue }
        guard accepts(step, position - 1) else { continue }
        found += 1
        lastUsed = moment
      }
      guard found == step.count else { return false }
      after = lastUsed
    }
    return true
  }

  /// The event's timestamp in milliseconds, read straight from its JSON when possible.
  @inline(__always)
  private static func instant(of event: PQLValue, _ path: [String]) -> Int64? {
    if case .object(let members) = event,
      case .found(.string(let text)) = JSONPath.lookup(members, path)
    {
      return CivilCalendar.instant(text)
    }
    return Runtime.instant(Runtime.walk(event, path))
  }
}
