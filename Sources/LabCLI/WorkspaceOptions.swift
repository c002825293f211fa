import ArgumentParser
import Foundation
import Persistence

/// The `--root` option every command takes, and how the workspace is found from it.
public struct WorkspaceOptions: ParsableArguments {
  /// An explicit content root.
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The aep-lab folder (with Modules/ and Exercises/). Default: AEP_LAB_ROOT, else the nearest "
        + "enclosing folder that has them.", valueName: "path"))
  public var root: String?

  /// Creates the option group with its default.
  public init() {}

  /// Finds the workspace: `--root`, then `AEP_LAB_ROOT`, then the folders above the current one.
  public func resolve(environment: [String: String] = LabEnvironment.current)
    throws(LabFailure) -> Workspace
  {
    let files = FileManager.default
    if let explicit = root ?? environment["AEP_LAB_ROOT"] {
      let url = URL(fileURLWithPath: explicit).standardizedFileURL
      guard Workspace.isContentRoot(url) else {
        let source = root == nil ? "AEP_LAB_ROOT" : "--root"
        throw .usage(
          "'\(explicit)' (from \(source)) has no Modules/ or Exercises/ folder. Point it at your "
            + "aep-lab checkout, for example '--root ~/aep-lab'.")
      }
      return Workspace(contentRoot: url, environment: environment)
    }
    var folder = URL(fileURLWithPath: files.currentDirectoryPath).standardizedFileURL
    while true {
      if Workspace.isContentRoot(folder) {
        return Workspace(contentRoot: folder, environment: environment)
      }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { break }
      folder = parent
    }
    throw .usage(
      "No aep-lab content was found in '\(files.currentDirectoryPath)' or the folders above it. "
        + "Run aep-lab from inside your clone (cd aep-lab), or pass '--root PATH'.")
  }
}

/// A resolved workspace: where the content is and where its state file lives.
public struct Workspace: Sendable {
  /// The folder holding `Modules/`, `Exercises/` and `datasets/`.
  public var contentRoot: URL
  /// The state file: `$AEP_LAB_HOME/lab.sqlite`, or `.aep-lab/lab.sqlite` in the content root.
  public var statePath: String

  /// Creates a workspace for `contentRoot`, honouring `AEP_LAB_HOME` for the state file.
  public init(contentRoot: URL, environment: [String: String]) {
    self.contentRoot = contentRoot
    if let home = environment["AEP_LAB_HOME"], !home.isEmpty {
      statePath = URL(fileURLWithPath: home).appendingPathComponent("lab.sqlite").path
    } else {
      statePath = contentRoot.appendingPathComponent(".aep-lab/lab.sqlite").path
    }
  }

  /// Whether `folder` looks like aep-lab content.
  static func isContentRoot(_ folder: URL) -> Bool {
    let files = FileManager.default
    return files.fileExists(atPath: folder.appendingPathComponent("Modules").path)
      || files.fileExists(atPath: folder.appendingPathComponent("Exercises").path)
  }

  /// The folder that holds the state file.
  public var stateFolder: String { (statePath as NSString).deletingLastPathComponent }

  /// Opens the state file, turning any failure into a learner-facing message.
  ///
  /// A folder without write permission is refused even when the process could write it
  /// anyway (as root can), so the learner hears about it before it matters.
  public func openDatabase() throws(LabFailure) -> LabDatabase {
    do {
      if let reason = StateFolderCheck.problem(with: stateFolder) {
        throw PersistenceError.notWritable(path: stateFolder, reason: reason)
      }
      return try LabDatabase.open(at: statePath)
    } catch {
      throw LabFailure(error)
    }
  }
}
