import LabCore

/// The decoded `exercise.json`: what the learner edits, how it is judged, and the hints.
///
/// For example:
///
/// ```json
/// { "formatVersion": 1, "id": "exercise-11", "module": "module3", "title": "Summary quiz",
///   "answerFiles": ["answers.json"], "datasets": [],
///   "checker": { "kind": "quiz", "parameters": { ... } },
///   "hints": ["First hint.", "Second hint."] }
/// ```
public struct ExerciseManifest: Codable, Sendable, Equatable {
  /// The manifest format; see ``ManifestDecoder/supportedFormatVersions``.
  public var formatVersion: Int
  /// The id learners type (`aep-lab check exercise-11`); equal to the folder name.
  public var id: String
  /// The module the exercise belongs to; equal to the parent folder name.
  public var module: String
  /// The title shown in lists.
  public var title: String
  /// The files the learner edits, in the exercise folder; `solution/` has the same names.
  public var answerFiles: [String]
  /// Which checker judges it, and how.
  public var checker: CheckerSpec
  /// Short hints, given one at a time by `aep-lab hint`.
  public var hints: [String]
  /// The datasets (folders under `datasets/`) the exercise loads; empty when none.
  public var datasets: [String]

  /// Creates a manifest; used by tests and tools that write content.
  public init(
    formatVersion: Int = 1, id: String, module: String, title: String, answerFiles: [String],
    checker: CheckerSpec, hints: [String], datasets: [String] = []
  ) {
    self.formatVersion = formatVersion
    self.id = id
    self.module = module
    self.title = title
    self.answerFiles = answerFiles
    self.checker = checker
    self.hints = hints
    self.datasets = datasets
  }

  private enum CodingKeys: String, CodingKey {
    case formatVersion, id, module, title, answerFiles, checker, hints, datasets
  }

  /// Decodes a manifest; `datasets` may be left out.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    formatVersion = try container.decode(Int.self, forKey: .formatVersion)
    id = try container.decode(String.self, forKey: .id)
    module = try container.decode(String.self, forKey: .module)
    title = try container.decode(String.self, forKey: .title)
    answerFiles = try container.decode([String].self, forKey: .answerFiles)
    checker = try container.decode(CheckerSpec.self, forKey: .checker)
    hints = try container.decode([String].self, forKey: .hints)
    datasets = try container.decodeIfPresent([String].self, forKey: .datasets) ?? []
  }
}

/// Names the checker that judges an exercise and carries its parameters as JSON.
public struct CheckerSpec: Codable, Sendable, Equatable {
  /// The registry key, for example `quiz` or `file-structure`.
  public var kind: String
  /// The checker's own settings; each checker documents and validates its shape.
  public var parameters: JSONValue

  /// Creates a spec.
  public init(kind: String, parameters: JSONValue = [:]) {
    self.kind = kind
    self.parameters = parameters
  }

  private enum CodingKeys: String, CodingKey {
    case kind, parameters
  }

  /// Decodes a spec; `parameters` may be left out.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    kind = try container.decode(String.self, forKey: .kind)
    parameters = try container.decodeIfPresent(JSONValue.self, forKey: .parameters) ?? [:]
  }
}
