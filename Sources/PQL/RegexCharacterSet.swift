/// A set of characters one regex step accepts: ranges of Unicode scalars, possibly negated,
/// possibly ignoring case.
struct RegexCharacterSet: Sendable, Equatable {
  /// The accepted scalar values.
  var ranges: [ClosedRange<UInt32>]
  /// Whether the set accepts everything outside ``ranges`` instead.
  var negated = false
  /// Whether a character is also accepted when its other case is.
  var ignoresCase = false

  /// `\d`.
  static let digits = RegexCharacterSet(ranges: [0x30...0x39])
  /// `\w`: ASCII letters, digits and `_`, as Java's default.
  static let word = RegexCharacterSet(ranges: [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
  /// `\s`: space, tab, line feed, vertical tab, form feed, carriage return.
  static let space = RegexCharacterSet(ranges: [0x09...0x0D, 0x20...0x20])
  /// `.` without `(?s)`: everything but the line terminators.
  static let notLineTerminator = RegexCharacterSet(
    ranges: [0x0A...0x0A, 0x0D...0x0D, 0x85...0x85, 0x2028...0x2029], negated: true)
  /// `.` with `(?s)`: everything.
  static let anything = RegexCharacterSet(ranges: [], negated: true)

  /// The set of one literal scalar.
  static func literal(_ scalar: Unicode.Scalar, ignoringCase: Bool) -> RegexCharacterSet {
    RegexCharacterSet(ranges: [scalar.value...scalar.value], ignoresCase: ignoringCase)
  }

  /// Whether `scalar` is a word character for `\b`.
  static func isWord(_ scalar: Unicode.Scalar) -> Bool { word.contains(scalar) }

  /// Whether the set accepts `scalar`.
  func contains(_ scalar: Unicode.Scalar) -> Bool {
    var found = ranges.contains { $0.contains(scalar.value) }
    if !found, ignoresCase {
      found = Self.otherCases(of: scalar).contains { other in
        ranges.contains { $0.contains(other.value) }
      }
    }
    return found != negated
  }

  /// The lowercase and uppercase forms of `scalar` that are single scalars.
  private static func otherCases(of scalar: Unicode.Scalar) -> [Unicode.Scalar] {
    var result: [Unicode.Scalar] = []
    for mapping in [scalar.properties.lowercaseMapping, scalar.properties.uppercaseMapping] {
      let scalars = mapping.unicodeScalars
      if scalars.count == 1, let only = scalars.first, only != scalar { result.append(only) }
    }
    return result
  }
}
