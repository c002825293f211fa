import LabCore

/// The checkers aep-lab knows, keyed by `checker.kind`, and the one entry point that judges an
/// exercise.
///
/// For example:
///
/// ```swift
/// let report = try await CheckerRegistry.standard.check(
///   Submission.read(exercise), in: CheckContext(contentRoot: root, moduleID: "module3"))
/// ```
public struct CheckerRegistry: Sendable {
  private var checkerTypes: [String: any Checker.Type] = [:]

  /// Creates an empty registry.
  public init() {}

  /// The checkers that ship with aep-lab.
  public static var standard: CheckerRegistry {
    var registry = CheckerRegistry()
    registry.register(QuizChecker.self)
    registry.register(FileStructureChecker.self)
    return registry
  }

  /// The registered kinds, sorted.
  public var kinds: [String] { checkerTypes.keys.sorted() }

  /// Adds (or replaces) the checker for `type.kind`.
  ///
  /// A checker that needs the engine reads it from the ``CheckContext`` when it checks, so
  /// registering never needs more than the type.
  public mutating func register(_ type: any Checker.Type) {
    checkerTypes[type.kind] = type
  }

  /// The checker an exercise names, built from its parameters.
  public func checker(for exercise: Exercise) throws(CurriculumError) -> any Checker {
    let spec = exercise.manifest.checker
    let path = "\(exercise.relativePath)/\(ContentLayout.exerciseManifest)"
    guard let type = checkerTypes[spec.kind] else {
      throw .unknownCheckerKind(kind: spec.kind, path: path, known: kinds)
    }
    return try type.init(parameters: spec.parameters, path: path)
  }

  /// Judges `submission` with its exercise's checker.
  public func check(_ submission: Submission, in context: CheckContext)
    async throws(CurriculumError) -> CheckReport
  {
    let checker = try checker(for: submission.exercise)
    return try await checker.check(submission, in: context)
  }
}
