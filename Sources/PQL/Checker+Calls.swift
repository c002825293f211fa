import LabCore

extension Checker {
  /// The names a misspelt function is compared with for "did you mean".
  static let knownFunctionNames: [String] = Builtin.allCases.map(\.rawValue) + ["chain", "not"]

  /// Names people often assume PQL has, with the function that does the job (spec §5.14).
  static let commonMistakes: [String: String] = [
    "all": "forall", "any": "exists", "avg": "average", "length": "count", "size": "count",
    "some": "exists", "substring": "regexGroup", "tolowercase": "equals",
  ]

  /// Checks `f(args)` or `subject.f(args)`.
  mutating func checkCall(
    subject: Syntax?, name: String, arguments: [Syntax], at location: SourceLocation
  ) throws(PQLDiagnostic) -> (Node, PQLType) {
    guard let builtin = Builtin.byLowercasedName[name.lowercased()] else {
      let suggestion =
        Self.commonMistakes[name.lowercased()]
        ?? Suggestion.closest(to: name, in: Self.knownFunctionNames)
      throw PQLDiagnostic(
        .unknownFunction, DiagnosticMessages.unknownFunction(name, suggestion: suggestion),
        at: location, source: sourceText)
    }
    var all = arguments
    if let subject { all.insert(subject, at: 0) }
    let offset = builtin.takesSubject ? 1 : 0
    let expected = (builtin.arity.lowerBound + offset)...(builtin.arity.upperBound + offset)
    guard expected.contains(all.count) else {
      let isMethod = subject != nil && builtin.takesSubject
      throw PQLDiagnostic(
        .arityError,
        DiagnosticMessages.arity(
          builtin.rawValue, expected: isMethod ? builtin.arity : expected,
          given: isMethod ? arguments.count : all.count),
        at: location, source: sourceText)
    }
    if builtin == .date { return try checkDate(all, at: location) }
    if builtin == .if {
      let test = try checkCondition(all[0])
      let (yes, yesType) = try check(all[1])
      let (no, noType) = try check(all[2])
      return (.call(.if, [test, yes, no]), yesType == noType ? yesType : .unknown)
    }
    var nodes: [Node] = []
    var types: [PQLType] = []
    for (index, argument) in all.enumerated() {
      let position = index - offset
      if position >= 0, builtin.isPerElement(position) {
        let asCondition = builtin == .filter || builtin == .exists || builtin == .forall
        nodes.append(try checkPerElementArgument(argument, asCondition: asCondition))
        types.append(.unknown)
      } else {
        let (node, type) = try check(argument)
        nodes.append(node)
        types.append(type)
      }
    }
    try checkTypes(builtin, all, types, offset: offset, at: location)
    if builtin == .matches || builtin == .regexGroup {
      if case .constant(.string(let pattern)) = nodes[1] {
        let compiled = try compilePattern(pattern, at: all[1].location)
        return builtin == .matches
          ? (.matches(nodes[0], compiled), .boolean)
          : (.regexGroup(nodes[0], compiled, nodes[2]), .string)
      }
    }
    return (.call(builtin, nodes), builtin.resultType)
  }

  private var sourceText: String { diagnosticSource }

  private func compilePattern(
    _ pattern: String, at location: SourceLocation
  ) throws(PQLDiagnostic) -> CompiledPattern {
    do {
      return try CompiledPattern(pattern)
    } catch {
      throw PQLDiagnostic(
        .invalidRegex, DiagnosticMessages.invalidRegex(pattern, reason: "\(error)"), at: location,
        source: sourceText)
    }
  }

  private func typeError(_ message: String, at location: SourceLocation) -> PQLDiagnostic {
    PQLDiagnostic(.typeError, message, at: location, source: sourceText)
  }

  private func checkTypes(
    _ builtin: Builtin, _ syntax: [Syntax], _ types: [PQLType], offset: Int,
    at location: SourceLocation
  ) throws(PQLDiagnostic) {
    let subjectType = offset == 1 ? types[0] : .unknown
    switch builtin {
    case .startsWith, .doesNotStartWith, .endsWith, .doesNotEndWith, .contains, .doesNotContain,
      .equals, .notEqualTo, .matches, .regexGroup:
      if [.integer, .double, .number, .boolean, .map, .date, .dateTime, .entry].contains(
        subjectType)
      {
        throw typeError(
          DiagnosticMessages.subjectType(
            builtin.rawValue, expected: "a string", found: subjectType.phrase),
          at: location)
      }
      if ![.string, .unknown].contains(types[1]) {
        throw typeError(
          DiagnosticMessages.wrongArgumentType(
            builtin.rawValue, position: 1, expected: "a string", found: types[1].phrase),
          at: syntax[1].location)
      }
      if builtin.hasCaseFlag, syntax.count == 3 {
        guard case .boolean = syntax[2] else {
          throw typeError(
            DiagnosticMessages.caseFlagNotBoolean(builtin.rawValue, found: types[2].phrase),
            at: syntax[2].location)
        }
      }
      if builtin == .regexGroup, ![.integer, .unknown].contains(types[2]) {
        throw typeError(
          DiagnosticMessages.wrongArgumentType(
            builtin.rawValue, position: 2, expected: "an integer", found: types[2].phrase),
          at: syntax[2].location)
      }
    case .topN, .bottomN:
      if ![.integer, .unknown].contains(types[2]) {
        throw typeError(
          DiagnosticMessages.wrongArgumentType(
            builtin.rawValue, position: 2, expected: "an integer", found: types[2].phrase),
          at: syntax[2].location)
      }
    case .inSegment:
      if ![.string, .unknown].contains(types[0]) {
        throw typeError(
          DiagnosticMessages.wrongArgumentType(
            builtin.rawValue, position: 1, expected: "a segment id string", found: types[0].phrase),
          at: syntax[0].location)
      }
    case .getMonth, .getYear, .getDayOfMonth:
      if [.integer, .double, .number, .boolean, .list, .map, .entry].contains(subjectType) {
        throw typeError(
          DiagnosticMessages.subjectType(
            builtin.rawValue, expected: "a date or a date-time", found: subjectType.phrase),
          at: location)
      }
    case .mapEntry:
      if ![.string, .unknown, .integer].contains(types[0]) {
        throw typeError(
          DiagnosticMessages.wrongArgumentType(
            builtin.rawValue, position: 1, expected: "a key", found: types[0].phrase),
          at: syntax[0].location)
      }
    default:
      return
    }
  }

  private mutating func checkDate(
    _ arguments: [Syntax], at location: SourceLocation
  ) throws(PQLDiagnostic) -> (Node, PQLType) {
    var nodes: [Node] = []
    var literals: [Int] = []
    for (index, argument) in arguments.enumerated() {
      let (node, type) = try check(argument)
      guard [.integer, .unknown, .number].contains(type) else {
        throw typeError(
          DiagnosticMessages.wrongArgumentType(
            "date", position: index + 1, expected: "an integer", found: type.phrase),
          at: argument.location)
      }
      if case .constant(.integer(let value)) = node { literals.append(value) }
      nodes.append(node)
    }
    if literals.count == 3 {
      guard let date = PQLDate(year: literals[0], month: literals[1], day: literals[2]) else {
        throw PQLDiagnostic(
          .invalidLiteral,
          DiagnosticMessages.invalidDate(year: literals[0], month: literals[1], day: literals[2]),
          at: location, source: sourceText)
      }
      return (.constant(.date(date)), .date)
    }
    return (.call(.date, nodes), .date)
  }
}
