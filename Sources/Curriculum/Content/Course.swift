import Foundation
import LabCore

/// All training content under one content root: the modules of `Modules/` with their lessons,
/// and their exercises from `Exercises/`.
///
/// Content is read from disk each time a command runs, so a learner's edits are always seen.
///
/// For example:
///
/// ```swift
/// let course = try Course.load(from: URL(fileURLWithPath: "/home/ana/aep-lab"))
/// let exercise = try course.module("module3").exercise("exercise-11")
/// ```
public struct Course: Sendable {
  /// The folder holding `Modules/`, `Exercises/` and `datasets/`.
  public var root: URL
  /// The modules, sorted by id.
  public var modules: [TrainingModule]

  /// Creates a course from loaded modules.
  public init(root: URL, modules: [TrainingModule]) {
    self.root = root
    self.modules = modules
  }

  /// Loads every module under `root/Modules`, with its lessons and exercises.
  ///
  /// - Throws: ``CurriculumError`` naming the first file that is missing or malformed, and
  ///   the fix. `aep-lab dev check` lists every problem at once instead.
  public static func load(from root: URL) throws(CurriculumError) -> Course {
    var modules: [TrainingModule] = []
    for folder in ContentLayout.moduleFolders(in: root) {
      modules.append(try loadModule(folder: folder, root: root))
    }
    return Course(root: root, modules: modules)
  }

  /// The module with `id`, or ``CurriculumError/unknownModule(id:suggestion:known:)`` with the
  /// nearest id.
  public func module(_ id: String) throws(CurriculumError) -> TrainingModule {
    if let found = modules.first(where: { $0.id == id }) { return found }
    let ids = modules.map(\.id)
    throw .unknownModule(id: id, suggestion: Suggestion.closest(to: id, in: ids), known: ids)
  }

  /// The module that has an exercise `id`, preferring `preferred` when it has one.
  public func module(containingExercise id: String, preferring preferred: String?)
    -> TrainingModule?
  {
    if let preferred, let module = modules.first(where: { $0.id == preferred }),
      module.exercises.contains(where: { $0.id == id })
    {
      return module
    }
    return modules.first { $0.exercises.contains { $0.id == id } }
  }

  private static func loadModule(folder: String, root: URL) throws(CurriculumError)
    -> TrainingModule
  {
    let base = root.appendingPathComponent(ContentLayout.modules).appendingPathComponent(folder)
    let manifestPath = "\(ContentLayout.modules)/\(folder)/\(ContentLayout.moduleManifest)"
    let manifest = try ManifestDecoder.decode(
      ModuleManifest.self, at: base.appendingPathComponent(ContentLayout.moduleManifest),
      path: manifestPath)
    guard manifest.id == folder else {
      throw .invalidManifest(
        path: manifestPath, reason: "has id '\(manifest.id)' but lives in folder '\(folder)'",
        fix: "Set \"id\" to '\(folder)', or rename the folder.")
    }
    let overview = try text(
      base.appendingPathComponent(manifest.overview),
      path: "\(ContentLayout.modules)/\(folder)/\(manifest.overview)")
    var lessons: [Lesson] = []
    for (index, file) in manifest.lessons.enumerated() {
      let markdown = try text(
        base.appendingPathComponent(file), path: "\(ContentLayout.modules)/\(folder)/\(file)")
      lessons.append(Lesson(number: index + 1, fileName: file, markdown: markdown))
    }
    var exercises: [Exercise] = []
    for id in manifest.exercises {
      exercises.append(try loadExercise(id, module: manifest.id, root: root))
    }
    return TrainingModule(
      manifest: manifest, overview: overview, lessons: lessons, exercises: exercises)
  }

  /// Loads one exercise folder `Exercises/<module>/<id>/`.
  static func loadExercise(_ id: String, module: String, root: URL) throws(CurriculumError)
    -> Exercise
  {
    let relative = "\(ContentLayout.exercises)/\(module)/\(id)"
    let folder = root.appendingPathComponent(relative)
    let manifestPath = "\(relative)/\(ContentLayout.exerciseManifest)"
    let manifest = try ManifestDecoder.decode(
      ExerciseManifest.self, at: folder.appendingPathComponent(ContentLayout.exerciseManifest),
      path: manifestPath)
    guard manifest.id == id, manifest.module == module else {
      throw .invalidManifest(
        path: manifestPath,
        reason:
          "says id '\(manifest.id)' in module '\(manifest.module)' but lives in '\(relative)'",
        fix: "Set \"id\" to '\(id)' and \"module\" to '\(module)'.")
    }
    return Exercise(manifest: manifest, folder: folder, relativePath: relative)
  }

  private static func text(_ url: URL, path: String) throws(CurriculumError) -> String {
    let data = try ManifestDecoder.read(url, path: path)
    return String(decoding: data, as: UTF8.self)
  }
}
