/// An open-addressing hash table from identities to graph vertices.
///
/// A graph interns millions of identities; `Dictionary<Identity, Int32>` hashes both strings
/// with SipHash on every look-up. This table keys on a 64-bit hash of the namespace and value
/// bytes (read eight at a time), and each slot packs the hash's high 32 bits with the vertex,
/// so a probe compares strings only when those bits match and touches no other array first.
/// It grows by doubling. The identities themselves stay in the graph's `identities` array.
struct IdentityIndex: Sendable {
  /// Empty slots are 0; a used slot is `(hash & 0xFFFF_FFFF_0000_0000) | (vertex + 1)`.
  private var slots: [UInt64] = Array(repeating: 0, count: 16)
  private var hashes: [UInt64] = []
  private var mask = 15

  /// The number of identities.
  var count: Int { hashes.count }

  /// Makes room for `capacity` identities without growing.
  mutating func reserveCapacity(_ capacity: Int) {
    hashes.reserveCapacity(capacity)
    var size = slots.count
    while size < capacity * 2 { size *= 2 }
    if size > slots.count { rehash(size: size) }
  }

  /// The hash of `identity`: its namespace and value bytes, mixed eight bytes at a time.
  static func hash(_ identity: Identity) -> UInt64 {
    var namespace = identity.namespace
    var value = identity.id
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
    namespace.withUTF8 { hash = mix(hash, $0) }
    value.withUTF8 { hash = mix(hash, $0) }
    // Final avalanche (splitmix64), so both the slot bits and the tag bits depend on every byte.
    hash ^= hash >> 30
    hash &*= 0xBF58_476D_1CE4_E5B9
    hash ^= hash >> 27
    hash &*= 0x94D0_49BB_1331_11EB
    return hash ^ (hash >> 31)
  }

  private static func mix(_ seed: UInt64, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash = seed ^ UInt64(bytes.count) &* 0xA076_1D64_78BD_642F
    guard let base = bytes.baseAddress else { return hash }
    let raw = UnsafeRawPointer(base)
    var offset = 0
    while offset + 8 <= bytes.count {
      let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      hash = (hash ^ word) &* 0x100_0000_01b3
      hash ^= hash >> 32
      offset += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while offset < bytes.count {
      tail |= UInt64(base[offset]) << shift
      shift += 8
      offset += 1
    }
    hash = (hash ^ tail) &* 0x100_0000_01b3
    return hash ^ (hash >> 29)
  }

  private static func tag(_ hash: UInt64) -> UInt64 { hash & 0xFFFF_FFFF_0000_0000 }

  /// The vertex of `identity`, looking names up in `identities`.
  func vertex(of identity: Identity, hash: UInt64, in identities: [Identity]) -> Int32? {
    let tag = Self.tag(hash)
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { return nil }
      if entry & 0xFFFF_FFFF_0000_0000 == tag {
        let vertex = Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
        if identities[Int(vertex)] == identity { return vertex }
      }
      slot = (slot + 1) & mask
    }
  }

  /// Records that `vertex` (the next one, `count`) is the identity with hash `hash`.
  mutating func insert(vertex: Int32, hash: UInt64) {
    hashes.append(hash)
    if hashes.count * 2 > slots.count { rehash(size: slots.count * 2) }
    place(vertex, hash: hash)
  }

  private mutating func place(_ vertex: Int32, hash: UInt64) {
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = Self.tag(hash) | UInt64(UInt32(bitPattern: vertex) &+ 1)
  }

  private mutating func rehash(size: Int) {
    slots = Array(repeating: 0, count: size)
    mask = size - 1
    for (vertex, hash) in hashes.enumerated() { place(Int32(vertex), hash: hash) }
  }
}

/// An open-addressing hash table from an identity pair (packed in 64 bits) to its link.
struct LinkIndex: Sendable {
  private var keys: [UInt64] = Array(repeating: .max, count: 16)
  private var values: [Int32] = Array(repeating: -1, count: 16)
  private var mask = 15
  private(set) var count = 0

  /// Makes room for `capacity` links without growing.
  mutating func reserveCapacity(_ capacity: Int) {
    var size = keys.count
    while size < capacity * 2 { size *= 2 }
    if size > keys.count { rehash(size: size) }
  }

  private static func slot(_ key: UInt64, _ mask: Int) -> Int {
    var mixed = key &* 0x9E37_79B9_7F4A_7C15
    mixed ^= mixed >> 32
    return Int(truncatingIfNeeded: mixed) & mask
  }

  /// The link of `key`, if any.
  subscript(key: UInt64) -> Int32? {
    var slot = Self.slot(key, mask)
    while true {
      if values[slot] < 0 { return nil }
      if keys[slot] == key { return values[slot] }
      slot = (slot + 1) & mask
    }
  }

  /// Records `value` for a `key` that is not in the table yet.
  mutating func insert(_ key: UInt64, _ value: Int32) {
    count += 1
    if count * 2 > keys.count { rehash(size: keys.count * 2) }
    var slot = Self.slot(key, mask)
    while values[slot] >= 0 { slot = (slot + 1) & mask }
    keys[slot] = key
    values[slot] = value
  }

  private mutating func rehash(size: Int) {
    let oldKeys = keys
    let oldValues = values
    keys = Array(repeating: .max, count: size)
    values = Array(repeating: -1, count: size)
    mask = size - 1
    for index in oldKeys.indices where oldValues[index] >= 0 {
      var slot = Self.slot(oldKeys[index], mask)
      while values[slot] >= 0 { slot = (slot + 1) & mask }
      keys[slot] = oldKeys[index]
      values[slot] = oldValues[index]
    }
  }
}
