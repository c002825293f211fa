import ArgumentParser

/// An error the CLI shows as a sentence and maps to an exit code, never as a stack trace.
///
/// The message says what happened, why, and what to do next.
public struct LabFailure: Error, CustomStringConvertible, Sendable {
  /// The sentence(s) printed after "Error: ".
  public var message: String
  /// The process's exit status.
  public var exitCode: Int32

  /// Creates a failure with an explicit exit code.
  public init(_ message: String, exitCode: Int32) {
    self.message = message
    self.exitCode = exitCode
  }

  /// A domain error or a failed check (exit 1).
  public static func domain(_ message: String) -> LabFailure {
    LabFailure(message, exitCode: 1)
  }

  /// A usage error: an unknown command, module or exercise (exit 64).
  public static func usage(_ message: String) -> LabFailure {
    LabFailure(message, exitCode: 64)
  }

  /// Invalid input data: bad PQL, a malformed file (exit 65).
  public static func invalidData(_ message: String) -> LabFailure {
    LabFailure(message, exitCode: 65)
  }

  /// The message.
  public var description: String { message }
}
