import Foundation

/// Checks all content under a root the way `aep-lab dev check` reports it: every problem at
/// once, each naming its file and its fix.
///
/// The rules: manifests parse and have a supported `formatVersion`; ids match their folders
/// and are unique; every exercise folder belongs to a module that lists it, and every listed
/// exercise has a folder; lessons exist and have a `# ` heading; an exercise names answer files
/// that exist in place, in `starter/` and in `solution/` (both folders hold exactly the answer
/// files), datasets that exist, and a registered checker whose parameters are valid; it has at
/// least two hints; its README contains `TODO`; its starter as shipped (`starter/`) fails its
/// check and its solution passes; and no folder holds stray files. The learner's working
/// copies are never judged, so a solved exercise does not turn into a content problem.
public struct ContentValidator: Sendable {
  /// The checkers exercises may name.
  public var registry: CheckerRegistry
  /// Makes the context starters and solutions are checked in, from the content root and the
  /// module id; a caller whose checkers need the engine adds it here.
  public var makeContext: @Sendable (URL, String) -> CheckContext
  /// The fewest hints an exercise may have.
  public static let minimumHints = 2

  /// Creates a validator using `registry`, checking in contexts made by `makeContext`.
  public init(
    registry: CheckerRegistry = .standard,
    makeContext: @escaping @Sendable (URL, String) -> CheckContext = {
      CheckContext(contentRoot: $0, moduleID: $1)
    }
  ) {
    self.registry = registry
    self.makeContext = makeContext
  }

  /// What the validator looked at and what it found.
  public struct Result: Sendable {
    /// The modules whose manifests were read.
    public var moduleCount: Int
    /// The exercises whose manifests were read.
    public var exerciseCount: Int
    /// Every problem, sorted by file.
    public var problems: [ContentProblem]
  }

  /// Validates everything under `root`.
  public func validate(root: URL) async -> Result {
    var run = Run(root: root)
    var modules: [ModuleManifest] = []
    let modulesFolder = root.appendingPathComponent(ContentLayout.modules)
    if !ContentLayout.isFolder(modulesFolder) {
      run.add(
        ContentLayout.modules, "the folder is missing", "Create it with one folder per module.")
    }
    for name in ContentLayout.entries(of: modulesFolder) {
      if let manifest = run.checkModule(folder: name) { modules.append(manifest) }
    }
    var exerciseCount = 0
    let exercisesFolder = root.appendingPathComponent(ContentLayout.exercises)
    for moduleName in ContentLayout.entries(of: exercisesFolder) {
      let relative = "\(ContentLayout.exercises)/\(moduleName)"
      guard ContentLayout.isFolder(exercisesFolder.appendingPathComponent(moduleName)) else {
        run.add(relative, "is a stray file", "Move or delete it; only module folders belong here.")
        continue
      }
      guard let module = modules.first(where: { $0.id == moduleName }) else {
        run.add(
          relative, "belongs to no module",
          "Create 'Modules/\(moduleName)/module.json', or move these exercises to a module folder.")
        continue
      }
      for name in ContentLayout.entries(of: exercisesFolder.appendingPathComponent(moduleName)) {
        let folder = "\(relative)/\(name)"
        guard ContentLayout.isFolder(root.appendingPathComponent(folder)) else {
          run.add(
            folder, "is a stray file", "Move or delete it; only exercise folders belong here.")
          continue
        }
        guard module.exercises.contains(name) else {
          run.add(
            folder, "is not listed in 'Modules/\(moduleName)/\(ContentLayout.moduleManifest)'",
            "Add \"\(name)\" to its \"exercises\", or delete the folder.")
          continue
        }
        exerciseCount += 1
        if let exercise = run.checkExercise(name, module: moduleName) {
          await run.checkVerdicts(of: exercise, registry: registry, makeContext: makeContext)
        }
      }
    }
    for module in modules {
      for id in module.exercises
      where !ContentLayout.isFolder(
        exercisesFolder.appendingPathComponent(module.id).appendingPathComponent(id))
      {
        run.add(
          "\(ContentLayout.modules)/\(module.id)/\(ContentLayout.moduleManifest)",
          "lists exercise '\(id)', which has no folder",
          "Create '\(ContentLayout.exercises)/\(module.id)/\(id)/', or remove '\(id)' from "
            + "\"exercises\".")
      }
    }
    let problems = run.problems.sorted { ($0.file, $0.problem) < ($1.file, $1.problem) }
    return Result(moduleCount: modules.count, exerciseCount: exerciseCount, problems: problems)
  }
}

/// The state of one validation run: the root and the problems found so far.
private struct Run {
  let root: URL
  var problems: [ContentProblem] = []

  init(root: URL) { self.root = root }

