/// Percent-encoding for query strings and form bodies.
///
/// Only RFC 3986 unreserved characters stay as they are, so the `+` in
/// `john+doe@example.com` or `+15555550123` is sent as `%2B` and never read back as a space.
///
/// For example:
///
/// ```swift
/// QueryString.encode([("entityId", "a+b@example.com")])  // "entityId=a%2Bb%40example.com"
/// ```
public enum QueryString {
  /// `value` with everything but `A–Z a–z 0–9 - . _ ~` percent-encoded (UTF-8).
  public static func escape(_ value: String) -> String {
    var output = ""
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"):
        output.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = Array("0123456789ABCDEF")
        output += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0x0F)])
      }
    }
    return output
  }

  /// `name=value&...` with both sides escaped, in the given order.
  public static func encode(_ items: [(String, String)]) -> String {
    items.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
  }
}
