/// A fast JSON parser over UTF-8 bytes, producing ``JSONValue``.
///
/// It follows RFC 8259 strictly (no comments, no trailing commas, no leading zeros) and reports
/// the byte offset of the first problem. Ingest uses it on every record, so it reads bytes
/// directly instead of going through Foundation.
///
/// For example:
///
/// ```swift
/// let value = try JSONParser.parse(#"{"person": {"name": "Ana"}}"#)
/// value[path: ["person", "name"]]  // .string("Ana")
/// ```
public enum JSONParser {
  /// Parses one JSON document from `text`.
  public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    var copy = text
    let result: Result<JSONValue, JSONParseError> = copy.withUTF8 { bytes in
      do {
        return .success(try parse(bytes))
      } catch let error as JSONParseError {
        return .failure(error)
      } catch {
        return .failure(JSONParseError(offset: 0, reason: "unreadable input"))
      }
    }
    return try result.get()
  }

  /// Parses one JSON document from UTF-8 bytes; whitespace may surround it.
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue
  {
    var reader = Reader(bytes: bytes)
    reader.skipWhitespace()
    let value = try reader.parseValue(depth: 0)
    reader.skipWhitespace()
    guard reader.position == bytes.count else {
      throw JSONParseError(offset: reader.position, reason: "unexpected text after the JSON value")
    }
    return value
  }

  /// The elements of the JSON array in `bytes`, each with the byte offset where it starts
  /// (so a caller can name an element's line); whitespace may surround the array.
  public static func parseArrayElements(_ bytes: UnsafeBufferPointer<UInt8>)
    throws(JSONParseError) -> [(offset: Int, value: JSONValue)]
  {
    var reader = Reader(bytes: bytes)
    reader.skipWhitespace()
    guard reader.current == UInt8(ascii: "[") else { throw reader.fail("expected '['") }
    reader.position += 1
    var elements: [(offset: Int, value: JSONValue)] = []
    reader.skipWhitespace()
    if reader.current == UInt8(ascii: "]") {
      reader.position += 1
    } else {
      while true {
        reader.skipWhitespace()
        let offset = reader.position
        elements.append((offset, try reader.parseValue(depth: 1)))
        reader.skipWhitespace()
        guard let byte = reader.current else {
          throw reader.fail("unexpected end of input in an array")
        }
        reader.position += 1
        if byte == UInt8(ascii: "]") { break }
        guard byte == UInt8(ascii: ",") else {
          reader.position -= 1
          throw reader.fail("expected ',' or ']' in an array")
        }
      }
    }
    reader.skipWhitespace()
    guard reader.position == bytes.count else {
      throw JSONParseError(offset: reader.position, reason: "unexpected text after the JSON value")
    }
    return elements
  }

  struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    /// The members read so far of the objects being read, innermost last.
    var pending: [(key: String, value: JSONValue)] = []

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipWhitespace() {
      while position < bytes.count {
        switch bytes[position] {
        case 0x20, 0x0A, 0x0D, 0x09: position += 1
        default: return
        }
      }
    }

    func fail(_ reason: String) -> JSONParseError {
      JSONParseError(offset: position, reason: reason)
    }

    mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
      guard depth < 512 else { throw fail("the document is nested too deeply") }
      guard let byte = current else { throw fail("unexpected end of input") }
      switch byte {
      case UInt8(ascii: "{"): return try parseObject(depth: depth)
      case UInt8(ascii: "["): return try parseArray(depth: depth)
      case UInt8(ascii: "\""): return .string(try parseString())
      case UInt8(ascii: "t"):
        try expect("true")
        return .bool(true)
      case UInt8(ascii: "f"):
        try expect("false")
        return .bool(false)
      case UInt8(ascii: "n"):
        try expect("null")
        return .null
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        return .number(try parseNumber())
      default: throw fail("unexpected character '\(Character(Unicode.Scalar(byte)))'")
      }
    }

    mutating func expect(_ word: StaticString) throws(JSONParseError) {
      let count = word.utf8CodeUnitCount
      guard position + count <= bytes.count else { throw fail("unexpected end of input") }
      let start = word.utf8Start
      for offset in 0..<count where bytes[position + offset] != start[offset] {
        throw fail("expected '\(word)'")
      }
      position += count
    }

    mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
      position += 1
      skipWhitespace()
      if current == UInt8(ascii: "}") {
        position += 1
        return .object([:])
      }
      // The members wait on a stack shared by every object being read, so the dictionary is
      // made once at its final size instead of growing (and rehashing) member by member.
      let start = pending.count
      defer { pending.removeSubrange(start...) }
      while true {
        skipWhitespace()
        guard current == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
        let key = try parseString()
        skipWhitespace()
        guard current == UInt8(ascii: ":") else { throw fail("expected ':' after a key") }
        position += 1
        skipWhitespace()
        let value = try parseValue(depth: depth + 1)
        pending.append((key, value))
        skipWhitespace()
        guard let byte = current else { throw fail("unexpected end of input in an object") }
        position += 1
        if byte == UInt8(ascii: "}") {
          // A repeated key keeps its last value.
          var members = [String: JSONValue](minimumCapacity: pending.count - start)
          for index in start..<pending.count { members[pending[index].key] = pending[index].value }
          return .object(members)
        }
        guard byte == UInt8(ascii: ",") else {
          position -= 1
          throw fail("expected ',' or '}' in an object")
        }
      }
    }

    mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
      position += 1
      var elements: [JSONValue] = []
      skipWhitespace()
      if current == UInt8(ascii: "]") {
        position += 1
        return .array(elements)
      }
      while true {
        skipWhitespace()
        elements.append(try parseValue(depth: depth + 1))
        skipWhitespace()
        guard let byte = current else { throw fail("unexpected end of input in an array") }
        position += 1
        if byte == UInt8(ascii: "]") { return .array(elements) }
        guard byte == UInt8(ascii: ",") else {
          position -= 1
          throw fail("expected ',' or ']' in an array")
        }
      }
    }

    mutating func parseString() throws(JSONParseError) -> String {
      position += 1
      let start = position
      while position < bytes.count {
        let byte = bytes[position]
        if byte == UInt8(ascii: "\"") {
          let text = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
          position += 1
          return text
        }
        if byte == UInt8(ascii: "\\") { break }
        if byte < 0x20 { throw fail("control character in a string") }
        if byte >= 0x80 {
          position += try utf8SequenceLength()
          continue
        }
        position += 1
      }
      var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
      while position < bytes.count {
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""):
          return String(decoding: buffer, as: UTF8.self)
        case UInt8(ascii: "\\"):
          guard let escape = current else { throw fail("unexpected end of input in a string") }
          position += 1
          switch escape {
          case UInt8(ascii: "\""): buffer.append(0x22)
          case UInt8(ascii: "\\"): buffer.append(0x5C)
          case UInt8(ascii: "/"): buffer.append(0x2F)
          case UInt8(ascii: "b"): buffer.append(0x08)
          case UInt8(ascii: "f"): buffer.append(0x0C)
          case UInt8(ascii: "n"): buffer.append(0x0A)
          case UInt8(ascii: "r"): buffer.append(0x0D)
          case UInt8(ascii: "t"): buffer.append(0x09)
          case UInt8(ascii: "u"):
            let unicode = try parseUnicodeEscape()
            buffer.append(contentsOf: Array(String(Character(unicode)).utf8))
          default: throw fail("invalid escape in a string")
          }
        default:
          if byte < 0x20 { throw fail("control character in a string") }
          if byte >= 0x80 {
            position -= 1
            let length = try utf8SequenceLength()
            buffer.append(
              contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<position + length]))
            position += length
            continue
          }
          buffer.append(byte)
        }
      }
      throw fail("unterminated string")
    }

    /// The length of the well-formed UTF-8 sequence at ``position`` (its first byte is at least
    /// 0x80); throws for an invalid one, which the lab refuses rather than store as U+FFFD.
    func utf8SequenceLength() throws(JSONParseError) -> Int {
      let first = bytes[position]
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch first {
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        high = 0x9F
      case 0xF0:
        length = 4
        low = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        high = 0x8F
      default: throw fail("invalid UTF-8 in a string")
      }
      guard position + length <= bytes.count else { throw fail("invalid UTF-8 in a string") }
      let second = bytes[position + 1]
      guard second >= low, second <= high else { throw fail("invalid UTF-8 in a string") }
      for offset in 2..<length {
        let byte = bytes[position + offset]
        guard byte >= 0x80, byte <= 0xBF else { throw fail("invalid UTF-8 in a string") }
      }
      return length
    }

    /// Reads `\uXXXX` (the `\u` already read) and, for a high surrogate, the `\uXXXX` low
    /// surrogate that must follow; the scalar value.
    mutating func parseUnicodeEscape() throws(JSONParseError) -> Unicode.Scalar {
      var scalar = try parseHex4()
      if (0xD800..<0xDC00).contains(scalar) {
        guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
          bytes[position + 1] == UInt8(ascii: "u")
        else { throw fail("unpaired surrogate in a string") }
        position += 2
        let low = try parseHex4()
        guard (0xDC00..<0xE000).contains(low) else { throw fail("invalid surrogate pair") }
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
      }
      guard let unicode = Unicode.Scalar(scalar) else {
        throw fail("unpaired surrogate or invalid unicode escape in a string")
      }
      return unicode
    }

    mutating func parseHex4() throws(JSONParseError) -> UInt32 {
      guard position + 4 <= bytes.count else { throw fail("short unicode escape") }
      var value: UInt32 = 0
      for _ in 0..<4 {
        let byte = bytes[position]
        let digit: UInt32
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - 48)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - 87)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - 55)
        default: throw fail("invalid hex digit in a unicode escape")
        }
        value = value << 4 | digit
        position += 1
      }
      return value
    }

    mutating func parseNumber() throws(JSONParseError) -> Double {
      let start = position
      var negative = false
      if current == UInt8(ascii: "-") {
        negative = true
        position += 1
      }
      guard let first = current, first >= 48, first <= 57 else { throw fail("expected a digit") }
      var integer: UInt64 = 0
      var digits = 0
      if first == 48 {
        position += 1
        if let next = current, next >= 48, next <= 57 { throw fail("leading zero in a number") }
      } else {
        while let byte = current, byte >= 48, byte <= 57 {
          if digits < 18 { integer = integer * 10 + UInt64(byte - 48) }
          digits += 1
          position += 1
        }
      }
      var isSimple = digits <= 18
      if current == UInt8(ascii: ".") {
        isSimple = false
        position += 1
        guard let byte = current, byte >= 48, byte <= 57 else {
          throw fail("expected a digit after '.'")
        }
        while let byte = current, byte >= 48, byte <= 57 { position += 1 }
      }
      if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
        isSimple = false
        position += 1
        if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
        guard let byte = current, byte >= 48, byte <= 57 else {
          throw fail("expected a digit in an exponent")
        }
        while let byte = current, byte >= 48, byte <= 57 { position += 1 }
      }
      if isSimple {
        let value = Double(integer)
        return negative ? -value : value
      }
      let text = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
      guard let value = Double(text) else {
        throw JSONParseError(offset: start, reason: "invalid number")
      }
      guard value.isFinite else {
        throw JSONParseError(
          offset: start,
          reason: "the number \(text.prefix(40)) is out of range (at most about 1.8e308)")
      }
      return value
    }
  }
}

/// Why a JSON document could not be parsed, and where.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The byte offset of the problem.
  public var offset: Int
  /// What is wrong.
  public var reason: String

  /// Creates an error.
  public init(offset: Int, reason: String) {
    self.offset = offset
    self.reason = reason
  }

  /// "reason at byte N".
  public var description: String { "\(reason) at byte \(offset + 1)" }
}
