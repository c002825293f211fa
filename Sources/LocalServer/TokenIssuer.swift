/// The local IMS's memory of the tokens it issued: which client each belongs to and when it
/// expires.
///
/// Tokens are 192-bit random strings; a token is valid only if this issuer made it and it has
/// not expired, so restarting the server invalidates old tokens (the client then fetches a new
/// one on the 401).
actor TokenIssuer {
  /// What the issuer knows about a token.
  enum Verdict: Equatable {
    /// Issued here, not expired, to this client.
    case valid(clientID: String)
    /// Issued here but past its expiry.
    case expired
    /// Never issued here.
    case unknown
  }

  private var issued: [String: (clientID: String, expiresAt: Double)] = [:]
  private let now: @Sendable () -> Double
  private let lifetime: Int

  /// Creates an issuer whose tokens live `lifetime` seconds by the clock `now`.
  init(lifetime: Int, now: @escaping @Sendable () -> Double) {
    self.lifetime = lifetime
    self.now = now
  }

  /// A new token for `clientID` and its lifetime in seconds.
  func issue(to clientID: String) -> (token: String, expiresIn: Int) {
    var generator = SystemRandomNumberGenerator()
    let token =
      "aeplab_"
      + (0..<3).map { _ in
        let word = generator.next() as UInt64
        let hex = String(word, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
      }.joined()
    let time = now()
    issued = issued.filter { $0.value.expiresAt > time }
    issued[token] = (clientID, time + Double(lifetime))
    return (token, lifetime)
  }

  /// What `token` is.
  func verify(_ token: String) -> Verdict {
    guard let entry = issued[token] else { return .unknown }
    return entry.expiresAt > now() ? .valid(clientID: entry.clientID) : .expired
  }
}
