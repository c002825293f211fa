/// The interned identities of a graph and an open-addressing hash table from identity to vertex.
///
/// A graph interns millions of identities. Rather than keep a `String` pair per identity, the
/// index keeps every value's UTF-8 bytes in one shared arena (`bytes`, with each vertex's end
/// offset) and each namespace as a small integer, so interning copies bytes and allocates
/// nothing per identity; ``subscript(_:)`` makes the `Identity` (and its strings) only when
/// something asks for it. The hash covers the namespace number and the value bytes (read eight
/// at a time), and each slot packs the hash's high 32 bits with the vertex, so a probe compares
/// bytes only on a likely match. The table grows by doubling.
struct IdentityIndex: Sendable {
  /// A look-up's result: the identity's hash and namespace number, and its vertex if present.
  struct Probe {
    /// The hash of the namespace number and value bytes.
    var hash: UInt64
    /// The namespace's number in ``IdentityIndex/namespaces``.
    var namespace: UInt16
    /// The identity's vertex, or `nil` when the index does not hold it yet.
    var vertex: Int32?
  }

  /// Empty slots are 0; a used slot is `(hash & 0xFFFF_FFFF_0000_0000) | (vertex + 1)`.
  private var slots: [UInt64] = Array(repeating: 0, count: 16)
  private var mask = 15
  /// Every interned value's UTF-8 bytes, one after the other.
  private var bytes: [UInt8] = []
  /// Each vertex's namespace number (high 16 bits) and where its value ends in `bytes` (low 48
  /// bits; it starts where the previous one ends): one array, so a probe's compare reads one
  /// place for both.
  private var spans: [UInt64] = []
  /// The namespace codes seen so far, by number.
  private(set) var namespaces: [String] = []

  /// The number of identities.
  var count: Int { spans.count }

  /// Makes room for `capacity` identities without growing.
  mutating func reserveCapacity(_ capacity: Int) {
    spans.reserveCapacity(capacity)
    bytes.reserveCapacity(capacity * 24)
    var size = slots.count
    while size < capacity * 2 { size *= 2 }
    if size > slots.count { rehash(size: size) }
  }

  /// The identity of `vertex`, with its strings made now.
  subscript(vertex: Int) -> Identity {
    let value = bytes.withUnsafeBufferPointer {
      String(
        decoding: UnsafeBufferPointer(rebasing: $0[start(of: vertex)..<end(of: vertex)]),
        as: UTF8.self)
    }
    return Identity(namespace: namespace(of: vertex), id: value)
  }

  /// Calls `body` with the value bytes of `vertex`, without making a string.
  func withValue<R>(of vertex: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows
    -> R
  {
    try bytes.withUnsafeBufferPointer {
      try body(UnsafeBufferPointer(rebasing: $0[start(of: vertex)..<end(of: vertex)]))
    }
  }

  /// The namespace number of `vertex` (its index in ``namespaces``).
  @inline(__always)
  func namespaceNumber(of vertex: Int) -> Int { Int(truncatingIfNeeded: spans[vertex] >> 48) }

  /// The namespace code of `vertex`, without making its value's string.
  func namespace(of vertex: Int) -> String { namespaces[Int(spans[vertex] >> 48)] }

  private static let endMask: UInt64 = 0xFFFF_FFFF_FFFF

  private func start(of vertex: Int) -> Int {
    vertex == 0 ? 0 : Int(truncatingIfNeeded: spans[vertex - 1] & Self.endMask)
  }

  private func end(of vertex: Int) -> Int { Int(truncatingIfNeeded: spans[vertex] & Self.endMask) }

  /// The number of `namespace` (a handful of namespaces: a linear scan beats hashing them).
  private func number(of namespace: String) -> UInt16? {
    namespaces.firstIndex(of: namespace).map { UInt16(truncatingIfNeeded: $0) }
  }

  /// The hash and namespace number of a value in `namespace`, not looked up yet.
  ///
  /// A value of a namespace the index has not seen gets namespace `UInt16.max`: its number is
  /// only known once that namespace is added, so it must be looked up with ``probe(_:)``.
  func hashed(namespace: String, value: UnsafeBufferPointer<UInt8>) -> Probe {
    guard let number = number(of: namespace) else {
      return Probe(hash: 0, namespace: .max, vertex: nil)
    }
    return Probe(hash: Self.hash(number, value), namespace: number, vertex: nil)
  }

  /// Looks up `value`, already hashed by ``hashed(namespace:value:)`` with a known namespace.
  func probe(value: UnsafeBufferPointer<UInt8>, hashed: Probe) -> Probe {
    var result = hashed
    result.vertex = find(hashed.namespace, value, hash: hashed.hash)
    return result
  }

  /// Reads the table slot, and the candidate's bytes, of each of `probes` in one pass.
  ///
  /// A look-up in a table of millions mostly waits for memory. Reading the slots of a window
  /// of identities together lets those waits overlap; the look-ups that follow find the lines
  /// in cache. Returns a value that depends on every read, so that none is left out.
  func warm(_ probes: UnsafeBufferPointer<Probe>) -> UInt64 {
    var sink: UInt64 = 0
    slots.withUnsafeBufferPointer { slots in
      spans.withUnsafeBufferPointer { spans in
        bytes.withUnsafeBufferPointer { arena in
          for probe in probes where probe.namespace != .max {
            let entry = slots[Int(truncatingIfNeeded: probe.hash) & mask]
            sink &+= entry
            // A likely match: its bytes are compared next, so read them too. (An empty slot
            // is 0, whose tag matches a hash with 32 zero high bits: not a match.)
            if entry != 0, entry & 0xFFFF_FFFF_0000_0000 == Self.tag(probe.hash) {
              let vertex = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
              let start =
                vertex == 0 ? 0 : Int(truncatingIfNeeded: spans[vertex - 1] & Self.endMask)
              if start < arena.count { sink &+= UInt64(arena[start]) }
            }
          }
        }
      }
    }
    return sink
  }

  /// Calls `body` with the UTF-8 bytes of `text`, copying them only when not contiguous.
  @inline(__always)
  static func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = text
    return copy.withUTF8(body)
  }

