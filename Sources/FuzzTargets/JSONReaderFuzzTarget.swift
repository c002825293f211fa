import LabCore

/// Bytes through the JSON reader: the full parser and the ingest validator (`extract`) must
/// agree, and what parses must serialise to text that parses to the same value.
public enum JSONReaderFuzzTarget {
  /// The paths `extract` is asked for, as ingest asks.
  static let paths = JSONPathSet([["a"], ["a", "b"], ["identityMap"], ["_id"], ["timestamp"]])

  /// Runs one input.
  public static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count <= 256 * 1024 else { return }
    let parsed = try? JSONParser.parse(bytes)
    let extracted = try? JSONParser.extract(bytes, paths: paths)
    if case .object? = parsed {
      FuzzOracle.require(extracted != nil, "parse accepts an object that extract refuses")
    }
    if extracted != nil {
      FuzzOracle.require(parsed != nil, "extract accepts an object that parse refuses")
    }
    guard let parsed else { return }
    let text = parsed.serialized()
    let again = try? JSONParser.parse(text)
    FuzzOracle.require(again == parsed, "'\(text.prefix(200))' does not read back the same")
  }
}
