import Foundation

/// Reads the Postman environment file the Adobe Developer Console downloads
/// (`oauth_server_to_server.postman_environment.json`) into ``PlatformCredentials``.
///
/// Variables used: `API_KEY` (or `CLIENT_ID`), `CLIENT_SECRET`, `IMS_ORG`, `SANDBOX_NAME`,
/// `SCOPES`, `IMS` (a host such as `ims-na1.adobelogin.com`) and `PLATFORM_GATEWAY` if present.
public enum PostmanEnvironment {
  private struct File: Decodable {
    struct Variable: Decodable {
      var key: String
      var value: String?
      var enabled: Bool?
    }
    var values: [Variable]
  }

  /// The credentials in the environment file `data`, on top of `base` for anything it lacks.
  public static func credentials(from data: Data, base: PlatformCredentials)
    throws(PlatformAPIError) -> PlatformCredentials
  {
    let file: File
    do {
      file = try JSONDecoder().decode(File.self, from: data)
    } catch {
      throw .invalidInput(
        "This is not a Postman environment file (expected a JSON object with a 'values' list). "
          + "Download it from the Developer Console: 'Download for Postman' > 'OAuth "
          + "Server-to-Server'.")
    }
    var variables: [String: String] = [:]
    for variable in file.values where variable.enabled ?? true {
      if let value = variable.value?.trimmingSpaces, !value.isEmpty {
        variables[variable.key.uppercased()] = value
      }
    }
    var credentials = base
    if let clientID = variables["API_KEY"] ?? variables["CLIENT_ID"] {
      credentials.clientID = clientID
    }
    if let secret = variables["CLIENT_SECRET"] { credentials.clientSecret = Secret(secret) }
    if let org = variables["IMS_ORG"] ?? variables["ORG_ID"] { credentials.orgID = org }
    if let sandbox = variables["SANDBOX_NAME"] { credentials.sandboxName = sandbox }
    if let scopes = variables["SCOPES"] { credentials.scopes = scopes }
    if let ims = variables["IMS"] { credentials.imsURL = url(fromHost: ims) }
    if let gateway = variables["PLATFORM_GATEWAY"] {
      credentials.platformURL = url(fromHost: gateway)
    }
    return credentials
  }

  /// `https://host` for a bare host, the URL itself otherwise.
  static func url(fromHost host: String) -> String {
    let url = host.contains("://") ? host : "https://" + host
    return PlatformCredentials.trimmed(url)
  }
}
