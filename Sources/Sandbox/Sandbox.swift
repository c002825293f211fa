import Foundation
import Identities
import Persistence
import Profiles

/// The local Platform: ingest, identity graph, profiles and merge policies over the
/// workspace's state file.
///
/// The CLI and the local server both call it, so they answer alike. Every method reads the
/// current state (another process may have changed it) and every change is one transaction.
///
/// For example:
///
/// ```swift
/// let sandbox = Sandbox(database: try LabDatabase.open(at: path))
/// let report = try sandbox.ingest(path: "datasets/luma")
/// let entities = try sandbox.profile(namespace: "email", id: "ana@example.com")
/// ```
public struct Sandbox: Sendable {
  /// The store behind the sandbox.
  public let store: SandboxStore
  /// The identity guardrails.
  public let guardrails: IdentityGuardrails
  /// The most identities a graph may have for a profile lookup (50; larger answers 422).
  public let lookupIdentityLimit: Int
  /// The clock that stamps batches.
  let clock: @Sendable () -> Date
  /// Told of long work on the profile store: what is being done, and how far (done, total);
  /// the CLI draws it as a progress bar on a terminal.
  public var progress: (@Sendable (_ title: String, _ done: Int, _ total: Int) -> Void)?
  /// Told of what the reader should know about work done on the side, such as a damaged
  /// profile store being rebuilt; the CLI prints it on standard error.
  public var notice: (@Sendable (String) -> Void)?

  /// Opens the sandbox on `database`.
  ///
  /// `guardrails` are the identity guardrails (the Platform's by default);
  /// `lookupIdentityLimit` is the graph size above which a lookup answers 422; `clock` stamps
  /// batches (tests pass a fixed one).
  public init(
    database: LabDatabase, guardrails: IdentityGuardrails = IdentityGuardrails(),
    lookupIdentityLimit: Int = 50, clock: @escaping @Sendable () -> Date = { Date() }
  ) {
    store = SandboxStore(database: database)
    self.guardrails = guardrails
    self.lookupIdentityLimit = lookupIdentityLimit
    self.clock = clock
  }

  /// The namespaces: standard ones and this sandbox's custom ones.
  public func registry() throws(SandboxError) -> NamespaceRegistry {
    NamespaceRegistry(
      custom: try storage { () throws(PersistenceError) in try store.customNamespaces() })
  }

  /// The identity graph linking rules, if set.
  public func identityRules() throws(SandboxError) -> IdentityLinkingRules? {
    try storage { () throws(PersistenceError) in try store.identityRules() }
  }

  /// The merge policies.
  public func mergePolicies() throws(SandboxError) -> MergePolicySet {
    try storage { () throws(PersistenceError) in try store.mergePolicies() }
  }

  /// Runs a store call, mapping its error.
  func storage<T>(_ body: () throws(PersistenceError) -> T) throws(SandboxError) -> T {
    do {
      return try body()
    } catch {
      throw .storage(error)
    }
  }

  /// The canonical identity for `namespace` and `id`.
  func identity(namespace: String, id: String, registry: NamespaceRegistry) throws(SandboxError)
    -> Identity
  {
    guard let found = registry.namespace(for: namespace) else {
      throw .unknownNamespace(namespace, known: registry.codes)
    }
    return Identity(namespace: found.code, id: id)
  }

  /// A dataset id derived from its name: 24 hex digits, like the Platform's.
  static func datasetID(forName name: String) -> String {
    var first: UInt64 = 0xcbf2_9ce4_8422_2325
    var second: UInt64 = 0x8422_2325_cbf2_9ce4
    for byte in name.lowercased().utf8 {
      first = (first ^ UInt64(byte)) &* 0x100_0000_01b3
      second = (second &+ UInt64(byte)) &* 0x9E37_79B9_7F4A_7C15
    }
    let hex = String(first, radix: 16) + String(second, radix: 16)
    return String((String(repeating: "0", count: 32) + hex).suffix(24))
  }
}
