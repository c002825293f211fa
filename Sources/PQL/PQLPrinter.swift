import LabCore

/// Renders a parsed expression as canonical PQL text, adding parentheses only where needed.
enum PQLPrinter {
  static func render(_ syntax: Syntax) -> String { text(syntax).0 }

  /// Binding strength: higher binds tighter.
  private enum Level: Int, Comparable {
    case binding = 1
    case or
    case and
    case not
    case comparison
    case additive
    case multiplicative
    case unary
    case postfix

    static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  private static func wrap(_ syntax: Syntax, atLeast level: Level) -> String {
    let (rendered, own) = text(syntax)
    return own < level ? "(" + rendered + ")" : rendered
  }

  private static func quote(_ text: String) -> String { JSONValue.string(text).serialized() }

  private static func number(_ value: Double) -> String {
    let rendered = "\(value)"
    return rendered.contains("e") ? String(format: value) : rendered
  }

  private static func text(_ syntax: Syntax) -> (String, Level) {
    switch syntax {
    case .string(let value, _): return (quote(value), .postfix)
    case .integer(let value, _): return (String(value), value < 0 ? .unary : .postfix)
    case .double(let value, _): return (number(value), value < 0 ? .unary : .postfix)
    case .boolean(let flag, _): return (flag ? "true" : "false", .postfix)
    case .list(let items, _):
      return ("[" + items.map(render).joined(separator: ", ") + "]", .postfix)
    case .object(let members, _):
      let body = members.map { quote($0.key) + ": " + render($0.value) }.joined(separator: ", ")
      return ("{" + body + "}", .postfix)
    case .name(let name, _): return (name, .postfix)
    case .parameter(let position, _): return ("$\(position)", .postfix)
    case .up(let levels, _): return (String(repeating: "^", count: levels), .postfix)
    case .timeWord(let word, _): return (word.rawValue, .postfix)
    case .member(let base, let name, _):
      return (wrap(base, atLeast: .postfix) + "." + name, .postfix)
    case .call(let subject, let name, let arguments, _):
      let list = "(" + arguments.map(render).joined(separator: ", ") + ")"
      guard let subject else { return (name + list, .postfix) }
      return (wrap(subject, atLeast: .postfix) + "." + name + list, .postfix)
    case .filter(let base, let condition, _):
      return (wrap(base, atLeast: .postfix) + "[" + render(condition) + "]", .postfix)
    case .negate(let operand, _): return ("-" + wrap(operand, atLeast: .unary), .unary)
    case .not(let operand, _): return ("not (" + render(operand) + ")", .not)
    case .binary(let op, let left, let right, _):
      let level: Level
      switch op {
      case .or: level = .or
      case .and: level = .and
      case .add, .subtract: level = .additive
      case .multiply, .divide, .remainder: level = .multiplicative
      default: level = .comparison
      }
      // `and` and `or` are associative: a right operand of the same operator (a balanced
      // chain) needs no parentheses.
      let isAssociative = op == .and || op == .or
      let rightLevel = isAssociative ? level : Level(rawValue: level.rawValue + 1) ?? .postfix
      let leftLevel = level == .comparison ? rightLevel : level
      return (
        wrap(left, atLeast: leftLevel) + " " + op.rawValue + " " + wrap(right, atLeast: rightLevel),
        level
      )
    case .occurs(let subject, let spec, _):
      return (wrap(subject, atLeast: .additive) + " occurs " + render(spec), .comparison)
    case .lambda(let names, let body, _):
      return ("(" + names.joined(separator: ", ") + ") => " + render(body), .binding)
    case .letIn(let bindings, let body, _):
      let rendered = bindings.map { $0.name + " = (" + render($0.value) + ")" }
      return ("let " + rendered.joined(separator: ", ") + " in (" + render(body) + ")", .binding)
    case .quantified(let quantifier, let declarations, _):
      return (
        quantifier.rawValue + " " + declarations.map(render).joined(separator: ", "), .binding
      )
    case .sumOver(let body, let declaration, _):
      return ("sum " + wrap(body, atLeast: .or) + " over " + render(declaration), .binding)
    case .chain(let events, let timestamp, let steps, _):
      let renderedSteps = steps.map { step in
        var parts: [String] = []
        parts.append((step.label.map { $0 + ": " } ?? "") + "WHAT(" + render(step.what) + ")")
        if let when = step.when { parts.append("WHEN(" + render(when) + ")") }
        if step.count != 1 { parts.append("COUNT(\(step.count))") }
        if let condition = step.condition { parts.append("WHERE(" + render(condition) + ")") }
        return parts.joined(separator: " ")
      }
      return (
        "chain(" + render(events) + ", " + timestamp.joined(separator: ".") + ", ["
          + renderedSteps.joined(separator: ", ") + "])",
        .postfix
      )
    }
  }

  private static func render(_ declaration: VariableDeclaration<Syntax>) -> String {
    var rendered = declaration.name + " from " + wrap(declaration.source, atLeast: .or)
    if let condition = declaration.condition {
      rendered += " where " + wrap(condition, atLeast: .or)
    }
    return rendered
  }

  private static func render(_ spec: OccursSpec<Syntax>) -> String {
    switch spec {
    case .relative(let op, let amount, let unit, let direction, let reference):
      let unitText = amount == 1 ? unit.rawValue : plural(unit)
      return "\(op.rawValue) \(amount) \(unitText) \(direction.rawValue) " + render(reference)
    case .direction(let direction, let reference):
      return direction.rawValue + " " + render(reference)
    case .on(let reference): return "on " + render(reference)
    case .between(let first, let second):
      return "between " + render(first) + " and " + render(second)
    }
  }

  private static func plural(_ unit: TimeUnit) -> String {
    switch unit {
    case .century: return "centuries"
    case .millennium: return "millennia"
    default: return unit.rawValue + "s"
    }
  }

  private static func render(_ reference: TimeReference<Syntax>) -> String {
    switch reference {
    case .word(let word): return word.rawValue
    case .calendar(let offset, let unit): return offset.rawValue + " " + unit.rawValue
    case .expression(let syntax): return wrap(syntax, atLeast: .postfix)
    }
  }
}

extension String {
  /// A plain decimal rendering of a double, without exponent notation: the shortest digits that
  /// read back as the same double, with the exponent turned into zeros (so `1e300` and `1e-20`
  /// are written out in full, and no magnitude traps).
  fileprivate init(format value: Double) {
    let text = "\(value)"
    guard let mark = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
      self = text
      return
    }
    var mantissa = String(text[..<mark])
    let exponent = Int(text[text.index(after: mark)...]) ?? 0
    let sign = mantissa.hasPrefix("-") ? "-" : ""
    if !sign.isEmpty { mantissa.removeFirst() }
    let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    let whole = String(parts[0])
    var digits = whole + (parts.count > 1 ? String(parts[1]) : "")
    var point = whole.count + exponent
    if point <= 0 {
      digits = String(repeating: "0", count: 1 - point) + digits
      point = 1
    }
    if point >= digits.count {
      digits += String(repeating: "0", count: point - digits.count)
      self = sign + digits
      return
    }
    var fraction = String(digits.dropFirst(point))
    while fraction.hasSuffix("0") { fraction.removeLast() }
    self = sign + String(digits.prefix(point)) + (fraction.isEmpty ? "" : "." + fraction)
  }
}
