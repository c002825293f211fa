import Foundation
import LabCore
import PlatformAPI

/// Prints a Platform reply: the body as received for `--format json`, a summary otherwise.
enum ReplyPrinter {
  /// Writes `reply`'s body exactly as received, ending with a newline.
  static func printBody(_ reply: PlatformReply, console: Console = .current) {
    let text = reply.bodyText
    console.writeRaw(text.hasSuffix("\n") ? text : text + "\n")
  }

  /// An epoch-milliseconds value as an ISO 8601 time; anything else as ``text(_:)``.
  static func time(_ value: JSONValue?) -> String {
    guard let milliseconds = value?.numberValue else { return text(value) }
    return ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: milliseconds / 1000))
  }

  /// `value` as short text for a summary line (strings unquoted).
  static func text(_ value: JSONValue?) -> String {
    guard let value else { return "–" }
    if case .string(let string) = value { return string }
    return value.serialized()
  }
}
