import Foundation

/// What can go wrong while reading training content or judging an answer, each with its fix.
///
/// Paths are relative to the content root (`Modules/module3/module.json`), so a message reads
/// the same on every machine.
public enum CurriculumError: Error, Equatable, Sendable {
  /// A content file is missing.
  case missingFile(path: String, fix: String)
  /// A content file exists but cannot be read.
  case unreadableFile(path: String, reason: String)
  /// A manifest is not valid JSON or lacks a field; `reason` says which, `fix` what to change.
  case invalidManifest(path: String, reason: String, fix: String)
  /// A manifest's `formatVersion` is not one this build reads.
  case unsupportedFormatVersion(path: String, found: Int, supported: ClosedRange<Int>)
  /// No module has this id.
  case unknownModule(id: String, suggestion: String?, known: [String])
  /// The module has no exercise with this id.
  case unknownExercise(id: String, module: String, suggestion: String?, known: [String])
  /// The module has no lesson with this number.
  case unknownLesson(number: Int, module: String, count: Int)
  /// An exercise names a checker kind no one registered.
  case unknownCheckerKind(kind: String, path: String, known: [String])
  /// A checker's parameters in an exercise manifest are wrong.
  case invalidCheckerParameters(kind: String, path: String, reason: String)
  /// Writing a learner's file failed (for example while resetting an exercise).
  case writeFailed(path: String, reason: String)
}

extension CurriculumError: LocalizedError {
  /// The message shown to the learner: what happened, why, and what to do next.
  public var errorDescription: String? {
    switch self {
    case .missingFile(let path, let fix):
      return "'\(path)' is missing. \(fix)"
    case .unreadableFile(let path, let reason):
      return "Cannot read '\(path)': \(reason). Check the file's permissions."
    case .invalidManifest(let path, let reason, let fix):
      return "'\(path)' \(reason). \(fix)"
    case .unsupportedFormatVersion(let path, let found, let supported):
      let newer = found > supported.upperBound
      return "'\(path)' has formatVersion \(found), but this aep-lab reads "
        + "\(Self.describe(supported)). "
        + (newer
          ? "Update aep-lab ('git pull') to read this content."
          : "Set \"formatVersion\" to \(supported.upperBound).")
    case .unknownModule(let id, let suggestion, let known):
      return "No module named '\(id)'." + Self.didYouMean(suggestion)
        + " Modules: \(known.map { "'\($0)'" }.joined(separator: ", ")). "
        + "Run 'aep-lab list' to see them."
    case .unknownExercise(let id, let module, let suggestion, let known):
      let list = known.isEmpty ? "none yet" : known.map { "'\($0)'" }.joined(separator: ", ")
      return "No exercise '\(id)' in module '\(module)'." + Self.didYouMean(suggestion)
        + " Valid ids: \(list). Run 'aep-lab status' to see them."
    case .unknownLesson(let number, let module, let count):
      return "Module '\(module)' has no lesson \(number); its lessons are 1 to \(count). "
        + "Run 'aep-lab lesson 1' to start from the first."
    case .unknownCheckerKind(let kind, let path, let known):
      return "'\(path)' names checker kind '\(kind)', which this aep-lab does not have. Use one "
        + "of \(known.map { "'\($0)'" }.joined(separator: ", ")) in \"checker\".\"kind\"."
    case .invalidCheckerParameters(let kind, let path, let reason):
      return "'\(path)': the '\(kind)' checker's parameters are wrong: \(reason)."
    case .writeFailed(let path, let reason):
      return "Could not write '\(path)': \(reason). Check that the folder is writable."
    }
  }

  private static func didYouMean(_ suggestion: String?) -> String {
    suggestion.map { " Did you mean '\($0)'?" } ?? ""
  }

  private static func describe(_ range: ClosedRange<Int>) -> String {
    range.lowerBound == range.upperBound
      ? "formatVersion \(range.lowerBound)"
      : "formatVersion \(range.lowerBound) to \(range.upperBound)"
  }
}
