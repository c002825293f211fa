import FuzzTargets

/// Fuzzes `PQLParserFuzzTarget` (see Fuzz/README.md).
@main
enum FuzzPQLParser {
  /// Runs libFuzzer, or replays the files given.
  static func main() {
    FuzzDriver.main(PQLParserFuzzTarget.run)
  }
}
