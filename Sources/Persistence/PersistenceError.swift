import Foundation

/// What can go wrong with the state file, each with what to do about it.
public enum PersistenceError: Error, Equatable, Sendable {
  /// The state folder or file cannot be written.
  case notWritable(path: String, reason: String)
  /// The file exists but is not a SQLite database, or is damaged.
  case corrupt(path: String)
  /// The file was written by a newer aep-lab (it has a migration this build does not know).
  case newerVersion(path: String, migration: String)
  /// A database operation failed.
  case failed(operation: String, reason: String)
}

extension PersistenceError: LocalizedError {
  /// The message shown to the learner: what happened, why, and what to do next.
  public var errorDescription: String? {
    switch self {
    case .notWritable(let path, let reason):
      return
        "Cannot write the state file at '\(path)': \(reason). Make the folder writable, or set "
        + "AEP_LAB_HOME to a writable folder (for example 'export AEP_LAB_HOME=$HOME/.aep-lab')."
    case .corrupt(let path):
      return
        "The state file '\(path)' is not a readable aep-lab database (it may be damaged). Move it "
        + "aside ('mv \(path) \(path).bak') and run the command again to start a fresh one."
    case .newerVersion(let path, let migration):
      return
        "The state file '\(path)' was written by a newer aep-lab (it has '\(migration)'). Update "
        + "aep-lab with 'git pull', or set AEP_LAB_HOME to another folder to keep both."
    case .failed(let operation, let reason):
      return "Could not \(operation): \(reason). Nothing was changed."
    }
  }
}
