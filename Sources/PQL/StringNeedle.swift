/// The argument of a string predicate, prepared once: lower-cased when case is ignored, with
/// its bytes for the ASCII fast path.
struct StringNeedle: Sendable {
  /// The text to look for (lower-cased when `caseSensitive` is false).
  let text: String
  let caseSensitive: Bool
  private let bytes: [UInt8]
  private let isASCII: Bool

  init(_ text: String, caseSensitive: Bool) {
    self.text = caseSensitive ? text : text.lowercased()
    self.caseSensitive = caseSensitive
    bytes = Array(self.text.utf8)
    isASCII = bytes.allSatisfy { $0 < 0x80 }
  }

  /// Whether `haystack` starts with, ends with, contains or equals the needle, per `builtin`.
  func test(_ builtin: Builtin, in haystack: String) -> Bool {
    if isASCII {
      var copy = haystack
      if let result = copy.withUTF8({ asciiTest(builtin, $0) }) { return result }
    }
    let subject = caseSensitive ? haystack : haystack.lowercased()
    switch builtin {
    case .startsWith, .doesNotStartWith: return subject.hasPrefix(text)
    case .endsWith, .doesNotEndWith: return subject.hasSuffix(text)
    case .contains, .doesNotContain: return text.isEmpty || subject.contains(text)
    default: return subject == text
    }
  }

  /// The answer on bytes when the haystack is ASCII too, or `nil` to use `String`'s rules.
  private func asciiTest(_ builtin: Builtin, _ haystack: UnsafeBufferPointer<UInt8>) -> Bool? {
    for byte in haystack where byte >= 0x80 { return nil }
    let fold = !caseSensitive
    func same(_ offset: Int) -> Bool {
      for index in 0..<bytes.count {
        var byte = haystack[offset + index]
        if fold, byte >= 65, byte <= 90 { byte += 32 }
        if byte != bytes[index] { return false }
      }
      return true
    }
    let count = bytes.count
    switch builtin {
    case .startsWith, .doesNotStartWith: return haystack.count >= count && same(0)
    case .endsWith, .doesNotEndWith: return haystack.count >= count && same(haystack.count - count)
    case .contains, .doesNotContain:
      guard haystack.count >= count else { return false }
      for offset in 0...(haystack.count - count) where same(offset) { return true }
      return false
    default: return haystack.count == count && same(0)
    }
  }
}