  mutating func add(_ file: String, _ problem: String, _ fix: String) {
    problems.append(ContentProblem(file: file, problem: problem, fix: fix))
  }

  /// Adds a loading error as a problem line, without repeating the file name in the text.
  mutating func add(_ error: CurriculumError, file: String) {
    if case .invalidManifest(let path, let reason, let fix) = error {
      add(path, reason, fix)
      return
    }
    var path = file
    switch error {
    case .unsupportedFormatVersion(let source, _, _), .missingFile(let source, _),
      .unreadableFile(let source, _):
      path = source
    default:
      break
    }
    var text = error.errorDescription ?? "\(error)"
    for prefix in ["'\(path)': ", "'\(path)' "] where text.hasPrefix(prefix) {
      text = String(text.dropFirst(prefix.count))
    }
    let parts = text.split(separator: ". ", maxSplits: 1).map(String.init)
    let problem = parts.first.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 } ?? text
    add(path, problem, parts.count > 1 ? parts[1] : "See CONTRIBUTING.md.")
  }

  /// Checks `Modules/<folder>/` and returns its manifest when it can be read.
  mutating func checkModule(folder: String) -> ModuleManifest? {
    let relative = "\(ContentLayout.modules)/\(folder)"
    let base = root.appendingPathComponent(relative)
    guard ContentLayout.isFolder(base) else {
      add(relative, "is a stray file", "Move or delete it; only module folders belong here.")
      return nil
    }
    let manifestPath = "\(relative)/\(ContentLayout.moduleManifest)"
    let manifest: ModuleManifest
    do {
      manifest = try ManifestDecoder.decode(
        ModuleManifest.self, at: base.appendingPathComponent(ContentLayout.moduleManifest),
        path: manifestPath)
    } catch {
      add(error, file: manifestPath)
      return nil
    }
    if manifest.id != folder {
      add(
        manifestPath, "has id '\(manifest.id)' but lives in folder '\(folder)'",
        "Set \"id\" to '\(folder)', or rename the folder.")
    }
    if manifest.title.trimmingCharacters(in: .whitespaces).isEmpty {
      add(manifestPath, "has an empty \"title\"", "Give the module a title.")
    }
    for duplicate in Self.duplicates(in: manifest.lessons) {
      add(manifestPath, "lists lesson '\(duplicate)' twice", "Keep one entry in \"lessons\".")
    }
    for duplicate in Self.duplicates(in: manifest.exercises) {
      add(manifestPath, "lists exercise '\(duplicate)' twice", "Keep one entry in \"exercises\".")
    }
    if manifest.lessons.isEmpty {
      add(manifestPath, "lists no lessons", "Add at least one Markdown file to \"lessons\".")
    }
    checkMarkdown(manifest.overview, in: relative, needsHeading: false)
    for lesson in manifest.lessons {
      checkMarkdown(lesson, in: relative, needsHeading: true)
    }
    let expected = Set([ContentLayout.moduleManifest, manifest.overview] + manifest.lessons)
    for name in ContentLayout.entries(of: base) where !expected.contains(name) {
      add(
        "\(relative)/\(name)", "is a stray file (not the manifest, the overview or a lesson)",
        "Add it to \"lessons\" in \(ContentLayout.moduleManifest), or delete it.")
    }
    return manifest
  }

  private mutating func checkMarkdown(_ file: String, in folder: String, needsHeading: Bool) {
    let path = "\(folder)/\(file)"
    guard let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    else {
      add(path, "is missing", "Create it, or remove it from \(ContentLayout.moduleManifest).")
      return
    }
    if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      add(path, "is empty", "Write the lesson, or remove it from the manifest.")
    } else if needsHeading, Lesson.heading(in: text) == nil {
      add(path, "has no '# ' heading", "Start it with '# Title'; the title is shown in lists.")
    }
  }

  /// Checks `Exercises/<module>/<id>/` and returns the exercise when its manifest can be read.
  mutating func checkExercise(_ id: String, module: String) -> Exercise? {
    let relative = "\(ContentLayout.exercises)/\(module)/\(id)"
    let manifestPath = "\(relative)/\(ContentLayout.exerciseManifest)"
    let exercise: Exercise
    do {
      exercise = try Course.loadExercise(id, module: module, root: root)
    } catch {
      add(error, file: manifestPath)
      return nil
    }
    let manifest = exercise.manifest
    if manifest.title.trimmingCharacters(in: .whitespaces).isEmpty {
      add(manifestPath, "has an empty \"title\"", "Give the exercise a title.")
    }
    if manifest.answerFiles.isEmpty {
      add(manifestPath, "lists no \"answerFiles\"", "Name the file(s) the learner edits.")
    }
    for file in manifest.answerFiles {
      if !FileManager.default.fileExists(atPath: exercise.answerURL(file).path) {
        add(
          "\(relative)/\(file)", "is listed in \"answerFiles\" but missing",
          "Add the starter file, or remove it from \"answerFiles\".")
      }
      let starter = exercise.starterFolder.appendingPathComponent(file).path
      if !FileManager.default.fileExists(atPath: starter) {
        add(
          "\(relative)/\(ContentLayout.starter)/\(file)", "is missing",
          "Add a pristine copy of the starter there, under the same name ('aep-lab reset' "
            + "restores from it).")
      }
      let solution = exercise.solutionFolder.appendingPathComponent(file).path
      if !FileManager.default.fileExists(atPath: solution) {
        add(
          "\(relative)/\(ContentLayout.solution)/\(file)", "is missing",
          "Add the reference solution under the same name as the starter.")
      }
    }
    for dataset in manifest.datasets {
      let folder = root.appendingPathComponent(ContentLayout.datasets).appendingPathComponent(
        dataset)
      if !FileManager.default.fileExists(atPath: folder.path) {
        add(
          manifestPath, "uses dataset '\(dataset)', which does not exist",
          "Add '\(ContentLayout.datasets)/\(dataset)/', or remove it from \"datasets\".")
      }
    }
    let hints = manifest.hints.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    if hints.count < ContentValidator.minimumHints {
      add(
        manifestPath, "has \(hints.count) hint\(hints.count == 1 ? "" : "s")",
        "Add at least \(ContentValidator.minimumHints) non-empty strings to \"hints\".")
    }
    let readme = "\(relative)/\(ContentLayout.exerciseReadme)"
    if let text = try? String(contentsOf: root.appendingPathComponent(readme), encoding: .utf8) {
      if !text.contains("TODO") {
        add(readme, "has no 'TODO'", "Mark where the learner acts with 'TODO:'.")
      }
    } else {
      add(readme, "is missing", "Write the task there, with a 'TODO:' where the learner acts.")
    }
    let allowed = Set(
      [
        ContentLayout.exerciseManifest, ContentLayout.exerciseReadme, ContentLayout.solution,
        ContentLayout.starter,
      ] + manifest.answerFiles)
    for name in ContentLayout.entries(of: exercise.folder) where !allowed.contains(name) {
      add(
        "\(relative)/\(name)", "is a stray file",
        "Add it to \"answerFiles\" in \(ContentLayout.exerciseManifest), or delete it.")
    }
    let answers = Set(manifest.answerFiles)
    for folder in [ContentLayout.starter, ContentLayout.solution] {
      for name in ContentLayout.entries(of: exercise.folder.appendingPathComponent(folder))
      where !answers.contains(name) {
        add(
          "\(relative)/\(folder)/\(name)",
          "is a stray file (\(folder)/ holds only the answer files)",
          "Delete it, or add it to \"answerFiles\" with a starter and a solution.")
      }
    }
    return exercise
  }

  /// Runs the exercise's checker on its starter as shipped (which must fail) and its solution
  /// (which must pass); the learner's working copy is not read.
  mutating func checkVerdicts(
    of exercise: Exercise, registry: CheckerRegistry,
    makeContext: @Sendable (URL, String) -> CheckContext
  ) async {
    let manifestPath = "\(exercise.relativePath)/\(ContentLayout.exerciseManifest)"
    let checker: any Checker
    do {
      checker = try registry.checker(for: exercise)
    } catch {
      add(error, file: manifestPath)
      return
    }
    for file in checker.answerFiles where !exercise.manifest.answerFiles.contains(file) {
      add(
        manifestPath, "has a checker that reads '\(file)', which is not in \"answerFiles\"",
        "Add '\(file)' to \"answerFiles\" (with a starter and a solution).")
    }
    let context = makeContext(root, exercise.manifest.module)
    do {
      let starter = try await checker.check(Submission.starter(of: exercise), in: context)
      if starter.isPassed {
        add(
          "\(exercise.relativePath)/\(ContentLayout.starter)", "the starter passes its own check",
          "Make the starter incomplete (leave the TODO for the learner).")
      }
      let solution = try await checker.check(Submission.solution(of: exercise), in: context)
      if let first = solution.findings.first {
        add(
          "\(exercise.relativePath)/\(ContentLayout.solution)",
          "the solution fails its check (\(first.message))",
          "Fix the solution or the checker's parameters so the solution passes.")
      }
    } catch {
      add(error, file: manifestPath)
    }
  }

  static func duplicates(in list: [String]) -> [String] {
    var seen: Set<String> = []
    var repeated: [String] = []
    for item in list where !seen.insert(item).inserted && !repeated.contains(item) {
      repeated.append(item)
    }
    return repeated
  }
}
