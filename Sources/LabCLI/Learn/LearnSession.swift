import CourseChecks
import Curriculum
import Foundation
import LabCore
import Persistence
import Sandbox

/// What every learn command needs: the workspace, its content and the learner's progress, with
/// modules and exercises resolved the same way everywhere.
struct LearnSession {
  /// Where the content and the state file are.
  var workspace: Workspace
  /// The content, read from disk now.
  var course: Course
  /// The learner's progress.
  var store: ProgressStore

  /// Resolves the workspace, loads the content and opens the state file.
  static func open(_ options: WorkspaceOptions) throws(LabFailure) -> LearnSession {
    let workspace = try options.resolve()
    let course: Course
    do {
      course = try Course.load(from: workspace.contentRoot)
    } catch {
      throw LabFailure(error)
    }
    let store = ProgressStore(database: try workspace.openDatabase())
    return LearnSession(workspace: workspace, course: course, store: store)
  }

  /// The module the learner means: `id` when given, else the current one, else the only one.
  func module(_ id: String? = nil) throws(LabFailure) -> TrainingModule {
    do {
      if let id { return try course.module(id) }
      if let current = try store.currentModule(),
        let module = course.modules.first(where: { $0.id == current })
      {
        return module
      }
      if let only = course.modules.first, course.modules.count == 1 { return only }
    } catch {
      throw LabFailure(error)
    }
    let ids = course.modules.map { "'\($0.id)'" }.joined(separator: ", ")
    throw .usage(
      course.modules.isEmpty
        ? "No modules were found under '\(workspace.contentRoot.path)/Modules'. Check '--root'."
        : "No module is started yet. Start one with 'aep-lab start MODULE' (modules: \(ids)).")
  }

  /// The exercise `id` in the current module, or in the one module that has it.
  ///
  /// The first time an exercise is seen its starter files are kept for `reset`, unless
  /// `keepingStarter` is false (reset itself must not take the learner's edits for the starter).
  func exercise(_ id: String, keepingStarter: Bool = true) throws(LabFailure) -> (
    TrainingModule, Exercise
  ) {
    let current = try? store.currentModule()
    if let module = course.module(containingExercise: id, preferring: current ?? nil),
      let exercise = module.exercises.first(where: { $0.id == id })
    {
      if keepingStarter { keepStarters(of: [exercise], in: module) }
      return (module, exercise)
    }
    let module = try self.module()
    do {
      _ = try module.exercise(id)
    } catch {
      throw LabFailure(error)
    }
    throw .usage("No exercise '\(id)'.")
  }

  /// The learner's progress in `module`.
  func progress(_ module: TrainingModule) throws(LabFailure) -> ModuleProgress {
    do {
      return try store.progress(moduleID: module.id)
    } catch {
      throw LabFailure(error)
    }
  }

  /// Keeps a copy of each exercise's starter files for `reset`, the first time it is seen
  /// (from `starter/` when the exercise ships one, else from the working copy).
  func keepStarters(of exercises: [Exercise], in module: TrainingModule) {
    for exercise in exercises {
      let files =
        exercise.hasStarterFolder
        ? Submission.starter(of: exercise).files : Submission.read(exercise).files
      guard !files.isEmpty else { continue }
      try? store.keepStarterFiles(moduleID: module.id, exerciseID: exercise.id, files: files)
    }
  }

  /// A check context for `module`, ready for capabilities to be added.
  ///
  /// The learner's sandbox is opened only when a checker asks for it.
  func checkContext(for module: TrainingModule) -> CheckContext {
    var context = CheckContext(contentRoot: workspace.contentRoot, moduleID: module.id)
    let workspace = self.workspace
    context[LearnerSandboxKey.self] = LearnerSandbox { _ throws(SandboxError) in
      do throws(LabFailure) {
        return try workspace.openSandbox()
      } catch {
        throw .invalidRequest(error.message)
      }
    }
    let cacheFolder = URL(fileURLWithPath: workspace.stateFolder).appendingPathComponent("cache")
    if let cache = DemoDataCache.forRunningExecutable(in: cacheFolder) {
      context[DemoDataCacheKey.self] = cache
    }
    return context
  }
}
