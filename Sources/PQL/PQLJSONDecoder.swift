import LabCore

/// Reads a `pql/json` tree back into a parsed expression.
struct PQLJSONDecoder {
  private var depth = 0
  private var variables: Set<String> = []
  /// How many nodes deep the decoder is now (bounded by ``maximumNesting``).
  private var nesting = 0
  /// The deepest tree decoded: as deep as a JSON document may be, so the text's own limit
  /// (checked when the decoded text is compiled) is the one that speaks.
  static let maximumNesting = 512

  private func fail(_ message: String) -> PQLDiagnostic {
    PQLDiagnostic(.parseError, message, at: .start, source: "")
  }

  private func string(_ node: JSONValue, _ key: String) throws(PQLDiagnostic) -> String {
    guard case .string(let text)? = node[key] else {
      throw fail("'pql/json' node is missing the string field '\(key)'")
    }
    return text
  }

  /// The PQL name in `node[key]`: `[A-Za-z_][A-Za-z0-9_]*`, as the text syntax writes it.
  private func name(_ node: JSONValue, _ key: String) throws(PQLDiagnostic) -> String {
    let text = try string(node, key)
    let isName =
      text.utf8.first.map { $0 == UInt8(ascii: "_") || Self.isLetter($0) } == true
      && text.utf8.allSatisfy { $0 == UInt8(ascii: "_") || Self.isLetter($0) || Self.isDigit($0) }
    guard isName else {
      throw fail(
        "'\(key)' \(JSONValue.string(text).serialized()) is not a PQL name (letters, digits and "
          + "'_', not starting with a digit)")
    }
    return text
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  mutating func decode(_ node: JSONValue) throws(PQLDiagnostic) -> Syntax {
    nesting += 1
    defer { nesting -= 1 }
    guard nesting <= Self.maximumNesting else {
      throw fail(DiagnosticMessages.pqlJSONTooDeep(limit: Self.maximumNesting))
    }
    return try decodeNode(node)
  }

  /// One node, its children decoded through ``decode(_:)``.
  private mutating func decodeNode(_ node: JSONValue) throws(PQLDiagnostic) -> Syntax {
    let at = SourceLocation.start
    let type = try string(node, "nodeType")
    switch type {
    case "literal": return try literal(node)
    case "parameterReference": return .parameter(node["position"]?.intValue ?? 1, at)
    case "contextReference": return .up(node["levels"]?.intValue ?? 0, at)
    case "varRef": return .name(try name(node, "varName"), at)
    case "fieldLookup":
      let name = try name(node, "fieldName")
      guard let object = node["object"] else { return .name(name, at) }
      switch try objectKind(object) {
      case .implicit: return .name(name, at)
      case .levels(let levels): return .member(.up(levels, at), name, at)
      case .parameter(let position): return .member(.parameter(position, at), name, at)
      case .other: return .member(try decode(object), name, at)
      }
    case "fnApply": return try apply(node)
    case "fnCreate":
      let names = (node["params"]?.arrayValue ?? []).compactMap { $0["varName"]?.stringValue }
      let saved = variables
      defer { variables = saved }
      variables.formUnion(names)
      return .lambda(names, try decode(node["body"] ?? .null), at)
    case "let":
      let saved = variables
      defer { variables = saved }
      var bindings: [(name: String, value: Syntax)] = []
      for binding in node["bindings"]?.arrayValue ?? [] {
        let name = try name(binding, "varName")
        bindings.append((name, try decode(binding["value"] ?? .null)))
        variables.insert(name)
      }
      return .letIn(bindings, try decode(node["body"] ?? .null), at)
    case "select", "quantification":
      let saved = variables
      defer { variables = saved }
      var declarations: [VariableDeclaration<Syntax>] = []
      for variable in node["variables"]?.arrayValue ?? [] {
        declarations.append(try declaration(variable))
      }
      guard !declarations.isEmpty else { throw fail("'\(type)' node has no variables") }
      if type == "select" { return .quantified(.select, declarations, at) }
      switch node["quantifier"]?.stringValue ?? "some" {
      case "all": return .quantified(.forall, declarations, at)
      case "none": return .not(.quantified(.exists, declarations, at), at)
      case "one":
        // Exactly one: PQL text has no quantifier for it, so count what `select` keeps.
        let selected = Syntax.quantified(.select, declarations, at)
        return .binary(
          .equal, .call(subject: selected, name: "count", arguments: [], at), .integer(1, at), at)
      default: return .quantified(.exists, declarations, at)
      }
    case "aggregation":
      let saved = variables
      defer { variables = saved }
      guard let variable = node["variables"]?.arrayValue?.first else {
        throw fail("'aggregation' node has no variables")
      }
      let declared = try declaration(variable)
      return .sumOver(try decode(node["body"] ?? .null), declared, at)
    case "chain":
      let events = try decode(node["events"] ?? .null)
      let timestamp = (node["timestampField"]?.stringValue ?? "timestamp").split(separator: ".")
        .map(String.init)
      var steps: [ChainStep<Syntax>] = []
      for step in node["steps"]?.arrayValue ?? [] {
        depth += 1
        defer { depth -= 1 }
        steps.append(
          ChainStep(
            label: step["label"]?.stringValue, what: try decode(step["what"] ?? .null),
            when: try step["when"].map { (spec) throws(PQLDiagnostic) in try timeSpec(spec) },
            count: step["count"]?.intValue ?? 1,
            condition: try step["where"].map { (inner) throws(PQLDiagnostic) in try decode(inner) })
        )
      }
      return .chain(events: events, timestamp: timestamp, steps: steps, at)
    default:
      throw fail("unknown 'pql/json' node type '\(type)'")
    }
  }

  private enum ObjectKind {
    case implicit
    case levels(Int)
    case parameter(Int)
    case other
  }

  private func objectKind(_ object: JSONValue) throws(PQLDiagnostic) -> ObjectKind {
    switch object["nodeType"]?.stringValue {
    case "parameterReference":
      let position = object["position"]?.intValue ?? 1
      return position == 1 && depth == 0 ? .implicit : .parameter(position)
    case "contextReference":
      let levels = object["levels"]?.intValue ?? 0
      return levels == 0 ? .implicit : .levels(levels)
    case "literal" where object["literalType"]?.stringValue == "XDMObject":
      return depth == 0 ? .implicit : .parameter(1)
    default: return .other
    }
  }

  private func literal(_ node: JSONValue) throws(PQLDiagnostic) -> Syntax {
    let at = SourceLocation.start
    let value = node["value"] ?? .null
    switch node["literalType"]?.stringValue {
    case "String", "XDMObject", "QueryString":
      return .string(value.stringValue ?? "", at)
    case "Integer":
      guard let number = PQLJSONInteger.decode(value) else {
        throw fail("'Integer' literal is not a whole number")
      }
      return .integer(number, at)
    case "Number": return .double(value.numberValue ?? 0, at)
    case "Boolean": return .boolean(value.boolValue ?? false, at)
    case "List":
      return .list(
        try (value.arrayValue ?? []).map { (item) throws(PQLDiagnostic) in try scalar(item) }, at)
    default:
      throw fail("unknown literal type '\(node["literalType"]?.stringValue ?? "")'")
    }
  }

  private func scalar(_ value: JSONValue) throws(PQLDiagnostic) -> Syntax {
    let at = SourceLocation.start
    switch value {
    case .string(let text): return .string(text, at)
    case .bool(let flag): return .boolean(flag, at)
    case .number(let number):
      if let integer = value.intValue { return .integer(integer, at) }
      return .double(number, at)
    default: throw fail("list literals hold strings, numbers or booleans")
    }
  }

  private mutating func declaration(_ node: JSONValue) throws(PQLDiagnostic) -> VariableDeclaration<
    Syntax
  > {
    let name = try name(node, "varName")
    var source = try decode(node["from"] ?? .null)
    if case .call(nil, let function, let arguments, _) = source, function == "modelInstances" {
      let model = arguments.first.flatMap { argument -> String? in
        if case .string(let text, _) = argument { return text }
        return nil
      }
      source =
        model?.hasSuffix("experienceevent") == true
        ? .name("xEvent", .start) : .list([.parameter(1, .start)], .start)
    }
    variables.insert(name)
    let condition = try node["where"].map { (inner) throws(PQLDiagnostic) in try decode(inner) }
    return VariableDeclaration(name: name, source: source, condition: condition, location: .start)
  }

  private mutating func apply(_ node: JSONValue) throws(PQLDiagnostic) -> Syntax {
    let at = SourceLocation.start
    let name = try string(node, "fnName")
    let params = node["params"]?.arrayValue ?? []
    func binary(_ op: BinaryOperator) throws(PQLDiagnostic) -> Syntax {
      guard params.count == 2 else { throw fail("'\(name)' needs two parameters") }
      return .binary(op, try decode(params[0]), try decode(params[1]), at)
    }
    switch name {
    case "and", "or":
      var decoded: [Syntax] = []
      for param in params { decoded.append(try decode(param)) }
      guard !decoded.isEmpty else { throw fail("'\(name)' has no parameters") }
      return .associative(
        name == "and" ? .and : .or, decoded,
        operators: Array(repeating: at, count: decoded.count - 1))
    case "-" where params.count == 1: return .negate(try decode(params[0]), at)
    case "not":
      guard params.count == 1 else { throw fail("'not' needs one parameter") }
      return .not(try decode(params[0]), at)
    case _ where params.isEmpty && TimeWord(rawValue: name) != nil:
      return .timeWord(TimeWord(rawValue: name) ?? .now, at)
    case "list":
      var items: [Syntax] = []
      for param in params { items.append(try decode(param)) }
      return .list(items, at)
    case "object":
      var members: [(key: String, value: Syntax)] = []
      var index = 0
      while index + 1 < params.count {
        members.append((params[index]["value"]?.stringValue ?? "", try decode(params[index + 1])))
        index += 2
      }
      return .object(members, at)
    case "filter" where params.count == 2:
      let base = try decode(params[0])
      depth += 1
      defer { depth -= 1 }
      return .filter(base, try decode(params[1]), at)
    case "occurs":
      guard params.count == 2 else { throw fail("'occurs' needs two parameters") }
      return .occurs(try decode(params[0]), try timeSpec(params[1]), at)
    default:
      if let op = BinaryOperator(rawValue: name) { return try binary(op) }
    }
    let builtin = Builtin.byLowercasedName[name.lowercased()]
    var decoded: [Syntax] = []
    for (index, param) in params.enumerated() {
      if let builtin, builtin.takesSubject, index >= 1, builtin.isPerElement(index - 1) {
        depth += 1
        defer { depth -= 1 }
        decoded.append(try decode(param))
      } else {
        decoded.append(try decode(param))
      }
    }
    if let builtin, builtin.takesSubject, let subject = decoded.first {
      return .call(
        subject: subject, name: builtin.rawValue, arguments: Array(decoded.dropFirst()), at)
    }
    return .call(subject: nil, name: name, arguments: decoded, at)
  }

  private mutating func timeSpec(_ node: JSONValue) throws(PQLDiagnostic) -> OccursSpec<Syntax> {
    let reference = try timeReference(node["reference"] ?? .null)
    switch node["form"]?.stringValue {
    case "relative":
      guard let op = ComparisonOperator(rawValue: node["comparison"]?.stringValue ?? ""),
        let amount = PQLJSONInteger.decode(node["amount"]),
        let unit = TimeUnit(rawValue: node["unit"]?.stringValue ?? "")
      else { throw fail("'timeSpec' node has an invalid relative window") }
      let direction = TimeDirection(rawValue: node["direction"]?.stringValue ?? "") ?? .before
      return .relative(op, amount, unit, direction, reference)
    case "before": return .direction(.before, reference)
    case "after": return .direction(.after, reference)
    case "between": return .between(reference, try timeReference(node["until"] ?? .null))
    default: return .on(reference)
    }
  }

  private mutating func timeReference(_ node: JSONValue) throws(PQLDiagnostic) -> TimeReference<
    Syntax
  > {
    if node["nodeType"]?.stringValue == "calendarPeriod" {
      guard let offset = CalendarOffset(rawValue: node["offset"]?.stringValue ?? ""),
        let unit = TimeUnit(rawValue: node["unit"]?.stringValue ?? "")
      else { throw fail("'calendarPeriod' node is invalid") }
      return .calendar(offset, unit)
    }
    let syntax = try decode(node)
    if case .timeWord(let word, _) = syntax { return .word(word) }
    return .expression(syntax)
  }
}
