/// The decoded `Modules/<id>/module.json`: a module's id, title, overview and ordered content.
///
/// For example:
///
/// ```json
/// { "formatVersion": 1, "id": "module3", "title": "Real-time Customer Profile",
///   "overview": "overview.md", "lessons": ["01-the-profile.md"], "exercises": ["exercise-11"] }
/// ```
public struct ModuleManifest: Codable, Sendable, Equatable {
  /// The manifest format; see ``ManifestDecoder/supportedFormatVersions``.
  public var formatVersion: Int
  /// The id learners type (`aep-lab start module3`); equal to the folder name.
  public var id: String
  /// The title shown in lists.
  public var title: String
  /// The Markdown file shown by `start` before the lesson list.
  public var overview: String
  /// The lesson files in teaching order.
  public var lessons: [String]
  /// The exercise ids in teaching order; each is a folder `Exercises/<id>/<exercise>/`.
  public var exercises: [String]
}
