import Foundation
import PlatformAPI
import Testing

@Suite struct CredentialStoreTests {
  private func temporaryFolder() throws -> String {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("aep-lab-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func theConfigurationPathFollowsAEPLabConfigThenXDG() {
    #expect(CredentialStore.configPath(environment: ["AEP_LAB_CONFIG": "/x/p.json"]) == "/x/p.json")
    #expect(
      CredentialStore.configPath(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/u"])
        == "/cfg/aep-lab/platform.json")
    #expect(
      CredentialStore.configPath(environment: ["HOME": "/home/u"])
        == "/home/u/.config/aep-lab/platform.json")
  }

  @Test func savedConfigurationIsMode0600AndReadsBack() throws {
    let folder = try temporaryFolder()
    let store = CredentialStore(environment: ["AEP_LAB_CONFIG": folder + "/sub/platform.json"])
    let credentials = PlatformCredentials(
      clientID: "client", clientSecret: Secret("s3cr3t-value"), orgID: "ORG@AdobeOrg",
      sandboxName: "dev")
    try store.save(credentials)
    #expect(PrivateFile.permissions(of: store.configPath) == 0o600)
    #expect(PrivateFile.permissions(of: folder + "/sub") == 0o700)
    #expect(try store.loadFile() == credentials)
  }

  @Test func aConfigurationReadableByOthersIsTightened() throws {
    let folder = try temporaryFolder()
    let path = folder + "/platform.json"
    try Data(#"{"clientId":"c","clientSecret":"s","orgId":"o"}"#.utf8).write(
      to: URL(fileURLWithPath: path))
    chmod(path, 0o644)
    _ = try CredentialStore(environment: ["AEP_LAB_CONFIG": path]).loadFile()
    #expect(PrivateFile.permissions(of: path) == 0o600)
  }

  @Test func environmentVariablesOverrideTheFile() throws {
    let folder = try temporaryFolder()
    let path = folder + "/platform.json"
    try CredentialStore(environment: ["AEP_LAB_CONFIG": path]).save(
      PlatformCredentials(clientID: "file-client", clientSecret: Secret("file-secret"), orgID: "O"))
    let store = CredentialStore(environment: [
      "AEP_LAB_CONFIG": path, "AEP_CLIENT_ID": "env-client", "AEP_SANDBOX": "dev",
      "AEP_PLATFORM_URL": "http://127.0.0.1:8080/",
    ])
    let resolved = try store.resolve()
    #expect(resolved.clientID == "env-client")
    #expect(resolved.clientSecret.revealed == "file-secret")
    #expect(resolved.sandboxName == "dev")
    #expect(resolved.platformURL == "http://127.0.0.1:8080")
  }

  @Test func missingSettingsAreNamed() throws {
    let folder = try temporaryFolder()
    let store = CredentialStore(environment: [
      "AEP_LAB_CONFIG": folder + "/none.json", "AEP_CLIENT_ID": "c",
    ])
    #expect {
      try store.resolve()
    } throws: { error in
      guard case PlatformAPIError.notConfigured(let message) = error else { return false }
      return message.contains("AEP_CLIENT_SECRET") && message.contains("AEP_ORG_ID")
        && !message.contains("AEP_CLIENT_ID,")
    }
  }

  @Test func theTokenCacheIsMode0600AndExpiresBeforeTheToken() throws {
    let folder = try temporaryFolder()
    let cache = TokenCache(path: folder + "/token-cache.json")
    try cache.store(
      TokenCache.Entry(
        accessToken: Secret("tok"), expiresAt: 1000, clientID: "c", imsURL: "https://ims"))
    #expect(PrivateFile.permissions(of: cache.path) == 0o600)
    #expect(cache.token(clientID: "c", imsURL: "https://ims", now: 900, margin: 0) != nil)
    #expect(cache.token(clientID: "c", imsURL: "https://ims", now: 1000, margin: 0) == nil)
    #expect(cache.token(clientID: "other", imsURL: "https://ims", now: 900, margin: 0) == nil)
  }

  @Test func aPostmanEnvironmentFileFillsTheCredentials() throws {
    let file = """
      {"name": "OAuth", "values": [
        {"key": "API_KEY", "value": "client-from-console", "enabled": true},
        {"key": "CLIENT_SECRET", "value": "p8e-secret", "enabled": true},
        {"key": "IMS_ORG", "value": "ABC@AdobeOrg", "enabled": true},
        {"key": "SANDBOX_NAME", "value": "tutorial", "enabled": true},
        {"key": "IMS", "value": "ims-na1.adobelogin.com", "enabled": true},
        {"key": "ACCESS_TOKEN", "value": "", "enabled": true}
      ]}
      """
    let base = PlatformCredentials(clientID: "", clientSecret: Secret(""), orgID: "")
    let credentials = try PostmanEnvironment.credentials(from: Data(file.utf8), base: base)
    #expect(credentials.clientID == "client-from-console")
    #expect(credentials.clientSecret.revealed == "p8e-secret")
    #expect(credentials.orgID == "ABC@AdobeOrg")
    #expect(credentials.sandboxName == "tutorial")
    #expect(credentials.imsURL == "https://ims-na1.adobelogin.com")
  }
}
