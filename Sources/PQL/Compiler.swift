import LabCore

/// Compiled code for one expression: reads the frame, returns a value.
typealias Code = @Sendable (Frame) -> PQLValue
/// Compiled code for a condition.
typealias Predicate = @Sendable (Frame) -> Bool
/// Compiled code run once per element: the element is pushed as the implicit context and bound
/// to a lambda's parameters.
typealias ElementCode = @Sendable (Frame, PQLValue) -> PQLValue

/// Turns a checked ``Node`` into closures, once, so evaluating a profile never re-reads text.
enum Compiler {
  static func compile(_ node: Node) -> Code {
    switch node {
    case .constant(let value): return { _ in value }
    case .list(let items):
      let codes = items.map(compile)
      return { frame in .list(codes.map { $0(frame) }) }
    case .object(let members):
      let codes = members.map { ($0.key, compile($0.value)) }
      return { frame in
        var map: [String: PQLValue] = [:]
        for (key, code) in codes { map[key] = code(frame) }
        return .map(map)
      }
    case .context(let levels):
      if levels == 0 { return { frame in frame.current } }
      return { frame in frame.context(levels) }
    case .parameter(let position):
      return { frame in frame.parameter(position) }
    case .variable(let slot): return { frame in frame.slots[slot] }
    case .events: return { frame in frame.events }
    case .time(let word):
      return { frame in
        .dateTime(PQLDateTime(millisecondsSinceEpoch: Occurs.instant(of: word, frame)))
      }
    case .path(let base, let steps):
      if case .context(0) = base {
        return { frame in Runtime.walk(frame.current, steps) }
      }
      let code = compile(base)
      return { frame in Runtime.walk(code(frame), steps) }
    case .call(let builtin, let arguments):
      return compileCall(builtin, arguments)
    case .lambda(_, let body):
      return compile(body)
    case .filter(let base, let condition):
      let iterate = compileIteration(base)
      let predicate = compileElementCondition(condition)
      return { frame in
        var kept: [PQLValue] = []
        iterate(frame) { element in
          if predicate(frame, element) { kept.append(element) }
        }
        return .list(kept)
      }
    case .negate(let operand):
      let code = compile(operand)
      return { frame in Runtime.arithmetic(.subtract, .integer(0), code(frame)) }
    case .arithmetic(let op, let left, let right):
      let leftCode = compile(left)
      let rightCode = compile(right)
      return { frame in Runtime.arithmetic(op, leftCode(frame), rightCode(frame)) }
    case .letIn(let bindings, let body):
      let codes = bindings.map { ($0.slot, compile($0.value)) }
      let bodyCode = compile(body)
      return { frame in
        for (slot, code) in codes { frame.slots[slot] = code(frame) }
        return bodyCode(frame)
      }
    case .quantified(.select, let bindings):
      return compileSelect(bindings)
    case .sumOver(let body, let binding):
      let bodyCode = compile(body)
      let source = compile(binding.source)
      let condition = binding.condition.map(compileCondition)
      let slot = binding.slot
      return { frame in
        var values: [PQLValue] = []
        for item in Runtime.elements(source(frame)) {
          frame.slots[slot] = item
          if let condition, !condition(frame) { continue }
          values.append(bodyCode(frame))
        }
        return Aggregation.sum(values)
      }
    case .regexGroup(let subject, let pattern, let group):
      let subjectCode = compile(subject)
      let groupCode = compile(group)
      return { frame in
        StringFunctions.regexGroup(subjectCode(frame), pattern, groupCode(frame))
      }
    case .not, .and, .or, .compare, .like, .membership, .matches, .occurs, .quantified, .chain:
      let predicate = compileCondition(node)
      return { frame in .boolean(predicate(frame)) }
    }
  }

  /// Compiles a node used as a condition; a list counts as true when it is non-empty.
  static func compileCondition(_ node: Node) -> Predicate {
    if case .constant = node {
    } else if let predicate = objectPredicate(node) {
      let general = compileConditionTree(node)
      return { frame in
        if case .object(let members) = frame.current {
          return predicate(members, frame.now, ObjectPredicateTime.unknown)
        }
        return general(frame)
      }
    }
    return compileConditionTree(node)
  }

