/// The checks a fuzz target makes on what the code under test answered.
public enum FuzzOracle {
  /// Stops the process when `condition` is false: libFuzzer saves the input as a finding.
  ///
  /// This is the one place where the project traps on purpose; it runs only in fuzz targets
  /// and in the corpus replay tests.
  public static func require(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String
  ) {
    if !condition() { fatalError("fuzz oracle: \(message())") }
  }

  /// The input as text, or `nil` when it is too long to be worth the time (inputs are bounded
  /// so one run stays fast).
  public static func text(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int = 64 * 1024) -> String? {
    guard bytes.count <= limit else { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }
}
