import Foundation
import Identities

/// The lab's native identity ids (XIDs): `base64url("{nsid}|{value}")` without padding.
///
/// The Platform's XIDs are opaque; the lab makes them deterministic so the same identity
/// always has the same XID and a learner can decode one.
public enum XID {
  /// The XID of `identity`, whose namespace has numeric id `nsid`.
  public static func make(nsid: Int, id: String) -> String {
    let bytes = Array("\(nsid)|\(id)".utf8)
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count * 4 / 3 + 4)
    var index = 0
    while index + 3 <= bytes.count {
      let chunk =
        UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
      for shift in [18, 12, 6, 0] { output.append(alphabet[Int(chunk >> UInt32(shift) & 63)]) }
      index += 3
    }
    let rest = bytes.count - index
    if rest == 1 {
      let chunk = UInt32(bytes[index]) << 16
      for shift in [18, 12] { output.append(alphabet[Int(chunk >> UInt32(shift) & 63)]) }
    } else if rest == 2 {
      let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
      for shift in [18, 12, 6] { output.append(alphabet[Int(chunk >> UInt32(shift) & 63)]) }
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// The namespace id and value a lab XID stands for, or `nil` when `xid` is not one.
  ///
  /// For example, `XID.decode("NnxqYW5lQGV4YW1wbGUuY29t")` is `(6, "jane@example.com")`.
  public static func decode(_ xid: String) -> (nsid: Int, id: String)? {
    var base64 = xid.replacingOccurrences(of: "-", with: "+").replacingOccurrences(
      of: "_", with: "/")
    base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
    guard let data = Data(base64Encoded: base64),
      let text = String(data: data, encoding: .utf8),
      let bar = text.firstIndex(of: "|"), let nsid = Int(text[..<bar])
    else { return nil }
    let id = String(text[text.index(after: bar)...])
    return id.isEmpty ? nil : (nsid, id)
  }

  /// The XID of `identity` in `registry`.
  public static func make(_ identity: Identity, registry: NamespaceRegistry) -> String {
    make(nsid: registry.namespace(for: identity.namespace)?.id ?? 0, id: identity.id)
  }
}
