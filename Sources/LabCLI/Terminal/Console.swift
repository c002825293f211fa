import Foundation

/// Where commands write: standard output and error, with colour only when it is a terminal.
///
/// Commands read ``Console/current``; tests replace it with a capturing console through
/// `Console.$current.withValue(...)`, so output is asserted without a terminal.
public struct Console: Sendable {
  /// The console commands write to in this task.
  @TaskLocal public static var current = Console.standard()

  /// Whether standard output is a terminal.
  public var isTerminal: Bool
  /// Whether ANSI colours and styles are written.
  public var colorEnabled: Bool
  /// The width text is wrapped to.
  public var width: Int
  private let sink: Sink

  /// A console on the process's standard output and error.
  ///
  /// Colour is on only on a terminal, and off whenever `NO_COLOR` is set (to anything) or
  /// `TERM` is `dumb`.
  public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> Console
  {
    let tty = isatty(STDOUT_FILENO) == 1
    let noColor = environment["NO_COLOR"] != nil || environment["TERM"] == "dumb"
    return Console(
      isTerminal: tty, colorEnabled: tty && !noColor,
      width: Self.terminalWidth(environment: environment), sink: Sink(capturing: false))
  }

  /// A console that records everything for tests.
  public static func capturing(width: Int = 80, color: Bool = false) -> Console {
    Console(isTerminal: false, colorEnabled: color, width: width, sink: Sink(capturing: true))
  }

  /// Writes `text` and a newline to standard output.
  public func line(_ text: String = "") { write(text + "\n") }

  /// Writes `text` to standard output, with its `aep-lab` commands spelt the way the learner
  /// can type them (see ``presentingCommands(_:)``).
  public func write(_ text: String) { sink.write(presentingCommands(text), error: false) }

  /// Writes `text` to standard output exactly as it is: for data received from elsewhere,
  /// such as a server's response body.
  public func writeRaw(_ text: String) { sink.write(text, error: false) }

  /// Writes `text` and a newline to standard error, commands spelt as in ``write(_:)``.
  public func error(_ text: String) { sink.write(presentingCommands(text) + "\n", error: true) }

  /// `text` with each `aep-lab ` that starts a command replaced by the name in
  /// `AEP_LAB_PROGRAM` (`bin/aep-lab` in a fresh clone without `bin` on `PATH`); unchanged
  /// when the variable is not set.
  public func presentingCommands(_ text: String) -> String {
    CommandSpelling.from(environment: LabEnvironment.current)?.apply(to: text) ?? text
  }

  /// Whether anything was written to standard output through this console yet.
  public var hasWrittenOutput: Bool { sink.hasWrittenOutput }

  /// What a capturing console recorded on standard output.
  public var capturedOutput: String { sink.captured(error: false) }

  /// What a capturing console recorded on standard error.
  public var capturedError: String { sink.captured(error: true) }

  /// `text` in `style`, or `text` unchanged when colour is off.
  public func styled(_ text: String, _ style: TextStyle) -> String {
    colorEnabled ? style.apply(to: text) : text
  }

  private static func terminalWidth(environment: [String: String]) -> Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return min(Int(size.ws_col), 120)
    }
    if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 20 {
      return min(columns, 120)
    }
    return 80
  }
}

/// The destination behind a ``Console``: the real streams, or a lock-protected buffer.
private final class Sink: @unchecked Sendable {
  // Mutable state is guarded by `lock`.
  private let lock = NSLock()
  private let capturing: Bool
  private var output = ""
  private var errors = ""
  private var wroteOutput = false

  init(capturing: Bool) { self.capturing = capturing }

  var hasWrittenOutput: Bool { lock.withLock { wroteOutput } }

  func write(_ text: String, error: Bool) {
    if !error, !text.isEmpty { lock.withLock { wroteOutput = true } }
    guard capturing else {
      FileHandle(fileDescriptor: error ? STDERR_FILENO : STDOUT_FILENO).write(Data(text.utf8))
      return
    }
    lock.withLock {
      if error { errors += text } else { output += text }
    }
  }

  func captured(error: Bool) -> String {
    lock.withLock { error ? errors : output }
  }
}
