import Foundation
import LabCore

/// A successful Platform response: the status and the body exactly as received, with helpers
/// to read it.
public struct PlatformReply: Sendable, Equatable {
  /// The HTTP status (2xx).
  public var status: Int
  /// The response headers.
  public var headers: [HeaderField]
  /// The body bytes, unchanged (what `--format json` prints).
  public var body: [UInt8]
  /// The `x-request-id` the call was sent with.
  public var requestID: String

  /// Creates a reply.
  public init(status: Int, headers: [HeaderField] = [], body: [UInt8], requestID: String) {
    self.status = status
    self.headers = headers
    self.body = body
    self.requestID = requestID
  }

  /// The body as text.
  public var bodyText: String { String(decoding: body, as: UTF8.self) }

  /// The body parsed as JSON.
  public func json() throws(PlatformAPIError) -> JSONValue {
    try decode(JSONValue.self)
  }

  /// The body decoded as `type`.
  public func decode<Value: Decodable>(_ type: Value.Type) throws(PlatformAPIError) -> Value {
    do {
      return try JSONDecoder().decode(type, from: Data(body))
    } catch {
      throw .unexpectedResponse("the body is not a valid \(type) (\(body.count) bytes).")
    }
  }
}
