import Foundation

/// Decides whether the state folder can hold the state file, the same way for every command
/// and for `doctor`.
enum StateFolderCheck {
  /// Why the folder at `path` cannot be used, or `nil` when it can (or can be created).
  static func problem(with path: String) -> String? { blocker(of: path)?.reason }

  /// The existing folder that stops `path` from being used, and why; `nil` when nothing does.
  ///
  /// A folder whose permission bits allow no one to write counts as read-only even for root,
  /// because that is what the learner who set them meant.
  static func blocker(of path: String) -> (folder: String, reason: String)? {
    let files = FileManager.default
    var folder = path
    // A folder that does not exist yet is fine if its nearest existing parent is writable.
    while !files.fileExists(atPath: folder) {
      let parent = (folder as NSString).deletingLastPathComponent
      if parent == folder || parent.isEmpty { return (path, "the folder cannot be created") }
      folder = parent
    }
    var isDirectory: ObjCBool = false
    guard files.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
      return (folder, "'\(folder)' is a file, not a folder")
    }
    let permissions =
      ((try? files.attributesOfItem(atPath: folder))?[.posixPermissions] as? NSNumber)?.intValue
      ?? 0o777
    if access(folder, W_OK) != 0 || permissions & 0o222 == 0 {
      return (folder, folder == path ? "the folder is read-only" : "'\(folder)' is read-only")
    }
    return nil
  }
}
