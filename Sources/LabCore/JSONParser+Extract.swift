extension JSONParser {
  /// Validates a whole JSON document and returns only the values at `paths`.
  ///
  /// The result holds one entry per path, in the order the set was made with (`nil` when
  /// absent), and nothing else is built; it is `nil` when the document is valid JSON but not
  /// an object.
  ///
  /// Ingest needs a record's identity fields, `identityMap`, `_id` and `timestamp`, not its
  /// whole tree, so this is several times faster than ``parse(_:)-(UnsafeBufferPointer<UInt8>)``
  /// on real records; it still refuses malformed JSON anywhere in the document. When a key
  /// repeats, its last value counts, as with ``parse(_:)-(UnsafeBufferPointer<UInt8>)``.
  ///
  /// For example:
  ///
  /// ```swift
  /// let wanted = JSONPathSet([["person", "name"], ["_id"]])
  /// try JSONParser.extract(bytes, paths: wanted)  // [<person.name>, <_id>]
  /// ```
  public static func extract(_ bytes: UnsafeBufferPointer<UInt8>, paths: JSONPathSet)
    throws(JSONParseError) -> [JSONValue?]?
  {
    var reader = Reader(bytes: bytes)
    reader.skipWhitespace()
    guard reader.current == UInt8(ascii: "{") else {
      // Not an object: still check that it is JSON, so malformed text is named as such.
      _ = try parse(bytes)
      return nil
    }
    var leaves = [JSONValue?](repeating: nil, count: paths.count)
    try reader.extract(node: 0, paths: paths, into: &leaves, depth: 0)
    reader.skipWhitespace()
    guard reader.position == bytes.count else {
      throw JSONParseError(offset: reader.position, reason: "unexpected text after the JSON value")
    }
    return leaves
  }
}

/// A set of object-key paths, as a trie, for ``JSONParser/extract(_:paths:)``.
public struct JSONPathSet: Sendable {
  struct Node: Sendable {
    var children: [(key: [UInt8], child: Int)] = []
    /// The path's position in the set, when a path ends here.
    var leaf: Int?
    /// The positions of every path that ends here or below.
    var leavesBelow: [Int] = []
  }

  var nodes: [Node] = [Node()]

  /// The number of paths.
  public let count: Int

  /// Creates the set of `paths` (each a non-empty list of object keys, none repeated).
  public init(_ paths: [[String]]) {
    count = paths.count
    for (position, path) in paths.enumerated() where !path.isEmpty {
      var node = 0
      for key in path {
        let bytes = Array(key.utf8)
        if let existing = nodes[node].children.first(where: { $0.key == bytes }) {
          node = existing.child
        } else {
          nodes.append(Node())
          nodes[node].children.append((bytes, nodes.count - 1))
          node = nodes.count - 1
        }
      }
      nodes[node].leaf = position
    }
    for index in nodes.indices.reversed() {
      var below = nodes[index].leaf.map { [$0] } ?? []
      for child in nodes[index].children { below += nodes[child.child].leavesBelow }
      nodes[index].leavesBelow = below
    }
  }
}

