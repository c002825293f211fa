import ArgumentParser
import Foundation
import PlatformAPI
import Sandbox

/// Where `aep-lab api` commands send their calls, and how: the target, base URLs, trust,
/// timeouts and tracing.
struct PlatformOptions: ParsableArguments {
  /// The default address of `aep-lab serve`.
  static let localURL = "http://127.0.0.1:8080"
  /// The variable that moves `--target local` to another address (a server on another port).
  static let localURLVariable = "AEP_LAB_LOCAL_URL"

  /// Where calls go.
  enum Target: String, ExpressibleByArgument, CaseIterable {
    /// Adobe's Platform with the configured credentials.
    case live
    /// `aep-lab serve` on this machine.
    case local
  }

  @Option(
    name: .long,
    help: ArgumentHelp(
      "'live' (Adobe, with your configured credentials) or 'local' (aep-lab serve at "
        + "http://127.0.0.1:8080, or at AEP_LAB_LOCAL_URL when set)."))
  var target: Target = .live

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Send Platform calls to this URL (and IMS calls too, unless --ims-url is given).",
      valueName: "url"))
  var baseURL: String?

  @Option(name: .long, help: ArgumentHelp("Send IMS token requests to this URL.", valueName: "url"))
  var imsURL: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A PEM file of extra CA certificates to trust (a corporate proxy's, say).",
      valueName: "file"))
  var cacert: String?

  @Option(name: .long, help: "Seconds a call may take in all.")
  var timeout: Int = 60

  @Flag(name: .long, help: "Log each HTTP call (method, URL, status, time) to standard error.")
  var trace = false

  func validate() throws {
    guard timeout > 0 else { throw ValidationError("'--timeout' must be at least 1 second.") }
    for url in [baseURL, imsURL].compactMap({ $0 }) where !url.hasPrefix("http") {
      throw ValidationError("'\(url)' is not an http(s) URL, for example 'http://127.0.0.1:8080'.")
    }
    if let cacert, !FileManager.default.fileExists(atPath: cacert) {
      throw ValidationError("The CA file '\(cacert)' does not exist.")
    }
  }

  /// The options to repeat in a suggested next command (`--target local`, `--base-url URL`).
  var repeatedOptions: String {
    var text = ""
    if target == .local { text += " --target local" }
    if let baseURL { text += " --base-url \(baseURL)" }
    if let imsURL { text += " --ims-url \(imsURL)" }
    return text
  }

  /// The credentials for this target: the configuration and `AEP_*` variables, with base URLs
  /// replaced for `--target local` and `--base-url`.
  func credentials(store: CredentialStore) throws(LabFailure) -> PlatformCredentials {
    let local = LabEnvironment.current[Self.localURLVariable].flatMap { $0.isEmpty ? nil : $0 }
    let overrideURL = baseURL ?? (target == .local ? local ?? Self.localURL : nil)
    var credentials: PlatformCredentials
    if overrideURL != nil {
      // A local server accepts any pair unless started with --client-id/--client-secret, so
      // missing settings get lab defaults instead of an error.
      do {
        credentials = try store.loadFile() ?? LocalDefaults.credentials
      } catch {
        throw LabFailure(error)
      }
      store.applyEnvironment(to: &credentials)
      LocalDefaults.fill(&credentials)
    } else {
      do {
        credentials = try store.resolve()
      } catch {
        throw LabFailure(error)
      }
    }
    if let overrideURL {
      credentials.platformURL = overrideURL
      credentials.imsURL = overrideURL
    }
    if let imsURL { credentials.imsURL = imsURL }
    credentials = PlatformCredentials(
      clientID: credentials.clientID, clientSecret: credentials.clientSecret,
      orgID: credentials.orgID, sandboxName: credentials.sandboxName, scopes: credentials.scopes,
      imsURL: credentials.imsURL, platformURL: credentials.platformURL)
    return credentials
  }

  /// A client for this target, tracing to standard error when `--trace` is on.
  func makeClient(environment: [String: String]) throws(LabFailure) -> PlatformClient {
    let store = CredentialStore(environment: environment)
    let credentials = try credentials(store: store)
    let console = Console.current
    var handler: TraceHandler?
    if trace {
      handler = { (event: TraceEvent) in
        console.error(console.styled("trace:", .dim) + " " + event.line)
      }
    }
    return PlatformClient(
      credentials: credentials,
      transport: CurlTransport(
        options: TransportOptions(timeoutSeconds: timeout, caFile: cacert)),
      tokenCache: TokenCache(path: store.tokenCachePath), trace: handler)
  }
}

/// The settings used against a local server when none are configured.
enum LocalDefaults {
  /// Client ID, secret and org that `aep-lab serve` accepts when started without credentials.
  static let credentials = PlatformCredentials(
    clientID: "aep-lab", clientSecret: Secret("aep-lab-local"), orgID: Sandbox.localOrgID)

  /// Fills every empty setting of `credentials` with the lab default.
  static func fill(_ credentials: inout PlatformCredentials) {
    if credentials.clientID.isEmpty { credentials.clientID = Self.credentials.clientID }
    if credentials.clientSecret.isEmpty { credentials.clientSecret = Self.credentials.clientSecret }
    if credentials.orgID.isEmpty { credentials.orgID = Self.credentials.orgID }
    if credentials.sandboxName.isEmpty {
      credentials.sandboxName = PlatformCredentials.defaultSandbox
    }
  }
}
