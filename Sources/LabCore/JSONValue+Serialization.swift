extension JSONValue {
  /// The value as JSON text with sorted keys; `pretty` indents by two spaces.
  ///
  /// Written by hand rather than through `JSONEncoder` so that output is byte-stable across
  /// platforms and fast enough for large responses.
  public func serialized(pretty: Bool = false) -> String {
    var output = ""
    write(to: &output, pretty: pretty, depth: 0)
    return output
  }

  private func write(to output: inout String, pretty: Bool, depth: Int) {
    switch self {
    case .null: output += "null"
    case .bool(let flag): output += flag ? "true" : "false"
    case .number(let number): output += JSONValue.format(number: number)
    case .string(let text): JSONValue.writeQuoted(text, to: &output)
    case .array(let elements):
      if elements.isEmpty {
        output += "[]"
        return
      }
      output += "["
      for (index, element) in elements.enumerated() {
        if index > 0 { output += "," }
        if pretty { JSONValue.newline(&output, depth: depth + 1) }
        element.write(to: &output, pretty: pretty, depth: depth + 1)
      }
      if pretty { JSONValue.newline(&output, depth: depth) }
      output += "]"
    case .object(let members):
      if members.isEmpty {
        output += "{}"
        return
      }
      output += "{"
      for (index, key) in members.keys.sorted().enumerated() {
        if index > 0 { output += "," }
        if pretty { JSONValue.newline(&output, depth: depth + 1) }
        JSONValue.writeQuoted(key, to: &output)
        output += pretty ? ": " : ":"
        members[key, default: .null].write(to: &output, pretty: pretty, depth: depth + 1)
      }
      if pretty { JSONValue.newline(&output, depth: depth) }
      output += "}"
    }
  }

  private static func newline(_ output: inout String, depth: Int) {
    output += "\n"
    output += String(repeating: "  ", count: depth)
  }

  /// Formats a number as JSON does: integers without a fraction, non-finite values as `null`.
  static func format(number: Double) -> String {
    guard number.isFinite else { return "null" }
    if number.rounded() == number, abs(number) < 1e15 {
      return String(Int64(number))
    }
    return "\(number)"
  }

  /// Appends `text` as a quoted JSON string with the required escapes.
  static func writeQuoted(_ text: String, to output: inout String) {
    output += "\""
    // Most strings need no escape: append them whole, which is many times faster than
    // appending scalar by scalar.
    if !text.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) {
      output += text
      output += "\""
      return
    }
    // Byte by byte, safe bytes copied as they are: no byte of a multi-byte UTF-8 sequence is
    // below 0x80, so only ASCII bytes are ever escaped.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 16)
    for byte in text.utf8 {
      switch byte {
      case 0x22: bytes += [0x5C, 0x22]
      case 0x5C: bytes += [0x5C, 0x5C]
      case 0x0A: bytes += [0x5C, 0x6E]
      case 0x0D: bytes += [0x5C, 0x72]
      case 0x09: bytes += [0x5C, 0x74]
      case ..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
      default: bytes.append(byte)
      }
    }
    output += String(decoding: bytes, as: UTF8.self)
    output += "\""
  }
}
