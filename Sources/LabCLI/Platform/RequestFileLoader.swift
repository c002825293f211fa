import Foundation
import PlatformAPI

/// Reads and parses an `.http` file for `aep-lab api send`, with CLI failures for each problem.
enum RequestFileLoader {
  /// The request `number` of the file at `path` (the only one when `number` is `nil`).
  static func template(at path: String, number: Int?) throws(LabFailure) -> RequestTemplate {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
      throw .usage(
        "Could not read the request file '\(path)' ('\(absolute)'). Check the path, for "
          + "example 'aep-lab api send requests/get-profile.http'.")
    }
    do {
      return try HTTPRequestFile.parse(text, path: path).request(number)
    } catch {
      let message = error.errorDescription ?? "The request file '\(path)' is not valid."
      if case .noSuchRequest = error { throw .usage(message) }
      throw .invalidData(message)
    }
  }
}
