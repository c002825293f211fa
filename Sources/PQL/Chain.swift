import LabCore

/// `chain(events, timestamp, [steps])`: ordered event sequences, matched greedily (spec §5.12).
enum Chain {
  private struct Step {
    let what: @Sendable (Frame, PQLValue) -> Bool
    let when: Occurs.Test?
    let count: Int
    let condition: (@Sendable (Frame, PQLValue) -> Bool)?
  }

  static func compile(events: Node, timestamp: [String], steps: [ChainStep<Node>]) -> Predicate {
    let iterate = Compiler.compileIteration(events)
    let compiled = steps.map { step in
      Step(
        what: Compiler.compileElementCondition(step.what),
        when: step.when.map { Occurs.compile($0) },
        count: step.count,
        condition: step.condition.map(Compiler.compileElementCondition))
    }
    return { frame in
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
      var position = 0
      var after = Int64.min
      for step in compiled {
        while position < stamped.count, stamped[position].time <= after { position += 1 }
        var found = 0
        var lastUsed = after
        while position < stamped.count, found < step.count {
          let time = stamped[position].time
          position += 1
          if let when = step.when, !when(time, frame.now, frame) { continue }
          let event = stamped[position - 1].event
          guard step.what(frame, event) else { continue }
          if let condition = step.condition, !condition(frame, event) { continue }
          found += 1
          lastUsed = time
        }
        guard found == step.count else { return false }
        after = lastUsed
      }
      return true
    }
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
