import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Segmentation

/// What can go wrong in the sandbox, each with what happened, why, and what to do next.
public enum SandboxError: Error, Sendable, Equatable {
  /// The path to ingest does not exist.
  case pathNotFound(String)
  /// A file could not be read or is not usable.
  case unreadable(path: String, reason: String)
  /// A folder has nothing to ingest.
  case nothingToIngest(String)
  /// A dataset schema is invalid.
  case invalidSchema(path: String, reason: String)
  /// A namespace code is unknown.
  case unknownNamespace(String, known: [String])
  /// No profile has this identity.
  case profileNotFound(Identity)
  /// The identity's graph is larger than a profile lookup allows (the Platform's 422).
  case tooManyRelatedIdentities(Identity, count: Int, limit: Int)
  /// A dataset name or id is unknown.
  case unknownDataset(String, known: [String])
  /// A merge policy operation was refused.
  case mergePolicy(ProfileError)
  /// A namespace or linking-rule change was refused.
  case identity(IdentityError)
  /// The request itself is malformed.
  case invalidRequest(String)
  /// The state file failed.
  case storage(PersistenceError)
  /// A segmentation request was refused (see `Sandbox+Segments.swift`).
  case segmentation(SegmentationError)
}

extension SandboxError: LocalizedError {
  /// The message: what happened, why, and what to do next.
  public var errorDescription: String? {
    switch self {
    case .pathNotFound(let path):
      return
        "Nothing to ingest at '\(path)': the path does not exist. Check the path, for example "
        + "'aep-lab ingest datasets/luma'."
    case .unreadable(let path, let reason):
      return
        "Cannot read '\(path)': \(reason). Fix the file and run the ingest again; nothing was stored."
    case .nothingToIngest(let path):
      return
        "'\(path)' holds no dataset: a dataset is an NDJSON or JSON file, or a folder with "
        + "schema.json and records.ndjson. Point at one of those."
    case .invalidSchema(let path, let reason):
      return
        "The dataset schema '\(path)' is not usable: \(reason). A schema looks like "
        + #"{"name": "CRM", "class": "profile", "identities": [{"path": "crmId", "namespace": "CRMID", "primary": true}]}."#
    case .unknownNamespace(let code, let known):
      var message = "No identity namespace has the code '\(code)'."
      if let near = Suggestion.closest(to: code, in: known) {
        message += " Did you mean '\(near)'?"
      }
      return message
        + " Known codes: \(known.joined(separator: ", ")). Run 'aep-lab namespace list'."
    case .profileNotFound(let identity):
      return
        "No profile has the identity \(identity.namespace) '\(identity.id)'. Check the value (it "
        + "is compared exactly), or ingest the data first with 'aep-lab ingest'."
    case .tooManyRelatedIdentities(let identity, let count, let limit):
      return
        "Too many related identities: the graph of \(identity.namespace) '\(identity.id)' has "
        + "\(count) identities, and profile lookups allow at most \(limit) (the Platform answers "
        + "422). Look at it with 'aep-lab graph show', or use a merge policy with "
        + "'--identity-graph none'."
    case .unknownDataset(let name, let known):
      let list = known.isEmpty ? "none yet" : known.joined(separator: ", ")
      return "No dataset is named '\(name)'. Known datasets: \(list). Run 'aep-lab datasets'."
    case .mergePolicy(let error):
      return "The merge policy change was refused: \(error). Run 'aep-lab merge-policy list'."
    case .identity(let error):
      return "The change was refused: \(error). Run 'aep-lab namespace list' to see the namespaces."
    case .invalidRequest(let reason):
      return "\(reason)."
    case .segmentation(let error):
      return error.description
    case .storage(let error):
      return error.errorDescription
    }
  }
}
