/// Reads the Java regular-expression syntax PQL uses, limited to what runs in linear time.
///
/// That is: literals, classes, `.`, anchors, groups (capturing, `(?:…)`, named), inline flags `i`, `s`
/// and `m`, alternation and greedy or lazy quantifiers. Backreferences, lookaround, atomic
/// groups and possessive quantifiers are refused, because no linear-time matcher has them.
struct RegexParser {
  /// Why a pattern was refused.
  struct Failure: Error, CustomStringConvertible {
    /// What is wrong, for the InvalidRegex diagnostic.
    let description: String
  }

  /// The inline flags in force.
  private struct Flags {
    var ignoreCase = false
    var dotAll = false
    var multiline = false
  }

  /// The deepest group nesting accepted.
  static let maximumNesting = 100
  /// The largest count a `{n,m}` quantifier may give.
  static let maximumCount = 1000

  private let scalars: [Unicode.Scalar]
  private var position = 0
  private var flags = Flags()
  private var nesting = 0
  /// How many capturing groups were opened so far.
  private(set) var groupCount = 0

  /// Parses `pattern`.
  static func parse(_ pattern: String) throws(Failure) -> (RegexNode, groups: Int) {
    var parser = RegexParser(scalars: Array(pattern.unicodeScalars))
    let node = try parser.parseAlternation()
    if parser.position < parser.scalars.count {
      throw Failure(description: "unmatched ')' at index \(parser.position)")
    }
    return (node, parser.groupCount)
  }

  private init(scalars: [Unicode.Scalar]) {
    self.scalars = scalars
  }

  private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

  private func fail(_ message: String) -> Failure {
    Failure(description: "\(message) at index \(position)")
  }

  private mutating func take(_ scalar: Unicode.Scalar) -> Bool {
    guard current == scalar else { return false }
    position += 1
    return true
  }

  private mutating func parseAlternation() throws(Failure) -> RegexNode {
    var branches = [try parseConcatenation()]
    while take("|") { branches.append(try parseConcatenation()) }
    return branches.count == 1 ? branches[0] : .alternation(branches)
  }

  private mutating func parseConcatenation() throws(Failure) -> RegexNode {
    var parts: [RegexNode] = []
    while let scalar = current, scalar != "|", scalar != ")" {
      let atom = try parseAtom()
      parts.append(try parseQuantifiers(on: atom))
    }
    return parts.count == 1 ? parts[0] : parts.isEmpty ? .empty : .concatenation(parts)
  }

  private mutating func parseQuantifiers(on atom: RegexNode) throws(Failure) -> RegexNode {
    var node = atom
    while let scalar = current {
      let bounds: (Int, Int?)
      switch scalar {
      case "*": bounds = (0, nil)
      case "+": bounds = (1, nil)
      case "?": bounds = (0, 1)
      case "{": bounds = try parseCount()
      default: return node
      }
      if scalar != "{" { position += 1 }
      if case .assertion = atom { throw fail("a quantifier cannot follow an anchor") }
      var greedy = true
      if take("?") {
        greedy = false
      } else if current == "+" {
        throw fail(
          "possessive quantifiers are not supported (the lab's regexes run in linear time)")
      }
      node = .repetition(node, minimum: bounds.0, maximum: bounds.1, greedy: greedy)
    }
    return node
  }

  /// `{n}`, `{n,}` or `{n,m}`, with the brace current.
  private mutating func parseCount() throws(Failure) -> (Int, Int?) {
    position += 1
    let minimum = try parseNumber()
    var maximum: Int? = minimum
    if take(",") { maximum = current == "}" ? nil : try parseNumber() }
    guard take("}") else { throw fail("expected '}' to close the repetition count") }
    if let maximum, maximum < minimum {
      throw fail("repetition count {\(minimum),\(maximum)} is backwards")
    }
    return (minimum, maximum)
  }

  private mutating func parseNumber() throws(Failure) -> Int {
    var value = 0
    var digits = 0
    while let scalar = current, ("0"..."9").contains(scalar) {
      value = value * 10 + Int(scalar.value - 48)
      digits += 1
      position += 1
      if value > Self.maximumCount {
        throw fail("repetition count is larger than \(Self.maximumCount)")
      }
    }
    guard digits > 0 else { throw fail("expected a number in the repetition count") }
    return value
  }

  private mutating func parseAtom() throws(Failure) -> RegexNode {
    guard let scalar = current else { throw fail("unexpected end of pattern") }
    position += 1
    switch scalar {
    case "(": return try parseGroup()
    case "[": return .set(try parseClass())
    case ".": return .set(flags.dotAll ? .anything : .notLineTerminator)
    case "^": return .assertion(.lineStart(multiline: flags.multiline))
    case "$": return .assertion(.lineEnd(multiline: flags.multiline))
    case "\\": return try parseEscape(inClass: false)
    case "*", "+", "?", "{": throw fail("dangling quantifier '\(scalar)'")
    default: return .set(.literal(scalar, ignoringCase: flags.ignoreCase))
    }
  }

