import Foundation

/// An exercise as found on disk: its manifest and the folder it lives in.
public struct Exercise: Sendable, Equatable {
  /// The decoded `exercise.json`.
  public var manifest: ExerciseManifest
  /// `Exercises/<module>/<id>/`, absolute.
  public var folder: URL
  /// The folder relative to the content root, for messages (`Exercises/module3/exercise-11`).
  public var relativePath: String

  /// Creates an exercise value.
  public init(manifest: ExerciseManifest, folder: URL, relativePath: String) {
    self.manifest = manifest
    self.folder = folder
    self.relativePath = relativePath
  }

  /// The exercise id.
  public var id: String { manifest.id }
  /// The exercise title.
  public var title: String { manifest.title }
  /// The hints, in the order they are given.
  public var hints: [String] { manifest.hints }

  /// The task: the exercise's `README.md`, or `nil` when it cannot be read.
  public var readme: String? {
    try? String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
  }

  /// The folder holding the reference solution.
  public var solutionFolder: URL { folder.appendingPathComponent(ContentLayout.solution) }

  /// The folder holding the starter files as shipped (`starter/`), which `reset` restores.
  public var starterFolder: URL { folder.appendingPathComponent(ContentLayout.starter) }

  /// Whether the exercise ships its starter files in `starter/`.
  public var hasStarterFolder: Bool { ContentLayout.isFolder(starterFolder) }

  /// Where the learner's copy of `file` lives.
  public func answerURL(_ file: String) -> URL { folder.appendingPathComponent(file) }

  /// The relative path of the learner's copy of `file`, for messages.
  public func answerPath(_ file: String) -> String { "\(relativePath)/\(file)" }
}
