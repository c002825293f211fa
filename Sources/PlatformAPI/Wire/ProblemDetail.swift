/// An RFC 7807 error body, as the Platform's services return it:
/// `{"type", "title", "status", "detail"}`, with the gateway's `error_code` when it has one.
public struct ProblemDetail: Sendable, Codable, Equatable {
  /// A URI naming the kind of problem.
  public var type: String
  /// A short name for it (`BadRequestError`, `NotFoundError`).
  public var title: String
  /// The HTTP status.
  public var status: Int
  /// What went wrong, in a sentence.
  public var detail: String
  /// The gateway-style code, when the lab emulates one.
  public var errorCode: String?

  /// Creates a problem body.
  public init(type: String, title: String, status: Int, detail: String, errorCode: String? = nil) {
    self.type = type
    self.title = title
    self.status = status
    self.detail = detail
    self.errorCode = errorCode
  }

  enum CodingKeys: String, CodingKey {
    case type, title, status, detail
    case errorCode = "error_code"
  }
}
