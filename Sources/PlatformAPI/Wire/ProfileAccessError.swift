/// The error body of `/access/entities` (the Platform's `ResponseErrorContext`), for example
/// the 422 a lookup gets when its graph has too many identities.
public struct ProfileAccessError: Codable, Sendable, Hashable, Error {
  /// The message, such as "Too many related identities".
  public var message: String
  /// More detail, if any.
  public var cause: String?
  /// The HTTP status as a string, such as `"422"`.
  public var statusCode: String

  /// Creates an error body.
  public init(message: String, cause: String? = nil, statusCode: String) {
    self.message = message
    self.cause = cause
    self.statusCode = statusCode
  }

  /// The body for a lookup whose graph has more than `limit` identities (`count` of them).
  public static func tooManyRelatedIdentities(count: Int, limit: Int) -> ProfileAccessError {
    ProfileAccessError(
      message: "Too many related identities",
      cause: "The identity graph has \(count) identities; profile lookups allow at most \(limit).",
      statusCode: "422")
  }
}
