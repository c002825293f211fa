/// The `sandbox` object in Platform responses: `{"sandboxId", "sandboxName", "type", "default"}`.
public struct SandboxDescriptor: Sendable, Codable, Equatable {
  /// The sandbox's id.
  public var sandboxId: String
  /// Its name (`prod`).
  public var sandboxName: String
  /// `production` or `development`.
  public var type: String
  /// Whether it is the org's default sandbox.
  public var `default`: Bool

  /// Creates a descriptor.
  public init(sandboxId: String, sandboxName: String, type: String, default isDefault: Bool) {
    self.sandboxId = sandboxId
    self.sandboxName = sandboxName
    self.type = type
    self.default = isDefault
  }
}
