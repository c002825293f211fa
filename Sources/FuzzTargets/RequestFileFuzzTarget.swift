import PlatformAPI

/// Text through the `.http` request-file parser: it answers a file or a ``RequestFileError``,
/// and every request it finds names a line inside the file.
public enum RequestFileFuzzTarget {
  /// Runs one input.
  public static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let text = FuzzOracle.text(bytes),
      let file = try? HTTPRequestFile.parse(text, path: "fuzz.http")
    else { return }
    let lineCount = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
    for request in file.requests {
      FuzzOracle.require(
        request.line >= 1 && request.line <= max(lineCount, 1),
        "a request names line \(request.line) of a \(lineCount)-line file")
    }
  }
}
