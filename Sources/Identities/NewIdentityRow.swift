/// An identity first seen by an ingest, as ``NewIdentities`` hands it to a store.
public struct NewIdentityRow {
  /// Its stored id.
  public var storedID: Int64
  /// Its namespace code.
  public var namespace: String
  /// Its value's UTF-8 bytes, valid only during the call that receives this row.
  public var value: UnsafeBufferPointer<UInt8>
  /// When it was first seen.
  public var firstSeen: Int64
  /// The graph it is in now.
  public var graphID: Int64
}
