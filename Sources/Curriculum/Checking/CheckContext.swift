import Foundation

/// What a checker may use besides the submission: the workspace, and capabilities that the
/// caller provides.
///
/// Capabilities are the seam for checkers that ask the engine questions. A later checker (say
/// one that runs a learner's PQL on the sandbox) declares a key and reads its value; the CLI
/// stores the value before checking. Curriculum itself never needs to know the engine's types:
///
/// ```swift
/// enum SandboxKey: CheckContextKey { typealias Value = SandboxEngine }
/// var context = CheckContext(contentRoot: root, moduleID: "module3")
/// context[SandboxKey.self] = engine            // in the CLI
/// let engine = try context.require(SandboxKey.self, for: "pql-audience")   // in the checker
/// ```
public struct CheckContext: Sendable {
  /// The folder holding `Modules/`, `Exercises/` and `datasets/`.
  public var contentRoot: URL
  /// The module the exercise belongs to.
  public var moduleID: String
  private var capabilities: [ObjectIdentifier: any Sendable] = [:]

  /// Creates a context with no capabilities.
  public init(contentRoot: URL, moduleID: String) {
    self.contentRoot = contentRoot
    self.moduleID = moduleID
  }

  /// The folder of a dataset named in an exercise's `datasets`.
  public func datasetFolder(_ name: String) -> URL {
    contentRoot.appendingPathComponent(ContentLayout.datasets).appendingPathComponent(name)
  }

  /// The capability stored under `key`, if the caller provided one.
  public subscript<Key: CheckContextKey>(key: Key.Type) -> Key.Value? {
    get { capabilities[ObjectIdentifier(key)] as? Key.Value }
    set { capabilities[ObjectIdentifier(key)] = newValue }
  }

  /// The capability under `key`, or an error saying the checker `kind` needs it.
  public func require<Key: CheckContextKey>(_ key: Key.Type, for kind: String)
    throws(CurriculumError) -> Key.Value
  {
    guard let value = self[key] else {
      throw .invalidCheckerParameters(
        kind: kind, path: moduleID,
        reason: "it needs '\(Key.self)', which this command does not provide")
    }
    return value
  }
}

/// A key for a capability in a ``CheckContext``: its type names the value's type.
public protocol CheckContextKey {
  /// The type of the capability.
  associatedtype Value: Sendable
}