  private mutating func parseGroup() throws(Failure) -> RegexNode {
    nesting += 1
    defer { nesting -= 1 }
    guard nesting <= Self.maximumNesting else {
      throw fail("groups are nested more than \(Self.maximumNesting) deep")
    }
    let saved = flags
    var capture: Int?
    if take("?") {
      if take(":") {
        capture = nil
      } else if current == "<", position + 1 < scalars.count,
        scalars[position + 1] != "=", scalars[position + 1] != "!"
      {
        position += 1
        while let scalar = current, scalar != ">" { position += 1 }
        guard take(">") else { throw fail("unterminated group name") }
        groupCount += 1
        capture = groupCount
      } else if ["=", "!", "<", ">"].contains(current) {
        throw fail(
          "lookaround and atomic groups are not supported (the lab's regexes run in linear time)")
      } else {
        // Inline flags: (?i) for the rest of the enclosing group, (?i:…) for this group.
        let scoped = try parseFlags()
        if !scoped {
          return .empty
        }
      }
    } else {
      groupCount += 1
      capture = groupCount
    }
    let inner = try parseAlternation()
    flags = saved
    guard take(")") else { throw fail("missing ')'") }
    return .group(inner, capture: capture)
  }

  /// Reads `i`, `s`, `m` (and `-` to turn off) up to `)` or `:`; true when followed by `:`.
  private mutating func parseFlags() throws(Failure) -> Bool {
    var on = true
    while let scalar = current {
      position += 1
      switch scalar {
      case "-": on = false
      case "i": flags.ignoreCase = on
      case "s": flags.dotAll = on
      case "m": flags.multiline = on
      case "u", "U", "d": break  // Unicode case and line modes: the lab always folds Unicode.
      case ")": return false
      case ":": return true
      default: throw fail("unsupported inline flag '\(scalar)'")
      }
    }
    throw fail("unterminated inline flags")
  }

  private mutating func parseClass() throws(Failure) -> RegexCharacterSet {
    var set = RegexCharacterSet(ranges: [], ignoresCase: flags.ignoreCase)
    set.negated = take("^")
    var first = true
    while true {
      guard let scalar = current else { throw fail("unclosed character class") }
      if scalar == "]" && !first {
        position += 1
        break
      }
      first = false
      if scalar == "["
        || (scalar == "&" && position + 1 < scalars.count && scalars[position + 1] == "&")
      {
        throw fail("nested classes and class intersections are not supported")
      }
      position += 1
      var low: UInt32
      if scalar == "\\" {
        guard case .set(let escaped) = try parseEscape(inClass: true) else {
          throw fail("this escape cannot be used in a class")
        }
        if escaped.negated || escaped.ranges.count != 1 || escaped.ranges[0].count != 1 {
          guard !escaped.negated else {
            throw fail("negated escapes such as \\D cannot be used in a class")
          }
          set.ranges += escaped.ranges
          continue
        }
        low = escaped.ranges[0].lowerBound
      } else {
        low = scalar.value
      }
      if current == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
        position += 1
        guard let next = current else { throw fail("unclosed character class") }
        position += 1
        var high = next.value
        if next == "\\" {
          guard case .set(let escaped) = try parseEscape(inClass: true), !escaped.negated,
            escaped.ranges.count == 1, escaped.ranges[0].count == 1
          else { throw fail("a range must end in a single character") }
          high = escaped.ranges[0].lowerBound
        }
        guard low <= high else { throw fail("illegal character range") }
        set.ranges.append(low...high)
      } else {
        set.ranges.append(low...low)
      }
    }
    return set
  }

  /// The escape after `\`.
  private mutating func parseEscape(inClass: Bool) throws(Failure) -> RegexNode {
    guard let scalar = current else { throw fail("pattern ends with a lone '\\'") }
    position += 1
    func literal(_ value: Unicode.Scalar) -> RegexNode {
      .set(.literal(value, ignoringCase: flags.ignoreCase))
    }
    switch scalar {
    case "d": return .set(.digits)
    case "D": return .set(negated(.digits))
    case "w": return .set(.word)
    case "W": return .set(negated(.word))
    case "s": return .set(.space)
    case "S": return .set(negated(.space))
    case "t": return literal("\t")
    case "n": return literal("\n")
    case "r": return literal("\r")
    case "f": return literal("\u{0C}")
    case "e": return literal("\u{1B}")
    case "a": return literal("\u{07}")
    case "b" where !inClass: return .assertion(.wordBoundary(negated: false))
    case "B" where !inClass: return .assertion(.wordBoundary(negated: true))
    case "A" where !inClass: return .assertion(.textStart)
    case "z" where !inClass: return .assertion(.textEnd)
    case "Z" where !inClass: return .assertion(.lineEnd(multiline: false))
    case "x": return literal(try parseHex(digits: 2))
    case "u": return literal(try parseHex(digits: 4))
    case "0"..."9", "k":
      throw fail("backreferences are not supported (the lab's regexes run in linear time)")
    case "p", "P", "Q", "E", "G", "R", "X", "h", "H", "v", "V", "c", "N":
      throw fail("the escape '\\\(scalar)' is not supported by the lab")
    default:
      if scalar.properties.isAlphabetic {
        throw fail("unknown escape '\\\(scalar)'")
      }
      return literal(scalar)
    }
  }

  private func negated(_ set: RegexCharacterSet) -> RegexCharacterSet {
    var result = set
    result.negated = true
    return result
  }

  private mutating func parseHex(digits: Int) throws(Failure) -> Unicode.Scalar {
    var value: UInt32 = 0
    for _ in 0..<digits {
      guard let scalar = current, let digit = UInt32(String(scalar), radix: 16) else {
        throw fail("expected \(digits) hexadecimal digits")
      }
      value = value * 16 + digit
      position += 1
    }
    guard let result = Unicode.Scalar(value) else { throw fail("not a Unicode scalar") }
    return result
  }
}
