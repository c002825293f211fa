import Foundation
import LabCore

/// A small line editor for the terminal: cursor movement, deletion and history, in raw mode.
///
/// Without a terminal on standard input it reads plain lines, so piped input works too.
struct LineEditor {
  private let console: Console
  private var history: [String] = []
  /// Whether standard input and output are terminals (line editing is on).
  let isInteractive: Bool

  init(console: Console) {
    self.console = console
    isInteractive = isatty(STDIN_FILENO) == 1 && console.isTerminal
  }

  /// Reads one line after showing `prompt`, or `nil` at the end of input (Ctrl-D).
  mutating func readLine(prompt: String) -> String? {
    guard isInteractive else {
      return Swift.readLine(strippingNewline: true)
    }
    var original = termios()
    guard tcgetattr(STDIN_FILENO, &original) == 0 else {
      console.write(prompt)
      return Swift.readLine(strippingNewline: true)
    }
    var raw = original
    raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
    raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
    _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw)
    defer { _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &original) }
    let line = edit(prompt: prompt)
    if let line, !line.trimmingCharacters(in: .whitespaces).isEmpty, history.last != line {
      history.append(line)
    }
    return line
  }

  private func readByte() -> UInt8? {
    var byte: UInt8 = 0
    return read(STDIN_FILENO, &byte, 1) == 1 ? byte : nil
  }

  private func redraw(_ prompt: String, _ buffer: [Character], _ cursor: Int) {
    var text = "\r" + prompt + String(buffer) + "\u{1B}[K"
    let back = buffer.count - cursor
    if back > 0 { text += "\u{1B}[\(back)D" }
    console.write(text)
  }

  private func edit(prompt: String) -> String? {
    var buffer: [Character] = []
    var cursor = 0
    var historyIndex = history.count
    var scratch: [Character] = []
    console.write(prompt)
    while let byte = readByte() {
      switch byte {
      case 13, 10:
        console.write("\r\n")
        return String(buffer)
      case 4:
        if buffer.isEmpty { return nil }
        if cursor < buffer.count { buffer.remove(at: cursor) }
      case 3:
        console.write("^C\r\n")
        buffer = []
        cursor = 0
        console.write(prompt)
        continue
      case 127, 8:
        if cursor > 0 {
          buffer.remove(at: cursor - 1)
          cursor -= 1
        }
      case 1: cursor = 0
      case 5: cursor = buffer.count
      case 11: buffer.removeSubrange(cursor...)
      case 21:
        buffer.removeSubrange(..<cursor)
        cursor = 0
      case 27:
        guard readByte() == 91, let code = readByte() else { continue }
        switch code {
        case 65, 66:
          guard !history.isEmpty else { continue }
          if historyIndex == history.count { scratch = buffer }
          historyIndex =
            code == 65 ? max(0, historyIndex - 1) : min(history.count, historyIndex + 1)
          buffer = historyIndex == history.count ? scratch : Array(history[historyIndex])
          cursor = buffer.count
        case 67: cursor = min(buffer.count, cursor + 1)
        case 68: cursor = max(0, cursor - 1)
        case 72: cursor = 0
        case 70: cursor = buffer.count
        case 51:
          _ = readByte()
          if cursor < buffer.count { buffer.remove(at: cursor) }
        default: break
        }
      default:
        guard byte >= 32 else { continue }
        var bytes = [byte]
        let extra = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : byte >= 0xC0 ? 1 : 0
        for _ in 0..<extra { if let next = readByte() { bytes.append(next) } }
        for character in String(decoding: bytes, as: UTF8.self) {
          buffer.insert(character, at: cursor)
          cursor += 1
        }
      }
      redraw(prompt, buffer, cursor)
    }
    return buffer.isEmpty ? nil : String(buffer)
  }
}
