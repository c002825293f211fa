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
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