  private static func compileConditionTree(_ node: Node) -> Predicate {
    switch node {
    case .constant(let value):
      let flag = value.isTruthy
      return { _ in flag }
    case .not(let operand):
      let predicate = compileCondition(operand)
      return { frame in !predicate(frame) }
    case .and(let operands):
      let predicates = operands.map(compileCondition)
      if predicates.count == 2 {
        let first = predicates[0]
        let second = predicates[1]
        return { frame in first(frame) && second(frame) }
      }
      return { frame in predicates.allSatisfy { $0(frame) } }
    case .or(let operands):
      let predicates = operands.map(compileCondition)
      if predicates.count == 2 {
        let first = predicates[0]
        let second = predicates[1]
        return { frame in first(frame) || second(frame) }
      }
      return { frame in predicates.contains { $0(frame) } }
    case .compare(let op, let left, let right):
      return compileComparison(op, left, right)
    case .like(let subject, let pattern):
      let subjectCode = compile(subject)
      let patternCode = compile(pattern)
      return { frame in
        guard case .string(let pattern) = patternCode(frame) else { return false }
        return StringFunctions.anyText(subjectCode(frame)) { Runtime.like($0, pattern) }
      }
    case .membership(let value, let list, let negated):
      let valueCode = compile(value)
      let listCode = compile(list)
      return { frame in Runtime.membership(valueCode(frame), listCode(frame), negated: negated) }
    case .matches(let subject, let pattern):
      let subjectCode = compile(subject)
      let regex = pattern
      return { frame in
        StringFunctions.anyText(subjectCode(frame)) { regex.matches($0) }
      }
    case .occurs(let subject, let spec):
      let subjectCode = compile(subject)
      let test = Occurs.compile(spec)
      return { frame in Occurs.holds(subjectCode(frame), frame.now, frame, test) }
    case .quantified(let quantifier, let bindings) where quantifier != .select:
      return compileQuantifier(quantifier == .forall, bindings)
    case .chain(let events, let timestamp, let steps):
      return Chain.compile(events: events, timestamp: timestamp, steps: steps)
    default:
      let code = compile(node)
      return { frame in code(frame).isTruthy }
    }
  }

  private static func compileComparison(
    _ op: ComparisonOperator, _ left: Node, _ right: Node
  ) -> Predicate {
    let leftCode = compile(left)
    let rightCode = compile(right)
    return { frame in Runtime.compare(op, leftCode(frame), rightCode(frame)) }
  }

  /// Compiles per-element code: pushes the element as context and binds lambda parameters.
  static func compileElement(_ node: Node) -> ElementCode {
    if case .lambda(let slots, let body) = node {
      let code = compile(body)
      return { frame, element in
        bind(slots, element, frame)
        frame.stack.append(element)
        defer { frame.stack.removeLast() }
        return code(frame)
      }
    }
    let code = compile(node)
    return { frame, element in
      frame.stack.append(element)
      defer { frame.stack.removeLast() }
      return code(frame)
    }
  }

  /// Compiles a per-element condition.
  static func compileElementCondition(_ node: Node) -> @Sendable (Frame, PQLValue) -> Bool {
    if let predicate = objectPredicate(node) {
      let general = compileElementConditionTree(node)
      return { frame, element in
        if case .object(let members) = element {
          return predicate(members, frame.now, ObjectPredicateTime.unknown)
        }
        return general(frame, element)
      }
    }
    return compileElementConditionTree(node)
  }

  private static func compileElementConditionTree(
    _ node: Node
  ) -> @Sendable (Frame, PQLValue) -> Bool {
    var slots: [Int] = []
    var body = node
    if case .lambda(let lambdaSlots, let lambdaBody) = node {
      slots = lambdaSlots
      body = lambdaBody
    }
    let predicate = compileCondition(body)
    let bound = slots
    return { frame, element in
      if !bound.isEmpty { bind(bound, element, frame) }
      frame.stack.append(element)
      defer { frame.stack.removeLast() }
      return predicate(frame)
    }
  }

  private static func bind(_ slots: [Int], _ element: PQLValue, _ frame: Frame) {
    if slots.count >= 2, case .entry(let key, let value) = element {
      frame.slots[slots[0]] = .string(key)
      frame.slots[slots[1]] = value
    } else if let first = slots.first {
      frame.slots[first] = element
    }
  }

  private static func compileSelect(_ bindings: [Node.Binding]) -> Code {
    let compiled = bindings.map {
      ($0.slot, compile($0.source), $0.condition.map(compileCondition))
    }
    return { frame in
      guard let (slot, source, condition) = compiled.first else { return .list([]) }
      var selected: [PQLValue] = []
      for item in Runtime.elements(source(frame)) {
        frame.slots[slot] = item
        if let condition, !condition(frame) { continue }
        if satisfies(compiled, from: 1, frame, forall: false) { selected.append(item) }
      }
      return .list(selected)
    }
  }

  private static func compileQuantifier(_ forall: Bool, _ bindings: [Node.Binding]) -> Predicate {
    let compiled = bindings.map {
      ($0.slot, compile($0.source), $0.condition.map(compileCondition))
    }
    return { frame in satisfies(compiled, from: 0, frame, forall: forall) }
  }

  /// Whether the declarations from `index` on hold: some binding (exists) or every binding (forall).
  private static func satisfies(
    _ declarations: [(Int, Code, Predicate?)], from index: Int, _ frame: Frame, forall: Bool
  ) -> Bool {
    guard index < declarations.count else { return true }
    let (slot, source, condition) = declarations[index]
    for item in Runtime.elements(source(frame)) {
      frame.slots[slot] = item
      let holds =
        (condition?(frame) ?? true)
        && satisfies(declarations, from: index + 1, frame, forall: forall)
      if forall && !holds { return false }
      if !forall && holds { return true }
    }
    return forall
  }
}

extension Compiler {
  /// Compiles a source of elements into a loop over them; `xEvent` is walked without first
  /// building a list.
  static func compileIteration(_ node: Node) -> @Sendable (Frame, (PQLValue) -> Void) -> Void {
    if case .events = node {
      return { frame, body in
        for event in frame.eventJSON { body(PQLValue(json: event)) }
      }
    }
    let code = compile(node)
    return { frame, body in
      for element in Runtime.elements(code(frame)) { body(element) }
    }
  }
}
