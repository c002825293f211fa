import Foundation
import PlatformAPI

/// The doctor's line on Platform credentials: where they come from and what is set, masked.
///
/// It reads them exactly as `aep-lab api` does (``CredentialStore``: the config file, then the
/// `AEP_*` variables on top), and never shows the secret.
enum CredentialCheck {
  /// The doctor line for the credentials `environment` points at.
  static func check(environment: [String: String]) -> DoctorCheck {
    let name = "Platform credentials"
    let store = CredentialStore(environment: environment)
    let path = store.configPath
    var source = "environment"
    var credentials = PlatformCredentials(clientID: "", clientSecret: Secret(""), orgID: "")
    let isOpen = FileManager.default.fileExists(atPath: path) && hasOpenPermissions(path)
    if FileManager.default.fileExists(atPath: path) {
      do {
        // `loadFile` would tighten an open file to 0600; the doctor only reports it.
        let saved =
          try isOpen
          ? JSONDecoder().decode(
            PlatformCredentials.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
          : store.loadFile()
        if let saved {
          credentials = saved
          source = path
        }
      } catch {
        return DoctorCheck(
          name: name, status: .problem, detail: "'\(path)' cannot be used",
          fix: "Run 'aep-lab api configure' to rewrite it.")
      }
    }
    store.applyEnvironment(to: &credentials)
    let missing = credentials.missingSettings
    if credentials.clientID.isEmpty, missing.count > 1, source == "environment" {
      return DoctorCheck(
        name: name, status: .note, detail: "not configured (only 'aep-lab api' needs them)",
        fix: "Run 'aep-lab api configure', or set AEP_CLIENT_ID, AEP_CLIENT_SECRET and AEP_ORG_ID.")
    }
    let parts = [
      "from \(source)",
      "client id: " + (credentials.clientID.isEmpty ? "missing" : masked(credentials.clientID)),
      "secret: " + (credentials.clientSecret.revealed.isEmpty ? "missing" : "set"),
      "org: " + (credentials.orgID.isEmpty ? "missing" : masked(credentials.orgID)),
      "sandbox: " + credentials.sandboxName,
    ]
    if isOpen {
      return DoctorCheck(
        name: name, status: .problem, detail: parts.joined(separator: ", "),
        fix: "'\(path)' holds a secret but others can read it: run 'chmod 600 \(path)'.")
    }
    return DoctorCheck(
      name: name, status: missing.isEmpty ? .ok : .note, detail: parts.joined(separator: ", "),
      fix: missing.isEmpty
        ? nil : "Set \(missing.joined(separator: ", ")) with 'aep-lab api configure'.")
  }

  /// `value` with all but its first four characters hidden.
  static func masked(_ value: String) -> String {
    value.count <= 4 ? String(repeating: "*", count: value.count) : value.prefix(4) + "…"
  }

  /// Whether users other than the owner can read or write the file at `path`.
  private static func hasOpenPermissions(_ path: String) -> Bool {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    let mode = (attributes?[.posixPermissions] as? NSNumber)?.intValue ?? 0o600
    return mode & 0o077 != 0
  }
}
