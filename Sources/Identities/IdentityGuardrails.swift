/// The Platform's identity guardrails, with its documented numbers as defaults.
public struct IdentityGuardrails: Sendable, Hashable {
  /// Identities one record may carry (20).
  public var maxIdentitiesPerRecord: Int
  /// Identities one graph may hold before first-in-first-out removal (50); `nil` turns the
  /// removal off, so graphs can grow past the profile lookup limit.
  public var maxIdentitiesPerGraph: Int?
  /// Characters an identity value may have (1024).
  public var maxValueLength: Int

  /// Creates guardrails; the defaults are the Platform's.
  public init(
    maxIdentitiesPerRecord: Int = 20, maxIdentitiesPerGraph: Int? = 50, maxValueLength: Int = 1024
  ) {
    self.maxIdentitiesPerRecord = maxIdentitiesPerRecord
    self.maxIdentitiesPerGraph = maxIdentitiesPerGraph
    self.maxValueLength = maxValueLength
  }

  /// Values the Platform refuses as placeholders, compared ignoring case.
  public static let placeholderValues: Set<String> = ["anonymous", "invalid", "null"]

  /// Why `value` cannot be an identity in `namespace`, or `nil` when it can.
  public func refusal(of value: String, in namespace: IdentityNamespace) -> IdentityRefusal? {
    if value.isEmpty { return .emptyValue(namespace: namespace.code) }
    var text = value
    // One pass over the bytes in place (the generic walk over the UTF-8 view took an eighth of
    // a streaming ingest's parsing).
    let (control, digits) = text.withUTF8 { bytes in
      var (control, digits) = (false, true)
      for byte in bytes {
        control = control || byte < 0x20 || byte == 0x7F
        digits = digits && byte >= 48 && byte <= 57
      }
      return (control, digits)
    }
    if control { return .controlCharacter(namespace: namespace.code) }
    let utf8 = value.utf8
    if namespace.code == "ECID" {
      if utf8.count != 38 || !digits { return .malformedECID(value: value) }
      return nil
    }
    if utf8.count > maxValueLength, value.count > maxValueLength {
      return .valueTooLong(namespace: namespace.code, length: value.count, limit: maxValueLength)
    }
    if utf8.count <= 9, Self.placeholderValues.contains(value.lowercased()) {
      return .placeholderValue(namespace: namespace.code, value: value)
    }
    return nil
  }
}
