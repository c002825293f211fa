import Foundation

/// Where the Platform credentials live and how they are resolved: the configuration file, then
/// the `AEP_*` environment variables on top.
///
/// The file is `$AEP_LAB_CONFIG` when set, else `${XDG_CONFIG_HOME:-$HOME/.config}/aep-lab/
/// platform.json`; the token cache sits beside it as `token-cache.json`. Both are mode 0600.
public struct CredentialStore: Sendable {
  /// The configuration file.
  public var configPath: String
  /// The token cache file.
  public var tokenCachePath: String
  /// The environment the `AEP_*` overrides come from.
  public var environment: [String: String]

  /// Creates a store for `environment` (the process environment by default).
  public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    self.environment = environment
    configPath = Self.configPath(environment: environment)
    tokenCachePath =
      URL(fileURLWithPath: configPath).deletingLastPathComponent()
      .appendingPathComponent("token-cache.json").path
  }

  /// The configuration file's path for `environment`.
  public static func configPath(environment: [String: String]) -> String {
    if let explicit = environment["AEP_LAB_CONFIG"], !explicit.isEmpty { return explicit }
    let base: String
    if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
      base = xdg
    } else {
      let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
      base = home + "/.config"
    }
    return base + "/aep-lab/platform.json"
  }

  /// The saved credentials, or `nil` when there is no file.
  ///
  /// A file readable by others is tightened to 0600 first.
  public func loadFile() throws(PlatformAPIError) -> PlatformCredentials? {
    guard let data = try PrivateFile.read(configPath) else { return nil }
    PrivateFile.restrict(configPath)
    do {
      return try JSONDecoder().decode(PlatformCredentials.self, from: data)
    } catch {
      throw .configurationFile(
        path: configPath,
        reason:
          "it is not a valid aep-lab configuration. Run 'aep-lab api configure' to rewrite it.")
    }
  }

  /// The credentials in effect: the file's values with each set `AEP_*` variable on top.
  ///
  /// Throws ``PlatformAPIError/notConfigured(_:)`` naming what is missing.
  public func resolve() throws(PlatformAPIError) -> PlatformCredentials {
    var credentials =
      try loadFile() ?? PlatformCredentials(clientID: "", clientSecret: Secret(""), orgID: "")
    applyEnvironment(to: &credentials)
    let missing = credentials.missingSettings
    guard missing.isEmpty else {
      throw .notConfigured(
        "No Platform credentials: \(missing.joined(separator: ", ")) "
          + (missing.count == 1 ? "is" : "are")
          + " not set. Run 'aep-lab api configure' (or set the variables), or use "
          + "'--target local' to call 'aep-lab serve'.")
    }
    return credentials
  }

  /// Overwrites `credentials` with every non-empty `AEP_*` variable.
  public func applyEnvironment(to credentials: inout PlatformCredentials) {
    func value(_ name: String) -> String? {
      guard let value = environment[name], !value.isEmpty else { return nil }
      return value
    }
    if let clientID = value("AEP_CLIENT_ID") { credentials.clientID = clientID }
    if let secret = value("AEP_CLIENT_SECRET") { credentials.clientSecret = Secret(secret) }
    if let orgID = value("AEP_ORG_ID") { credentials.orgID = orgID }
    if let sandbox = value("AEP_SANDBOX") { credentials.sandboxName = sandbox }
    if let scopes = value("AEP_SCOPES") { credentials.scopes = scopes }
    if let ims = value("AEP_IMS_URL") { credentials.imsURL = PlatformCredentials.trimmed(ims) }
    if let platform = value("AEP_PLATFORM_URL") {
      credentials.platformURL = PlatformCredentials.trimmed(platform)
    }
  }

  /// Writes `credentials` to the configuration file (mode 0600) and drops any cached token.
  public func save(_ credentials: PlatformCredentials) throws(PlatformAPIError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data: Data
    do {
      data = try encoder.encode(credentials)
    } catch {
      throw .configurationFile(path: configPath, reason: "the settings could not be encoded.")
    }
    try PrivateFile.write(data, to: configPath)
    TokenCache(path: tokenCachePath).clear()
  }
}
