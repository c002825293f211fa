import LabCore
import PlatformAPI

/// Prints a Platform reply: the body as received for `--format json`, a summary otherwise.
enum ReplyPrinter {
  /// Writes `reply`'s body exactly as received, ending with a newline.
  static func printBody(_ reply: PlatformReply, console: Console = .current) {
    let text = reply.bodyText
    console.write(text.hasSuffix("\n") ? text : text + "\n")
  }

  /// `value` as short text for a summary line (strings unquoted).
  static func text(_ value: JSONValue?) -> String {
    guard let value else { return "–" }
    if case .string(let string) = value { return string }
    return value.serialized()
  }
}
