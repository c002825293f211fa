/// One HTTP request as the transport sends it: method, absolute URL, headers and an optional body.
public struct TransportRequest: Sendable, Equatable {
  /// The HTTP method, upper case (`GET`, `POST`, ...).
  public var method: String
  /// The absolute URL, already percent-encoded.
  public var url: String
  /// Header fields in the order they are sent; names compare case-insensitively.
  public var headers: [HeaderField]
  /// The request body, if any.
  public var body: [UInt8]?

  /// Creates a request.
  public init(method: String, url: String, headers: [HeaderField] = [], body: [UInt8]? = nil) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
  }

  /// The first value of the header `name`, compared case-insensitively.
  public func header(_ name: String) -> String? {
    headers.first { $0.name.lowercased() == name.lowercased() }?.value
  }
}

/// One header line: a name and its value.
public struct HeaderField: Sendable, Equatable {
  /// The header name as written (`x-api-key`).
  public var name: String
  /// The value, without surrounding spaces.
  public var value: String

  /// Creates a header field.
  public init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
  }
}
