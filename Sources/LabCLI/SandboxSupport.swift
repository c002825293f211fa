import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Sandbox

extension Workspace {
  /// Opens the workspace's sandbox.
  func openSandbox() throws(LabFailure) -> Sandbox {
    Sandbox(database: try openDatabase())
  }
}

extension SandboxError {
  /// The error as a CLI failure: bad files exit 65, a missing path 64, the rest 1.
  var failure: LabFailure {
    let message = errorDescription ?? "\(self)"
    switch self {
    case .unreadable, .invalidSchema: return .invalidData(message)
    case .pathNotFound, .nothingToIngest, .invalidRequest: return .usage(message)
    default: return .domain(message)
    }
  }
}

/// Runs a sandbox call, turning its error into a ``LabFailure``.
func sandboxCall<T>(_ body: () throws(SandboxError) -> T) throws(LabFailure) -> T {
  do {
    return try body()
  } catch {
    throw error.failure
  }
}

/// JSON for `--format json`: a wire value encoded as the Platform sends it, with sorted keys
/// and two-space indentation.
enum WireJSON {
  /// `value` as pretty JSON text.
  static func render(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value),
      let json = try? JSONParser.parse(String(decoding: data, as: UTF8.self))
    else { return "{}" }
    return json.serialized(pretty: true)
  }
}
