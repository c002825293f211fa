/// What came back from one HTTP exchange: the status, the headers of the final response and the
/// body exactly as received.
public struct TransportResponse: Sendable, Equatable {
  /// The HTTP status code (200, 404, ...).
  public var status: Int
  /// The headers of the last response (after any redirects).
  public var headers: [HeaderField]
  /// The body bytes, unchanged.
  public var body: [UInt8]

  /// Creates a response.
  public init(status: Int, headers: [HeaderField] = [], body: [UInt8] = []) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// The body decoded as UTF-8.
  public var bodyText: String { String(decoding: body, as: UTF8.self) }

  /// The last value of the header `name`, compared case-insensitively.
  public func header(_ name: String) -> String? {
    headers.last { $0.name.lowercased() == name.lowercased() }?.value
  }

  /// Whether the status is 2xx.
  public var isSuccess: Bool { (200..<300).contains(status) }
}
