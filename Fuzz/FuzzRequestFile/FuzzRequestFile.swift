import FuzzTargets

/// Fuzzes `RequestFileFuzzTarget` (see Fuzz/README.md).
@main
enum FuzzRequestFile {
  /// Runs libFuzzer, or replays the files given.
  static func main() {
    FuzzDriver.main(RequestFileFuzzTarget.run)
  }
}
