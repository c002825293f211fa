import Foundation

/// A progress bar for long work, drawn on standard error only when it is a terminal.
///
/// Redraws at most ten times a second, so calling ``update(_:)`` per record costs little.
///
/// For example:
///
/// ```swift
/// let bar = ProgressBar(title: "Ingesting", total: records.count)
/// for (index, record) in records.enumerated() { ...; bar.update(index + 1) }
/// bar.finish()
/// ```
public final class ProgressBar: @unchecked Sendable {
  // Mutable state is guarded by `lock`.
  private let lock = NSLock()
  private let title: String
  private let total: Int
  private let isEnabled: Bool
  private var lastDraw: UInt64 = 0

  /// Creates a bar; it draws nothing unless standard error is a terminal.
  public init(title: String, total: Int, enabled: Bool = isatty(STDERR_FILENO) == 1) {
    self.title = title
    self.total = max(total, 1)
    self.isEnabled = enabled
  }

  /// Shows that `done` of the total units are finished.
  public func update(_ done: Int) {
    guard isEnabled else { return }
    let now = DispatchTime.now().uptimeNanoseconds
    lock.withLock {
      guard now - lastDraw > 100_000_000 || done >= total else { return }
      lastDraw = now
      FileHandle.standardError.write(Data(("\r" + Self.render(title, done, total)).utf8))
    }
  }

  /// Clears the bar's line.
  public func finish() {
    guard isEnabled else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
  }

  /// The bar as text, for example `Ingesting [#######.............]  35% 350/1000`.
  public static func render(_ title: String, _ done: Int, _ total: Int, width: Int = 30) -> String {
    let fraction = min(1, max(0, Double(done) / Double(max(total, 1))))
    let filled = Int((fraction * Double(width)).rounded())
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    let percent = String(Int((fraction * 100).rounded()))
    return "\(title) [\(bar)] \(String(repeating: " ", count: 3 - percent.count))\(percent)% "
      + "\(done)/\(total)"
  }
}
