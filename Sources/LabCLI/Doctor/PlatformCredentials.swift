import Curriculum
import Foundation
import LabCore

/// Whether Platform credentials are configured, described without ever showing the secret.
///
/// They come from `AEP_CLIENT_ID`, `AEP_CLIENT_SECRET`, `AEP_ORG_ID` and `AEP_SANDBOX`, or from
/// the config file at `$AEP_LAB_CONFIG`, else `${XDG_CONFIG_HOME:-$HOME/.config}/aep-lab/platform.json`.
enum PlatformCredentials {
  /// The config file's path for `environment`.
  static func configPath(environment: [String: String]) -> String {
    if let explicit = environment["AEP_LAB_CONFIG"], !explicit.isEmpty { return explicit }
    let base =
      environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
    return base + "/aep-lab/platform.json"
  }

  /// `value` with all but its first four characters hidden.
  static func masked(_ value: String) -> String {
    value.count <= 4 ? String(repeating: "*", count: value.count) : value.prefix(4) + "…"
  }

  /// The doctor line for credentials: where they come from and what is set, masked.
  static func check(environment: [String: String]) -> DoctorCheck {
    let name = "Platform credentials"
    if let clientID = environment["AEP_CLIENT_ID"], !clientID.isEmpty {
      return describe(
        name: name, source: "environment", clientID: clientID,
        hasSecret: !(environment["AEP_CLIENT_SECRET"] ?? "").isEmpty,
        orgID: environment["AEP_ORG_ID"], sandbox: environment["AEP_SANDBOX"])
    }
    let path = configPath(environment: environment)
    guard let data = FileManager.default.contents(atPath: path) else {
      return DoctorCheck(
        name: name, status: .note, detail: "not configured (only 'aep-lab api' needs them)",
        fix: "Set AEP_CLIENT_ID, AEP_CLIENT_SECRET, AEP_ORG_ID and AEP_SANDBOX, or write '\(path)'."
      )
    }
    guard case .value(let document) = JSONText.parse(data), document.objectValue != nil else {
      return DoctorCheck(
        name: name, status: .problem, detail: "'\(path)' is not a JSON object",
        fix: "Fix or delete '\(path)'.")
    }
    func field(_ names: String...) -> String? {
      names.lazy.compactMap { document[$0]?.stringValue }.first
    }
    var check = describe(
      name: name, source: path, clientID: field("clientId", "client_id", "clientID") ?? "",
      hasSecret: !(field("clientSecret", "client_secret") ?? "").isEmpty,
      orgID: field("orgId", "org_id", "imsOrg"), sandbox: field("sandbox", "sandboxName"))
    let mode =
      ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?
      .intValue ?? 0o600
    if mode & 0o077 != 0 {
      check.status = .problem
      check.fix = "The file holds a secret but others can read it: run 'chmod 600 \(path)'."
    }
    return check
  }

  private static func describe(
    name: String, source: String, clientID: String, hasSecret: Bool, orgID: String?,
    sandbox: String?
  ) -> DoctorCheck {
    var parts = [
      "client id: " + (clientID.isEmpty ? "missing" : masked(clientID)),
      "secret: " + (hasSecret ? "set" : "missing"),
      "org: " + (orgID.map(masked) ?? "missing"),
      "sandbox: " + (sandbox ?? "missing"),
    ]
    parts.insert("from \(source)", at: 0)
    let complete = !clientID.isEmpty && hasSecret && orgID != nil && sandbox != nil
    return DoctorCheck(
      name: name, status: complete ? .ok : .note, detail: parts.joined(separator: ", "),
      fix: complete ? nil : "Add the missing values; 'aep-lab api' needs all four.")
  }
}
