/// A value that must never be printed: a client secret or an access token.
///
/// Its `description`, `debugDescription` and reflection show `‹redacted›`, so string
/// interpolation, `print`, `dump` and error messages cannot leak it by accident. Use
/// ``revealed`` only where the value is sent (the IMS form body, the `Authorization` header).
public struct Secret: Sendable, Hashable, Codable, CustomStringConvertible,
  CustomDebugStringConvertible, CustomReflectable
{
  /// The placeholder shown instead of a secret.
  public static let placeholder = "‹redacted›"

  /// The secret value itself.
  public let revealed: String

  /// Wraps `value`.
  public init(_ value: String) {
    revealed = value
  }

  /// Whether the secret is empty.
  public var isEmpty: Bool { revealed.isEmpty }

  /// Always the placeholder.
  public var description: String { Self.placeholder }

  /// Always the placeholder.
  public var debugDescription: String { Self.placeholder }

  /// A mirror with no children, so `dump` shows nothing.
  public var customMirror: Mirror { Mirror(self, children: [:]) }

  /// Decodes from a plain JSON string.
  public init(from decoder: any Decoder) throws {
    revealed = try decoder.singleValueContainer().decode(String.self)
  }

  /// Encodes as a plain JSON string (only ever into the 0600 configuration file).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(revealed)
  }
}
