import LabCore

/// Resolves and validates a parsed expression.
///
/// It checks functions, arity, argument types, literals and regular expressions. Everything it reports is found before any data is read.
struct Checker {
  private let source: String
  private(set) var slotCount = 0

  /// The text diagnostics quote.
  var diagnosticSource: String { source }
  private var variables: [String: Int] = [:]
  private var contextDepth = 0

  init(source: String) { self.source = source }

  private func fail(
    _ kind: PQLDiagnostic.Kind, _ message: String, at location: SourceLocation
  ) -> PQLDiagnostic {
    PQLDiagnostic(kind, message, at: location, source: source)
  }

  private mutating func newSlot(for name: String) -> Int {
    let slot = slotCount
    slotCount += 1
    variables[name] = slot
    return slot
  }

  /// Checks the whole query; a lambda at the top binds its parameters to `$1`, `$2`, ….
  mutating func checkRoot(_ syntax: Syntax) throws(PQLDiagnostic) -> (Node, PQLType) {
    if case .lambda(let names, let body, _) = syntax {
      let saved = variables
      defer { variables = saved }
      var bindings: [(slot: Int, value: Node)] = []
      for (offset, name) in names.enumerated() {
        bindings.append((newSlot(for: name), .parameter(offset + 1)))
      }
      let (checked, type) = try check(body)
      return (.letIn(bindings, checked), type)
    }
    return try check(syntax)
  }

  // MARK: - Expressions

  mutating func check(_ syntax: Syntax) throws(PQLDiagnostic) -> (Node, PQLType) {
    switch syntax {
    case .string(let text, _): return (.constant(.string(text)), .string)
    case .integer(let value, _): return (.constant(.integer(value)), .integer)
    case .double(let value, _): return (.constant(.double(value)), .double)
    case .boolean(let flag, _): return (.constant(.boolean(flag)), .boolean)
    case .list(let items, _):
      var nodes: [Node] = []
      var constants: [PQLValue] = []
      for item in items {
        let (node, _) = try check(item)
        nodes.append(node)
        if case .constant(let value) = node { constants.append(value) }
      }
      return (constants.count == nodes.count ? .constant(.list(constants)) : .list(nodes), .list)
    case .object(let members, _):
      var nodes: [(key: String, value: Node)] = []
      for member in members { nodes.append((member.key, try check(member.value).0)) }
      return (.object(nodes), .map)
    case .name(let name, _):
      if let slot = variables[name] { return (.variable(slot), .unknown) }
      if name == "xEvent" { return (.events, .list) }
      return (.path(.context(levels: 0), [name]), .unknown)
    case .parameter(let position, _): return (.parameter(position), .unknown)
    case .up(let levels, let location):
      guard levels <= contextDepth else {
        throw fail(.parseError, DiagnosticMessages.upBeyondProfile(levels: levels), at: location)
      }
      return (.context(levels: levels), .unknown)
    case .timeWord(let word, _): return (.time(word), .dateTime)
    case .member(let base, let name, _):
      let (node, _) = try check(base)
      if case .path(let inner, let steps) = node { return (.path(inner, steps + [name]), .unknown) }
      return (.path(node, [name]), .unknown)
    case .call(let subject, let name, let arguments, let location):
      return try checkCall(subject: subject, name: name, arguments: arguments, at: location)
    case .filter(let base, let condition, _):
      let (node, _) = try check(base)
      let predicate = try checkPerElementArgument(condition, asCondition: true)
      return (.filter(node, predicate), .list)
    case .negate(let operand, let location):
      let (node, type) = try check(operand)
      try requireNumeric(type, operator: "-", at: location)
      return (.negate(node), type)
    case .not(let operand, _):
      return (.not(try checkCondition(operand)), .boolean)
    case .binary(let op, let left, let right, let location):
      return try checkBinary(op, left, right, at: location)
    case .occurs(let subject, let spec, let location):
      let (node, type) = try check(subject)
      if type.isNumeric || type == .boolean || type == .map {
        throw fail(
          .typeError, DiagnosticMessages.operandType("occurs", found: type.phrase), at: location)
      }
      return (.occurs(node, try checkSpec(spec)), .boolean)
    case .lambda(_, _, let location):
      throw fail(.typeError, DiagnosticMessages.lambdaOutsideCall(), at: location)
    case .letIn(let bindings, let body, _):
      let saved = variables
      defer { variables = saved }
      var nodes: [(slot: Int, value: Node)] = []
      for binding in bindings {
        let (value, _) = try check(binding.value)
        nodes.append((newSlot(for: binding.name), value))
      }
      let (node, type) = try check(body)
      return (.letIn(nodes, node), type)
    case .quantified(let quantifier, let declarations, _):
      let saved = variables
      defer { variables = saved }
      var bindings: [Node.Binding] = []
      for declaration in declarations { bindings.append(try checkDeclaration(declaration)) }
      return (.quantified(quantifier, bindings), quantifier == .select ? .list : .boolean)
    case .sumOver(let body, let declaration, _):
      let saved = variables
      defer { variables = saved }
      let binding = try checkDeclaration(declaration)
      let (node, type) = try check(body)
      if type == .string || type == .boolean || type == .list {
        throw fail(
          .typeError, DiagnosticMessages.operandType("sum", found: type.phrase), at: body.location)
      }
      return (.sumOver(node, binding), .number)
    case .chain(let events, let timestamp, let steps, _):
      let (eventsNode, _) = try check(events)
      var checkedSteps: [ChainStep<Node>] = []
      for step in steps {
        contextDepth += 1
        defer { contextDepth -= 1 }
        let what = try checkCondition(step.what)
        let when = try step.when.map { (spec) throws(PQLDiagnostic) in try checkSpec(spec) }
        let condition = try step.condition.map { (syntax) throws(PQLDiagnostic) in
          try checkCondition(syntax)
        }
        checkedSteps.append(
          ChainStep(
            label: step.label, what: what, when: when, count: step.count, condition: condition))
      }
      return (.chain(events: eventsNode, timestamp: timestamp, steps: checkedSteps), .boolean)
    }
  }

