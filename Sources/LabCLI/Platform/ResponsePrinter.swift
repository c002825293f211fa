import Foundation
import LabCore
import PlatformAPI

/// Shows a raw HTTP response from `aep-lab api send`: a status line and the body, pretty
/// printed when it is JSON.
enum ResponsePrinter {
  /// `HTTP 200 OK` and the body, ending with a newline.
  static func text(_ response: TransportResponse, console: Console) -> String {
    let reason = HTTPStatusText.reason(for: response.status)
    let status = "HTTP \(response.status)" + (reason.isEmpty ? "" : " \(reason)")
    var text =
      console.styled(status, response.isSuccess ? .green : .red) + "\n"
    if let json = try? JSONParser.parse(response.bodyText) {
      text += json.serialized(pretty: true) + "\n"
    } else if !response.body.isEmpty {
      text += response.bodyText.hasSuffix("\n") ? response.bodyText : response.bodyText + "\n"
    }
    return text
  }

  /// `{"status": 200, "headers": {...}, "body": <the JSON body, or the body as a string>}`.
  static func json(_ response: TransportResponse) -> JSONValue {
    var headers: [String: JSONValue] = [:]
    for header in response.headers { headers[header.name.lowercased()] = .string(header.value) }
    let body: JSONValue =
      (try? JSONParser.parse(response.bodyText))
      ?? (response.body.isEmpty ? .null : .string(response.bodyText))
    return [
      "status": .number(Double(response.status)), "headers": .object(headers), "body": body,
    ]
  }
}
