import LabCore
import PQL

/// A `pql/json` document through the decoder: whatever it decodes to must compile and encode
/// to a tree that decodes to the same text.
public enum PQLJSONFuzzTarget {
  /// Runs one input.
  public static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count <= 64 * 1024, let tree = try? JSONParser.parse(bytes),
      let text = try? PQLJSON.decode(tree)
    else { return }
    do {
      let again = try PQLJSON.decode(try PQLJSON.encode(text))
      FuzzOracle.require(again == text, "'\(text)' decodes back as '\(again)'")
    } catch {
      FuzzOracle.require(false, "decoded text '\(text)' fails: \(error)")
    }
  }
}
