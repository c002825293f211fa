import Foundation

/// The learner's answer to an exercise: the contents of its answer files, read from one folder.
///
/// The same type carries the learner's working copy (the exercise folder), the starter as
/// shipped (`starter/`) and the reference solution (`solution/`), which is how
/// `aep-lab dev check` proves that the starter fails and the solution passes.
public struct Submission: Sendable {
  /// The exercise being answered.
  public var exercise: Exercise
  /// The folder the files were read from.
  public var folder: URL
  /// How the folder is shown in locations, for example `Exercises/module3/exercise-11`.
  public var displayFolder: String
  /// Each answer file's bytes; a file that does not exist is absent.
  public var files: [String: Data]

  /// Creates a submission from files already in memory.
  public init(exercise: Exercise, folder: URL, displayFolder: String, files: [String: Data]) {
    self.exercise = exercise
    self.folder = folder
    self.displayFolder = displayFolder
    self.files = files
  }

  /// Reads the exercise's answer files from `folder` (the exercise folder by default).
  public static func read(
    _ exercise: Exercise, from folder: URL? = nil, displayFolder: String? = nil
  ) -> Submission {
    let source = folder ?? exercise.folder
    var files: [String: Data] = [:]
    for name in exercise.manifest.answerFiles {
      if let data = try? Data(contentsOf: source.appendingPathComponent(name)) {
        files[name] = data
      }
    }
    return Submission(
      exercise: exercise, folder: source, displayFolder: displayFolder ?? exercise.relativePath,
      files: files)
  }

  /// The solution of `exercise`, read from its `solution/` folder.
  public static func solution(of exercise: Exercise) -> Submission {
    read(
      exercise, from: exercise.solutionFolder,
      displayFolder: "\(exercise.relativePath)/\(ContentLayout.solution)")
  }

  /// The starter of `exercise` as shipped, read from its `starter/` folder.
  public static func starter(of exercise: Exercise) -> Submission {
    read(
      exercise, from: exercise.starterFolder,
      displayFolder: "\(exercise.relativePath)/\(ContentLayout.starter)")
  }

  /// How `file` is shown in a finding's location.
  public func location(of file: String) -> String { "\(displayFolder)/\(file)" }

  /// A finding for an answer file that does not exist.
  public func missingFileFinding(_ file: String) -> Finding {
    Finding(
      message: "The answer file '\(file)' is missing.",
      expected: "the file '\(file)'", found: "no such file", location: location(of: file),
      fix: "Restore the starter with 'aep-lab reset \(exercise.id)'.")
  }
}
