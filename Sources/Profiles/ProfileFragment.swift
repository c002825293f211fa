import Identities
import LabCore

/// One profile record as ingested: part of a person, stored against its primary identity.
public struct ProfileFragment: Sendable, Hashable {
  /// The dataset it came from.
  public var datasetID: String
  /// The batch it came in.
  public var batchID: String
  /// Its ingestion order (see ``LinkOrigin/order(batch:line:)``).
  public var order: Int64
  /// The identity it is stored against.
  public var primaryIdentity: Identity
  /// Every identity the record carries.
  public var identities: [Identity]
  /// The XDM record.
  public var attributes: JSONValue

  /// Creates a fragment.
  public init(
    datasetID: String, batchID: String, order: Int64, primaryIdentity: Identity,
    identities: [Identity], attributes: JSONValue
  ) {
    self.datasetID = datasetID
    self.batchID = batchID
    self.order = order
    self.primaryIdentity = primaryIdentity
    self.identities = identities
    self.attributes = attributes
  }
}
