import FuzzTargets

/// Fuzzes `JSONReaderFuzzTarget` (see Fuzz/README.md).
@main
enum FuzzJSONReader {
  /// Runs libFuzzer, or replays the files given.
  static func main() {
    FuzzDriver.main(JSONReaderFuzzTarget.run)
  }
}
