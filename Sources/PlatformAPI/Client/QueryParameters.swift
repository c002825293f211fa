/// A request's query parameters (or an HTML form's fields) decoded the way the Platform's servers decode them: `%XX`
/// escapes become bytes and a bare `+` becomes a space.
///
/// That is why `entityId=jane+doe@example.com` finds nobody: the value arrives as
/// `jane doe@example.com`. Sent as `jane%2Bdoe%40example.com` it arrives intact.
public struct QueryParameters: Sendable, Equatable {
  /// The pairs in the order they were sent.
  public var items: [(name: String, value: String)]

  /// Parses a raw query string (without the `?`).
  public init(_ query: String?) {
    items = (query ?? "").split(separator: "&", omittingEmptySubsequences: true).map { pair in
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = Self.decode(parts[0])
      let value = parts.count > 1 ? Self.decode(parts[1]) : ""
      return (name, value)
    }
  }

  /// The first non-empty value of `name` (exact match), if any.
  public subscript(_ name: String) -> String? {
    items.first { $0.name == name && !$0.value.isEmpty }?.value
  }

  /// The first value of any of `names`, in the order given.
  public func first(of names: String...) -> String? {
    for name in names {
      if let value = self[name] { return value }
    }
    return nil
  }

  /// The non-empty pairs as a dictionary (a repeated name keeps its first value).
  ///
  /// An empty value counts as absent, as Postman sends `name=` for every variable left blank.
  public var dictionary: [String: String] {
    var result: [String: String] = [:]
    for item in items where result[item.name] == nil && !item.value.isEmpty {
      result[item.name] = item.value
    }
    return result
  }

  public static func == (lhs: QueryParameters, rhs: QueryParameters) -> Bool {
    lhs.items.elementsEqual(rhs.items) { $0.name == $1.name && $0.value == $1.value }
  }

  /// Form decoding: `+` → space, `%XX` → byte; a malformed escape is kept as written.
  static func decode(_ text: Substring) -> String {
    var bytes: [UInt8] = []
    var utf8 = Array(text.utf8)[...]
    while let byte = utf8.popFirst() {
      if byte == UInt8(ascii: "+") {
        bytes.append(UInt8(ascii: " "))
      } else if byte == UInt8(ascii: "%"), utf8.count >= 2,
        let high = hexValue(utf8[utf8.startIndex]),
        let low = hexValue(utf8[utf8.startIndex + 1])
      {
        bytes.append(high << 4 | low)
        utf8 = utf8.dropFirst(2)
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}
