import Foundation
import Identities
import LabCore
import Persistence
import PlatformAPI
import Profiles
import Testing

@testable import Sandbox

/// A temporary folder for a test's datasets and state file, removed when the test ends.
final class TemporaryFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "aep-lab-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// Writes `text` at `relative` (creating folders) and returns its path.
  @discardableResult
  func write(_ relative: String, _ text: String) throws -> String {
    let file = url.appendingPathComponent(relative)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file)
    return file.path
  }

  /// `relative` inside the folder.
  func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }
}

enum SandboxFixture {
  /// The repository's `datasets/luma`.
  static var lumaPath: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("datasets/luma").path
  }

  /// A sandbox on a fresh in-memory database with a fixed clock.
  static func sandbox(lookupIdentityLimit: Int = 50, graphLimit: Int? = 50) throws -> Sandbox {
    Sandbox(
      database: try LabDatabase.inMemory(),
      guardrails: .init(maxIdentitiesPerGraph: graphLimit),
      lookupIdentityLimit: lookupIdentityLimit,
      clock: { Date(timeIntervalSince1970: 1_714_557_600) })
  }

  static let persona = (
    ecids: [
      "41235678290417653820014579632018456701", "41235678290417653820014579632018456702",
      "41235678290417653820014579632018456703",
    ],
    email: "lucas.moreau@example.com", phone: "+32473622044", crm: "1478212", loyalty: "5415776"
  )

  /// A profile schema with a CRM primary identity and an email.
  static let crmSchema = """
    {"name": "CRM", "class": "profile", "identities": [
      {"path": "crm", "namespace": "crmId", "primary": true}, {"path": "email", "namespace": "email"}]}
    """
}
