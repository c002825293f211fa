/// What can go wrong with merge policies and profile requests.
public enum ProfileError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The sandbox already has the maximum number of merge policies.
  case tooManyMergePolicies(limit: Int)
  /// No merge policy has this id or name.
  case unknownMergePolicy(String, known: [String])
  /// A merge policy with this name exists.
  case duplicateMergePolicyName(String)
  /// The active-on-edge policy cannot be deleted.
  case activeOnEdgeCannotBeDeleted(String)
  /// The default policy cannot be deleted.
  case defaultCannotBeDeleted(String)
  /// The default policy cannot stop being the default; another must become it instead.
  case defaultCannotBeUnset(String)
  /// dataSetPrecedence needs at least one dataset.
  case emptyDatasetOrder
  /// A name is empty.
  case emptyName

  /// The error as one sentence.
  public var description: String {
    switch self {
    case .tooManyMergePolicies(let limit):
      return "a sandbox may have at most \(limit) merge policies; delete one first"
    case .unknownMergePolicy(let id, let known):
      return "no merge policy has the id or name '\(id)'; known: \(known.joined(separator: ", "))"
    case .duplicateMergePolicyName(let name):
      return "a merge policy named '\(name)' already exists"
    case .activeOnEdgeCannotBeDeleted(let name):
      return
        "'\(name)' is active on edge and cannot be deleted; make another policy active on edge first"
    case .defaultCannotBeDeleted(let name):
      return "'\(name)' is the default merge policy; make another policy the default first"
    case .defaultCannotBeUnset(let name):
      return "'\(name)' is the default merge policy; make another policy the default instead"
    case .emptyDatasetOrder:
      return "dataSetPrecedence needs a dataset order, for example '--dataset-order CRM,Loyalty'"
    case .emptyName:
      return "a merge policy needs a name"
    }
  }
}