  private mutating func checkDeclaration(
    _ declaration: VariableDeclaration<Syntax>
  ) throws(PQLDiagnostic) -> Node.Binding {
    let (source, _) = try check(declaration.source)
    let slot = newSlot(for: declaration.name)
    let condition = try declaration.condition.map { (syntax) throws(PQLDiagnostic) in
      try checkCondition(syntax)
    }
    return Node.Binding(slot: slot, source: source, condition: condition)
  }

  /// Checks an expression used as a condition: it may be a boolean or a list (non-empty is true).
  mutating func checkCondition(_ syntax: Syntax) throws(PQLDiagnostic) -> Node {
    let (node, type) = try check(syntax)
    switch type {
    case .integer, .double, .number, .string, .date, .dateTime, .map, .entry:
      throw fail(.typeError, DiagnosticMessages.conditionType(type.phrase), at: syntax.location)
    default: return node
    }
  }

  /// Checks an argument evaluated once per element: the element becomes the implicit context,
  /// and a lambda's parameters bind to it.
  mutating func checkPerElementArgument(
    _ syntax: Syntax, asCondition: Bool
  ) throws(PQLDiagnostic) -> Node {
    contextDepth += 1
    defer { contextDepth -= 1 }
    if case .lambda(let names, let body, _) = syntax {
      let saved = variables
      defer { variables = saved }
      let slots = names.map { newSlot(for: $0) }
      let node = asCondition ? try checkCondition(body) : try check(body).0
      return .lambda(slots, node)
    }
    return asCondition ? try checkCondition(syntax) : try check(syntax).0
  }

  private func requireNumeric(
    _ type: PQLType, operator op: String, at location: SourceLocation
  ) throws(PQLDiagnostic) {
    switch type {
    case .string, .boolean, .list, .map, .date, .dateTime, .entry:
      throw fail(.typeError, DiagnosticMessages.operandType(op, found: type.phrase), at: location)
    default: return
    }
  }

  private mutating func checkBinary(
    _ op: BinaryOperator, _ left: Syntax, _ right: Syntax, at location: SourceLocation
  ) throws(PQLDiagnostic) -> (Node, PQLType) {
    switch op {
    case .and, .or:
      var operands: [Node] = []
      for side in [left, right] {
        let node = try checkCondition(side)
        switch (op, node) {
        case (.and, .and(let inner)), (.or, .or(let inner)): operands += inner
        default: operands.append(node)
        }
      }
      return (op == .and ? .and(operands) : .or(operands), .boolean)
    case .add, .subtract, .multiply, .divide, .remainder:
      let (leftNode, leftType) = try check(left)
      let (rightNode, rightType) = try check(right)
      try requireNumeric(leftType, operator: op.rawValue, at: location)
      try requireNumeric(rightType, operator: op.rawValue, at: location)
      let type: PQLType =
        op == .divide
        ? .double
        : (leftType == .integer && rightType == .integer)
          ? .integer : (leftType == .double || rightType == .double) ? .double : .number
      return (.arithmetic(op, leftNode, rightNode), type)
    case .like:
      let (leftNode, _) = try check(left)
      let (rightNode, rightType) = try check(right)
      if rightType != .string && rightType != .unknown {
        throw fail(
          .typeError, DiagnosticMessages.operandType("like", found: rightType.phrase),
          at: right.location)
      }
      return (.like(leftNode, rightNode), .boolean)
    case .in, .notIn:
      let (leftNode, _) = try check(left)
      let (rightNode, rightType) = try check(right)
      if rightType != .list && rightType != .unknown {
        throw fail(
          .typeError, DiagnosticMessages.operandType(op.rawValue, found: rightType.phrase),
          at: right.location)
      }
      return (.membership(leftNode, rightNode, negated: op == .notIn), .boolean)
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
      let (leftNode, _) = try check(left)
      let (rightNode, _) = try check(right)
      return (.compare(op.comparison ?? .equal, leftNode, rightNode), .boolean)
    }
  }

  private mutating func checkSpec(_ spec: OccursSpec<Syntax>) throws(PQLDiagnostic) -> OccursSpec<
    Node
  > {
    switch spec {
    case .relative(let op, let amount, let unit, let direction, let reference):
      return .relative(op, amount, unit, direction, try checkReference(reference))
    case .direction(let direction, let reference):
      return .direction(direction, try checkReference(reference))
    case .on(let reference): return .on(try checkReference(reference))
    case .between(let first, let second):
      return .between(try checkReference(first), try checkReference(second))
    }
  }

  private mutating func checkReference(
    _ reference: TimeReference<Syntax>
  ) throws(PQLDiagnostic) -> TimeReference<Node> {
    switch reference {
    case .word(let word): return .word(word)
    case .calendar(let offset, let unit): return .calendar(offset, unit)
    case .expression(let syntax):
      let (node, type) = try check(syntax)
      if type.isNumeric || type == .boolean || type == .list || type == .map {
        throw fail(
          .typeError, DiagnosticMessages.expectedTime(found: type.phrase), at: syntax.location)
      }
      return .expression(node)
    }
  }
}