  /// Looks `identity` up.
  func probe(_ identity: Identity) -> Probe {
    guard let namespace = number(of: identity.namespace) else {
      // An unknown namespace: no identity of it is here; hash with the number it would get.
      var value = identity.id
      let number = UInt16(truncatingIfNeeded: namespaces.count)
      return Probe(hash: value.withUTF8 { Self.hash(number, $0) }, namespace: number, vertex: nil)
    }
    var value = identity.id
    return value.withUTF8 { utf8 in
      let hash = Self.hash(namespace, utf8)
      return Probe(hash: hash, namespace: namespace, vertex: find(namespace, utf8, hash: hash))
    }
  }

  /// The vertex of `identity`, if present.
  func vertex(of identity: Identity) -> Int32? { probe(identity).vertex }

  /// Adds `identity` as the next vertex (`count`), after a ``probe(_:)`` that did not find it.
  mutating func insert(_ identity: Identity, probe: Probe) {
    if Int(probe.namespace) == namespaces.count { namespaces.append(identity.namespace) }
    Self.withUTF8(identity.id) { insert(value: $0, probe: probe) }
  }

  /// Adds a value of a known namespace as the next vertex (`count`), after a probe that did
  /// not find it.
  mutating func insert(value: UnsafeBufferPointer<UInt8>, probe: Probe) {
    bytes.append(contentsOf: value)
    spans.append(UInt64(probe.namespace) << 48 | UInt64(bytes.count))
    if spans.count * 2 > slots.count {
      rehash(size: slots.count * 2)  // places the new vertex too
    } else {
      place(Int32(spans.count - 1), hash: probe.hash)
    }
  }

  private func find(_ namespace: UInt16, _ value: UnsafeBufferPointer<UInt8>, hash: UInt64)
    -> Int32?
  {
    let tag = Self.tag(hash)
    var slot = Int(truncatingIfNeeded: hash) & mask
    return bytes.withUnsafeBufferPointer { arena in
      while true {
        let entry = slots[slot]
        if entry == 0 { return nil }
        if entry & 0xFFFF_FFFF_0000_0000 == tag {
          let vertex = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
          let span = spans[vertex]
          let start = start(of: vertex)
          if span >> 48 == UInt64(namespace),
            Int(truncatingIfNeeded: span & Self.endMask) - start == value.count,
            Self.equal(arena, start, value)
          {
            return Int32(vertex)
          }
        }
        slot = (slot + 1) & mask
      }
    }
  }

  /// Whether `arena` holds `value`'s bytes from `start` on (the lengths are known to match).
  private static func equal(
    _ arena: UnsafeBufferPointer<UInt8>, _ start: Int, _ value: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    guard let a = arena.baseAddress, let b = value.baseAddress else { return value.isEmpty }
    let left = UnsafeRawPointer(a + start)
    let right = UnsafeRawPointer(b)
    var offset = 0
    while offset + 8 <= value.count {
      if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      {
        return false
      }
      offset += 8
    }
    while offset < value.count {
      if a[start + offset] != b[offset] { return false }
      offset += 1
    }
    return true
  }

  /// The hash of a namespace number and value bytes, mixed eight bytes at a time.
  static func hash(_ namespace: UInt16, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash = (0x9E37_79B9_7F4A_7C15 ^ UInt64(namespace)) &* 0x100_0000_01b3
    hash ^= UInt64(bytes.count) &* 0xA076_1D64_78BD_642F
    if let base = bytes.baseAddress {
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
    }
    // Final avalanche (splitmix64), so both the slot bits and the tag bits depend on every byte.
    hash ^= hash >> 30
    hash &*= 0xBF58_476D_1CE4_E5B9
    hash ^= hash >> 27
    hash &*= 0x94D0_49BB_1331_11EB
    return hash ^ (hash >> 31)
  }

  private static func tag(_ hash: UInt64) -> UInt64 { hash & 0xFFFF_FFFF_0000_0000 }

  private mutating func place(_ vertex: Int32, hash: UInt64) {
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = Self.tag(hash) | UInt64(UInt32(bitPattern: vertex) &+ 1)
  }

  private mutating func rehash(size: Int) {
    slots = HugePages.array(repeating: 0, count: size)
    mask = size - 1
    // Hashes are not kept (8 bytes an identity): growing recomputes them from the arena.
    bytes.withUnsafeBufferPointer { arena in
      for vertex in 0..<spans.count {
        let value = UnsafeBufferPointer(rebasing: arena[start(of: vertex)..<end(of: vertex)])
        place(
          Int32(vertex), hash: Self.hash(UInt16(truncatingIfNeeded: spans[vertex] >> 48), value))
      }
    }
  }
}
