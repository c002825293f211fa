import FuzzTargets

/// Fuzzes `IngestLineFuzzTarget` (see Fuzz/README.md).
@main
enum FuzzIngestLine {
  /// Runs libFuzzer, or replays the files given.
  static func main() {
    FuzzDriver.main(IngestLineFuzzTarget.run)
  }
}