extension JSONParser.Reader {
  mutating func extract(
    node: Int, paths: JSONPathSet, into leaves: inout [JSONValue?], depth: Int
  ) throws(JSONParseError) {
    guard depth < 512 else { throw fail("the document is nested too deeply") }
    let entry = paths.nodes[node]
    if let leaf = entry.leaf {
      leaves[leaf] = try parseValue(depth: depth)
      return
    }
    guard current == UInt8(ascii: "{"), !entry.children.isEmpty else {
      try skipValue(depth: depth)
      return
    }
    position += 1
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      position += 1
      return
    }
    while true {
      skipWhitespace()
      guard current == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
      let child = try matchKey(entry.children)
      skipWhitespace()
      guard current == UInt8(ascii: ":") else { throw fail("expected ':' after a key") }
      position += 1
      skipWhitespace()
      if let child {
        // A repeated key's last value counts, as with `parse`: forget what an earlier one gave.
        for leaf in paths.nodes[child.child].leavesBelow { leaves[leaf] = nil }
        try extract(node: child.child, paths: paths, into: &leaves, depth: depth + 1)
      } else {
        try skipValue(depth: depth + 1)
      }
      skipWhitespace()
      guard let byte = current else { throw fail("unexpected end of input in an object") }
      position += 1
      if byte == UInt8(ascii: "}") { return }
      guard byte == UInt8(ascii: ",") else {
        position -= 1
        throw fail("expected ',' or '}' in an object")
      }
    }
  }

  /// Reads a key and returns the child it names, if any.
  mutating func matchKey(_ children: [(key: [UInt8], child: Int)]) throws(JSONParseError)
    -> (key: [UInt8], child: Int)?
  {
    let start = position + 1
    var end = start
    while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\") {
      end += 1
    }
    if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
      let length = end - start
      position = end + 1
      for child in children where child.key.count == length {
        var same = true
        for offset in 0..<length where bytes[start + offset] != child.key[offset] {
          same = false
          break
        }
        if same { return child }
      }
      var index = start
      while index < end {
        let byte = bytes[index]
        if byte < 0x20 {
          throw JSONParseError(offset: index, reason: "control character in a string")
        }
        if byte >= 0x80 {
          position = index
          index += try utf8SequenceLength()
        } else {
          index += 1
        }
      }
      position = end + 1
      return nil
    }
    let key = Array(try parseString().utf8)
    return children.first { $0.key == key }
  }

  /// Checks one value without building it.
  mutating func skipValue(depth: Int) throws(JSONParseError) {
    guard depth < 512 else { throw fail("the document is nested too deeply") }
    guard let byte = current else { throw fail("unexpected end of input") }
    switch byte {
    case UInt8(ascii: "{"):
      position += 1
      skipWhitespace()
      if current == UInt8(ascii: "}") {
        position += 1
        return
      }
      while true {
        skipWhitespace()
        guard current == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
        try skipString()
        skipWhitespace()
        guard current == UInt8(ascii: ":") else { throw fail("expected ':' after a key") }
        position += 1
        skipWhitespace()
        try skipValue(depth: depth + 1)
        skipWhitespace()
        guard let next = current else { throw fail("unexpected end of input in an object") }
        position += 1
        if next == UInt8(ascii: "}") { return }
        guard next == UInt8(ascii: ",") else {
          position -= 1
          throw fail("expected ',' or '}' in an object")
        }
      }
    case UInt8(ascii: "["):
      position += 1
      skipWhitespace()
      if current == UInt8(ascii: "]") {
        position += 1
        return
      }
      while true {
        skipWhitespace()
        try skipValue(depth: depth + 1)
        skipWhitespace()
        guard let next = current else { throw fail("unexpected end of input in an array") }
        position += 1
        if next == UInt8(ascii: "]") { return }
        guard next == UInt8(ascii: ",") else {
          position -= 1
          throw fail("expected ',' or ']' in an array")
        }
      }
    case UInt8(ascii: "\""): try skipString()
    default: _ = try parseValue(depth: depth)
    }
  }

  /// Checks a string without building it.
  mutating func skipString() throws(JSONParseError) {
    position += 1
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        position += 1
        return
      }
      if byte == UInt8(ascii: "\\") {
        guard position + 1 < bytes.count else { throw fail("unexpected end of input in a string") }
        let escape = bytes[position + 1]
        if escape == UInt8(ascii: "u") {
          position += 2
          _ = try parseUnicodeEscape()
          continue
        }
        guard
          [UInt8(ascii: "\""), 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74].contains(escape)
        else {
          position += 1
          throw fail("invalid escape in a string")
        }
        position += 2
        continue
      }
      if byte < 0x20 { throw fail("control character in a string") }
      if byte >= 0x80 {
        position += try utf8SequenceLength()
        continue
      }
      position += 1
    }
    throw fail("unterminated string")
  }
}

extension JSONValue {
  /// Sets `value` at the object-key `path`, creating objects on the way (replacing non-objects).
  public mutating func setValue(_ value: JSONValue, at path: ArraySlice<String>) {
    guard let key = path.first else {
      self = value
      return
    }
    var members: [String: JSONValue] = [:]
    if case .object(let existing) = self { members = existing }
    // Drop this value's reference first, so the members are updated in place, not copied.
    self = .null
    members[key, default: .object([:])].setValue(value, at: path.dropFirst())
    self = .object(members)
  }
}
