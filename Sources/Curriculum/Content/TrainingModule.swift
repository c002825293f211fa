import Foundation
import LabCore

/// A training module (not a Swift module): its manifest, overview, lessons and exercises.
public struct TrainingModule: Sendable, Equatable {
  /// The decoded `module.json`.
  public var manifest: ModuleManifest
  /// The overview's Markdown.
  public var overview: String
  /// The lessons in order, numbered from 1.
  public var lessons: [Lesson]
  /// The exercises in manifest order.
  public var exercises: [Exercise]

  /// Creates a module value.
  public init(manifest: ModuleManifest, overview: String, lessons: [Lesson], exercises: [Exercise])
  {
    self.manifest = manifest
    self.overview = overview
    self.lessons = lessons
    self.exercises = exercises
  }

  /// The module id.
  public var id: String { manifest.id }
  /// The module title.
  public var title: String { manifest.title }

  /// The exercise with `id`, or ``CurriculumError/unknownExercise(id:module:suggestion:known:)``
  /// with the nearest valid id.
  public func exercise(_ id: String) throws(CurriculumError) -> Exercise {
    if let found = exercises.first(where: { $0.id == id }) { return found }
    let ids = exercises.map(\.id)
    throw .unknownExercise(
      id: id, module: self.id, suggestion: Self.suggestion(for: id, in: ids), known: ids)
  }

  /// The exercise id `id` was probably meant to be: `exercise-N` for a bare number `N` when
  /// that exercise exists, else the closest id.
  static func suggestion(for id: String, in ids: [String]) -> String? {
    if let number = Int(id.trimmingCharacters(in: .whitespaces)), ids.contains("exercise-\(number)")
    {
      return "exercise-\(number)"
    }
    return Suggestion.closest(to: id, in: ids)
  }

  /// The lesson numbered `number` (from 1).
  public func lesson(_ number: Int) throws(CurriculumError) -> Lesson {
    guard number >= 1, number <= lessons.count else {
      throw .unknownLesson(number: number, module: id, count: lessons.count)
    }
    return lessons[number - 1]
  }
}
