/// What a Platform call needs to authenticate: the Developer Console credential, the org, the
/// sandbox and where IMS and the Platform live.
///
/// The client secret is a ``Secret``, so printing a `PlatformCredentials` never shows it.
public struct PlatformCredentials: Sendable, Equatable, Codable {
  /// The Adobe IMS host used when none is configured.
  public static let defaultIMSURL = "https://ims-na1.adobelogin.com"
  /// The Platform gateway used when none is configured.
  public static let defaultPlatformURL = "https://platform.adobe.io"
  /// The scopes Adobe's Postman environment template asks for.
  public static let defaultScopes =
    "openid,session,AdobeID,read_organizations,additional_info.projectedProductContext"
  /// The sandbox used when none is configured.
  public static let defaultSandbox = "prod"

  /// The client ID (also sent as `x-api-key`).
  public var clientID: String
  /// The client secret.
  public var clientSecret: Secret
  /// The IMS org ID (`...@AdobeOrg`), sent as `x-gw-ims-org-id`.
  public var orgID: String
  /// The sandbox name, sent as `x-sandbox-name`.
  public var sandboxName: String
  /// Comma-separated OAuth scopes.
  public var scopes: String
  /// The IMS base URL (`https://ims-na1.adobelogin.com`).
  public var imsURL: String
  /// The Platform base URL (`https://platform.adobe.io`).
  public var platformURL: String

  /// Creates credentials; URLs lose any trailing slash.
  public init(
    clientID: String, clientSecret: Secret, orgID: String,
    sandboxName: String = PlatformCredentials.defaultSandbox,
    scopes: String = PlatformCredentials.defaultScopes,
    imsURL: String = PlatformCredentials.defaultIMSURL,
    platformURL: String = PlatformCredentials.defaultPlatformURL
  ) {
    self.clientID = clientID
    self.clientSecret = clientSecret
    self.orgID = orgID
    self.sandboxName = sandboxName
    self.scopes = scopes
    self.imsURL = Self.trimmed(imsURL)
    self.platformURL = Self.trimmed(platformURL)
  }

  enum CodingKeys: String, CodingKey {
    case clientID = "clientId"
    case clientSecret
    case orgID = "orgId"
    case sandboxName
    case scopes
    case imsURL = "imsUrl"
    case platformURL = "platformUrl"
  }

  /// Decodes a configuration file; missing optional fields take their defaults.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      clientID: try container.decodeIfPresent(String.self, forKey: .clientID) ?? "",
      clientSecret: try container.decodeIfPresent(Secret.self, forKey: .clientSecret) ?? Secret(""),
      orgID: try container.decodeIfPresent(String.self, forKey: .orgID) ?? "",
      sandboxName: try container.decodeIfPresent(String.self, forKey: .sandboxName)
        ?? Self.defaultSandbox,
      scopes: try container.decodeIfPresent(String.self, forKey: .scopes) ?? Self.defaultScopes,
      imsURL: try container.decodeIfPresent(String.self, forKey: .imsURL) ?? Self.defaultIMSURL,
      platformURL: try container.decodeIfPresent(String.self, forKey: .platformURL)
        ?? Self.defaultPlatformURL)
  }

  /// The names of required settings that are empty, in the words of the environment variables.
  public var missingSettings: [String] {
    var missing: [String] = []
    if clientID.isEmpty { missing.append("AEP_CLIENT_ID") }
    if clientSecret.isEmpty { missing.append("AEP_CLIENT_SECRET") }
    if orgID.isEmpty { missing.append("AEP_ORG_ID") }
    if sandboxName.isEmpty { missing.append("AEP_SANDBOX") }
    return missing
  }

  /// The strings a ``Redactor`` must hide for these credentials.
  public var secrets: [String] { [clientSecret.revealed] }

  static func trimmed(_ url: String) -> String {
    var url = url.trimmingSpaces
    while url.hasSuffix("/") { url.removeLast() }
    return url
  }
}

extension String {
  /// The string without leading or trailing spaces, tabs and newlines.
  var trimmingSpaces: String {
    var slice = self[...]
    while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
    while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
    return String(slice)
  }
}
