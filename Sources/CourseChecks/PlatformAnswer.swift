import Curriculum
import LabCore
import PlatformAPI

/// What the check's server answered a learner's request, turned into a finding when it is
/// not a success.
enum PlatformAnswer {
  /// The finding for a response whose status is not 2xx: the status and the server's own
  /// explanation (the `detail`, `message` or `title` of the Platform's error body).
  static func failure(_ response: TransportResponse, location: String, fix: String) -> Finding? {
    guard !response.isSuccess else { return nil }
    let body = try? JSONParser.parse(response.bodyText)
    let reason =
      ["detail", "message", "description", "title", "error_description"].lazy
      .compactMap { body?[$0]?.stringValue }.first
      ?? String(response.bodyText.prefix(200))
    return Finding(
      message: "The server answered your request with status \(response.status): \(reason)",
      expected: "200", found: "\(response.status)", location: location, fix: fix)
  }

  /// The finding when the request could not be made at all.
  static func unsent(_ error: PlatformAPIError, location: String) -> Finding {
    Finding(
      message: "The request could not be sent: \(error.errorDescription ?? "\(error)")",
      location: location,
      fix: "Check the variables: {{ACCESS_TOKEN}}, {{API_KEY}}, {{IMS_ORG}} and "
        + "{{SANDBOX_NAME}} are the ones aep-lab fills.")
  }
}
