import FuzzTargets

/// Fuzzes `PQLJSONFuzzTarget` (see Fuzz/README.md).
@main
enum FuzzPQLJSON {
  /// Runs libFuzzer, or replays the files given.
  static func main() {
    FuzzDriver.main(PQLJSONFuzzTarget.run)
  }
}
