import Foundation

/// Shows long text one screen at a time through `$PAGER` (default `less -R`), but only when
/// standard output is a terminal; captured or piped output is written as it is.
enum Pager {
  /// Writes `text` to `console`, through a pager when it is a terminal and `text` is taller
  /// than the screen.
  static func show(_ text: String, console: Console, environment: [String: String]) {
    let text = console.presentingCommands(text)
    let lines = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
    guard console.isTerminal, lines > screenHeight() - 2, page(text, environment: environment)
    else {
      console.write(text)
      return
    }
  }

  /// Pipes `text` into the pager; `false` when none could be started.
  private static func page(_ text: String, environment: [String: String]) -> Bool {
    let command = environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -R"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    var pagerEnvironment = environment
    // -F: no paging when it fits; -X: the text stays on screen after quitting.
    if pagerEnvironment["LESS"] == nil { pagerEnvironment["LESS"] = "-RFX" }
    process.environment = pagerEnvironment
    let pipe = Pipe()
    process.standardInput = pipe
    do {
      try process.run()
    } catch {
      return false
    }
    // Quitting the pager early closes the pipe: ignore SIGPIPE and the write error it causes.
    let previous = signal(SIGPIPE, SIG_IGN)
    try? pipe.fileHandleForWriting.write(contentsOf: Data(text.utf8))
    try? pipe.fileHandleForWriting.close()
    signal(SIGPIPE, previous)
    process.waitUntilExit()
    // 127: the shell found no such pager; show the text instead.
    return process.terminationStatus != 127
  }

  private static func screenHeight() -> Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 {
      return Int(size.ws_row)
    }
    return 24
  }
}
