import Logging

/// Sends `aep-lab serve`'s log lines (one per request) to the ``Console``.
struct ConsoleLogHandler: LogHandler {
  let console: Console
  var logLevel: Logger.Level = .info
  var metadata: Logger.Metadata = [:]

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
  func log(event: LogEvent) {
    console.line(console.styled("\(event.level)", .dim) + " \(event.message)")
  }
}
