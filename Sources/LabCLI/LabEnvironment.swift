import Foundation

/// The environment variables commands read, replaceable per task so tests can run commands
/// side by side with different `AEP_LAB_ROOT` and `AEP_LAB_HOME` values.
///
/// For example:
///
/// ```swift
/// await LabEnvironment.$current.withValue(["AEP_LAB_HOME": folder]) {
///   await AEPLab.run(arguments: ["status"])
/// }
/// ```
public enum LabEnvironment {
  /// The variables of this task: the process's environment unless a test replaced them.
  @TaskLocal public static var current: [String: String] = ProcessInfo.processInfo.environment
}
