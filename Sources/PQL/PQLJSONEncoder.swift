import LabCore

/// Builds the `pql/json` tree of a parsed expression.
struct PQLJSONEncoder {
  /// How many filters enclose the node being encoded.
  private var depth = 0
  /// Variables in scope, which encode as `varRef`.
  private var variables: Set<String> = []

  mutating func encode(_ syntax: Syntax) -> JSONValue {
    switch syntax {
    case .string(let text, _): return literal("String", .string(text))
    case .integer(let value, _): return literal("Integer", PQLJSONInteger.encode(value))
    case .double(let value, _): return literal("Number", .number(value))
    case .boolean(let flag, _): return literal("Boolean", .bool(flag))
    case .list(let items, _):
      var values: [JSONValue] = []
      for item in items {
        switch item {
        case .string(let text, _): values.append(.string(text))
        case .integer(let value, _) where PQLJSONInteger.isExact(value):
          values.append(.number(Double(value)))
        case .double(let value, _): values.append(.number(value))
        case .boolean(let flag, _): values.append(.bool(flag))
        default: return apply("list", items.map { encode($0) })
        }
      }
      return literal("List", .array(values))
    case .object(let members, _):
      var params: [JSONValue] = []
      for member in members {
        params.append(literal("String", .string(member.key)))
        params.append(encode(member.value))
      }
      return apply("object", params)
    case .name(let name, _):
      if variables.contains(name) { return ["nodeType": "varRef", "varName": .string(name)] }
      return lookup(name, context(levels: 0))
    case .parameter(let position, _):
      return ["nodeType": "parameterReference", "position": .number(Double(position))]
    case .up(let levels, _): return context(levels: levels)
    case .timeWord(let word, _): return apply(word.rawValue, [])
    case .member(let base, let name, _): return lookup(name, encode(base))
    case .call(let subject, let name, let arguments, _):
      let builtin = Builtin.byLowercasedName[name.lowercased()]
      var params: [JSONValue] = []
      if let subject { params.append(encode(subject)) }
      let offset = subject == nil && builtin?.takesSubject == true ? 1 : 0
      for (index, argument) in arguments.enumerated() {
        let position = index - offset
        if position >= 0, builtin?.isPerElement(position) == true {
          params.append(encodeNested(argument))
        } else {
          params.append(encode(argument))
        }
      }
      return apply(builtin?.rawValue ?? name, params)
    case .filter(let base, let condition, _):
      return apply("filter", [encode(base), encodeNested(condition)])
    case .negate(let operand, _): return apply("-", [encode(operand)])
    case .not(let operand, _): return apply("not", [encode(operand)])
    case .binary(let op, let left, let right, _):
      if op == .and || op == .or {
        return apply(op.rawValue, flatten(op, left) + flatten(op, right))
      }
      return apply(op.rawValue, [encode(left), encode(right)])
    case .occurs(let subject, let spec, _):
      return apply("occurs", [encode(subject), encode(spec)])
    case .lambda(let names, let body, _):
      let saved = variables
      defer { variables = saved }
      variables.formUnion(names)
      return [
        "nodeType": "fnCreate", "params": .array(names.map { ["varName": .string($0)] }),
        "body": encode(body),
      ]
    case .letIn(let bindings, let body, _):
      let saved = variables
      defer { variables = saved }
      var encoded: [JSONValue] = []
      for binding in bindings {
        encoded.append(["varName": .string(binding.name), "value": encode(binding.value)])
        variables.insert(binding.name)
      }
      return ["nodeType": "let", "bindings": .array(encoded), "body": encode(body)]
    case .quantified(let quantifier, let declarations, _):
      let saved = variables
      defer { variables = saved }
      let encoded = JSONValue.array(declarations.map { encode($0) })
      if quantifier == .select { return ["nodeType": "select", "variables": encoded] }
      return [
        "nodeType": "quantification", "quantifier": quantifier == .forall ? "all" : "some",
        "variables": encoded,
      ]
    case .sumOver(let body, let declaration, _):
      let saved = variables
      defer { variables = saved }
      let encodedDeclaration = encode(declaration)
      return [
        "nodeType": "aggregation", "fnName": "sum", "body": encode(body),
        "variables": [encodedDeclaration],
      ]
    case .chain(let events, let timestamp, let steps, _):
      let encodedEvents = encode(events)
      var encodedSteps: [JSONValue] = []
      for step in steps {
        depth += 1
        var members: [String: JSONValue] = ["what": encode(step.what)]
        if let label = step.label { members["label"] = .string(label) }
        if let when = step.when { members["when"] = encode(when) }
        if step.count != 1 { members["count"] = .number(Double(step.count)) }
        if let condition = step.condition { members["where"] = encode(condition) }
        depth -= 1
        encodedSteps.append(.object(members))
      }
      return [
        "nodeType": "chain", "events": encodedEvents,
        "timestampField": .string(timestamp.joined(separator: ".")), "steps": .array(encodedSteps),
      ]
    }
  }

