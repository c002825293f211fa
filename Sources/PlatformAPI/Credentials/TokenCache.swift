import Foundation

/// The IMS access token kept between runs, in a mode 0600 file beside the configuration.
///
/// A token is reused only for the same client ID and IMS URL, and only until shortly before it
/// expires.
public struct TokenCache: Sendable {
  /// One cached token.
  public struct Entry: Sendable, Codable, Equatable {
    /// The bearer token.
    public var accessToken: Secret
    /// When it stops being valid, in seconds since 1970.
    public var expiresAt: Double
    /// The client it was issued to.
    public var clientID: String
    /// The IMS that issued it.
    public var imsURL: String

    /// Creates an entry.
    public init(accessToken: Secret, expiresAt: Double, clientID: String, imsURL: String) {
      self.accessToken = accessToken
      self.expiresAt = expiresAt
      self.clientID = clientID
      self.imsURL = imsURL
    }
  }

  /// The cache file.
  public var path: String

  /// Creates a cache at `path`.
  public init(path: String) {
    self.path = path
  }

  /// The cached token for `clientID` at `imsURL`, if it is still good for `margin` seconds.
  public func token(clientID: String, imsURL: String, now: Double, margin: Double) -> Entry? {
    guard let data = try? PrivateFile.read(path),
      let entry = try? JSONDecoder().decode(Entry.self, from: data),
      entry.clientID == clientID, entry.imsURL == imsURL, entry.expiresAt - margin > now
    else { return nil }
    return entry
  }

  /// Stores `entry`, replacing whatever was cached.
  public func store(_ entry: Entry) throws(PlatformAPIError) {
    let data: Data
    do {
      data = try JSONEncoder().encode(entry)
    } catch {
      throw .configurationFile(path: path, reason: "the token could not be encoded.")
    }
    try PrivateFile.write(data, to: path)
  }

  /// Removes the cached token, if any.
  public func clear() {
    try? FileManager.default.removeItem(atPath: path)
  }
}
