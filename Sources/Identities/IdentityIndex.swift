/// An open-addressing hash table from identities to graph vertices.
///
/// A graph interns millions of identities; `Dictionary<Identity, Int32>` hashes both strings
/// with SipHash on every look-up. This table keys on a 64-bit FNV-1a hash of the namespace and
/// value bytes, keeps each vertex's hash to compare before comparing strings, and grows by
/// doubling. The identities themselves stay in the graph's `identities` array.
struct IdentityIndex: Sendable {
  private var slots: [Int32] = Array(repeating: -1, count: 16)
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

  /// The FNV-1a hash of `identity`.
  static func hash(_ identity: Identity) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in identity.namespace.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    hash = (hash ^ 0xFF) &* 0x100_0000_01b3
    for byte in identity.id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash ^ (hash >> 29)
  }

  /// The vertex of `identity`, looking names up in `identities`.
  func vertex(of identity: Identity, hash: UInt64, in identities: [Identity]) -> Int32? {
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let vertex = slots[slot]
      if vertex < 0 { return nil }
      if hashes[Int(vertex)] == hash, identities[Int(vertex)] == identity { return vertex }
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
    while slots[slot] >= 0 { slot = (slot + 1) & mask }
    slots[slot] = vertex
  }

  private mutating func rehash(size: Int) {
    slots = Array(repeating: -1, count: size)
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
