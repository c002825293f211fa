import Identities

/// The `lookup_key` of a stored identity: a 64-bit FNV-1a hash of its namespace code and value.
///
/// The identity table is indexed by this number instead of by its two texts: the index is a
/// third of the size and builds several times faster. Lookups match the key, then the texts,
/// so two identities sharing a key are still told apart. The hash is fixed (not Swift's
/// per-process `Hasher`), since keys are stored.
enum IdentityKey {
  /// The key of `identity` (its namespace must be the canonical code).
  static func of(_ identity: Identity) -> Int64 {
    of(namespace: identity.namespace, value: identity.id)
  }

  /// The key of the identity `value` in namespace `namespace`.
  static func of(namespace: String, value: String) -> Int64 {
    var hash = start(namespace)
    for byte in value.utf8 { hash = (hash ^ UInt64(byte)) &* prime }
    return Int64(bitPattern: hash)
  }

  /// The key of the identity whose UTF-8 value is `value` in namespace `namespace`.
  static func of(namespace: String, value: UnsafeBufferPointer<UInt8>) -> Int64 {
    var hash = start(namespace)
    for byte in value { hash = (hash ^ UInt64(byte)) &* prime }
    return Int64(bitPattern: hash)
  }

  private static let prime: UInt64 = 0x100_0000_01b3

  /// The hash after the namespace code and a separator.
  private static func start(_ namespace: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in namespace.utf8 { hash = (hash ^ UInt64(byte)) &* prime }
    // A byte no UTF-8 text holds, so ("ab", "c") and ("a", "bc") differ.
    return (hash ^ 0xFF) &* prime
  }
}