  private mutating func encodeNested(_ syntax: Syntax) -> JSONValue {
    depth += 1
    defer { depth -= 1 }
    return encode(syntax)
  }

  private mutating func flatten(_ op: BinaryOperator, _ syntax: Syntax) -> [JSONValue] {
    if case .binary(let inner, let left, let right, _) = syntax, inner == op {
      return flatten(op, left) + flatten(op, right)
    }
    return [encode(syntax)]
  }

  private mutating func encode(_ declaration: VariableDeclaration<Syntax>) -> JSONValue {
    var members: [String: JSONValue] = [
      "nodeType": "varDecl", "varName": .string(declaration.name),
      "from": encode(declaration.source),
    ]
    variables.insert(declaration.name)
    if let condition = declaration.condition { members["where"] = encode(condition) }
    return .object(members)
  }

  private mutating func encode(_ spec: OccursSpec<Syntax>) -> JSONValue {
    switch spec {
    case .relative(let op, let amount, let unit, let direction, let reference):
      return [
        "nodeType": "timeSpec", "form": "relative", "comparison": .string(op.rawValue),
        "amount": PQLJSONInteger.encode(amount), "unit": .string(unit.rawValue),
        "direction": .string(direction.rawValue), "reference": encode(reference),
      ]
    case .direction(let direction, let reference):
      return [
        "nodeType": "timeSpec", "form": .string(direction.rawValue), "reference": encode(reference),
      ]
    case .on(let reference):
      return ["nodeType": "timeSpec", "form": "on", "reference": encode(reference)]
    case .between(let first, let second):
      return [
        "nodeType": "timeSpec", "form": "between", "reference": encode(first),
        "until": encode(second),
      ]
    }
  }

  private mutating func encode(_ reference: TimeReference<Syntax>) -> JSONValue {
    switch reference {
    case .word(let word): return apply(word.rawValue, [])
    case .calendar(let offset, let unit):
      return [
        "nodeType": "calendarPeriod", "offset": .string(offset.rawValue),
        "unit": .string(unit.rawValue),
      ]
    case .expression(let syntax): return encode(syntax)
    }
  }

  private func context(levels: Int) -> JSONValue {
    if depth - levels <= 0 { return ["nodeType": "parameterReference", "position": 1] }
    return ["nodeType": "contextReference", "levels": .number(Double(levels))]
  }

  private func lookup(_ name: String, _ object: JSONValue) -> JSONValue {
    ["nodeType": "fieldLookup", "fieldName": .string(name), "object": object]
  }

  private func literal(_ type: String, _ value: JSONValue) -> JSONValue {
    ["nodeType": "literal", "literalType": .string(type), "value": value]
  }

  private func apply(_ name: String, _ params: [JSONValue]) -> JSONValue {
    ["nodeType": "fnApply", "fnName": .string(name), "params": .array(params)]
  }
}
