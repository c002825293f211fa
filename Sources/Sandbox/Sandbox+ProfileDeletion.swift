import Identities
import Persistence
import Profiles

extension Sandbox {
  /// Deletes the profile fragments of an identity, as `DELETE /access/entities` does.
  ///
  /// Under a merge policy that uses the identity graph, the fragments of every identity in its
  /// graph go too; experience events stay. Returns how many fragments were deleted.
  ///
  /// Throws ``SandboxError/profileNotFound(_:)`` for an identity the sandbox does not have.
  @discardableResult
  public func deleteProfile(namespace: String, id: String, mergePolicy: String? = nil)
    throws(SandboxError) -> Int
  {
    let data = try lookupData(
      namespace: namespace, id: id, mergePolicy: mergePolicy, profiles: false, events: false)
    let ids = data.context.members.map(\.storedID)
    return try storage { () throws(PersistenceError) in
      try store.deleteProfileRecords(identityIDs: ids)
    }
  }
}
