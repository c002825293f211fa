import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Sandbox
import Segmentation

extension Workspace {
  /// Opens the workspace's sandbox, drawing its long work as progress bars on a terminal and
  /// printing its notices on standard error.
  func openSandbox() throws(LabFailure) -> Sandbox {
    var sandbox = Sandbox(database: try openDatabase())
    let bars = ProgressBars()
    sandbox.progress = { title, done, total in bars.update(title, done, total) }
    sandbox.notice = { text in Console.current.error("note: \(text)") }
    return sandbox
  }
}

extension SandboxError {
  /// The error as a CLI failure: bad files and bad PQL exit 65; a missing path or an unknown
  /// id (namespace, dataset, merge policy, segment) 64, like a misspelt exercise; the rest 1.
  var failure: LabFailure {
    let message = errorDescription ?? "\(self)"
    switch self {
    case .unreadable, .invalidSchema: return .invalidData(message)
    case .pathNotFound, .nothingToIngest, .invalidRequest, .unknownNamespace, .unknownDataset,
      .mergePolicy(.unknownMergePolicy):
      return .usage(message)
    case .segmentation(let refusal):
      switch refusal {
      case .unknownSegment: return .usage(message)
      case .invalidExpression, .invalidJSONExpression: return .invalidData(message)
      default: return .domain(message)
      }
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
