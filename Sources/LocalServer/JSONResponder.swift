import Hummingbird
import LabCore

/// Builds JSON responses from ``JSONValue`` bodies.
enum JSONResponder {
  /// A response with `body` serialised as JSON.
  static func response(status: HTTPResponse.Status, body: JSONValue?, headers: HTTPFields = [:])
    -> Response
  {
    var fields = headers
    guard let body else {
      return Response(status: status, headers: fields)
    }
    fields[.contentType] = "application/json;charset=utf-8"
    let text = body.serialized()
    return Response(
      status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
  }
}
