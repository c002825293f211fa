import Foundation

/// Reads and writes files that hold secrets: created mode 0600 in a 0700 folder, replaced
/// atomically, so a crash never leaves a half-written file and no other user can read them.
public enum PrivateFile {
  /// Writes `data` to `path` with mode 0600, replacing any existing file atomically.
  public static func write(_ data: Data, to path: String) throws(PlatformAPIError) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    do {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    } catch {
      throw .configurationFile(path: folder, reason: "the folder could not be created.")
    }
    let temporary = folder + "/." + url.lastPathComponent + ".\(UUID().uuidString).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw .configurationFile(path: path, reason: "it could not be created (errno \(errno)).")
    }
    // The mode given to open() is filtered by the umask; set it explicitly.
    _ = fchmod(descriptor, 0o600)
    let written = data.withUnsafeBytes { buffer -> Int in
      guard let base = buffer.baseAddress else { return 0 }
      return Foundation.write(descriptor, base, buffer.count)
    }
    _ = fsync(descriptor)
    close(descriptor)
    guard written == data.count else {
      unlink(temporary)
      throw .configurationFile(path: path, reason: "it could not be written in full.")
    }
    guard rename(temporary, path) == 0 else {
      unlink(temporary)
      throw .configurationFile(path: path, reason: "it could not be replaced (errno \(errno)).")
    }
  }

  /// The file's contents, or `nil` when it does not exist.
  public static func read(_ path: String) throws(PlatformAPIError) -> Data? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .configurationFile(path: path, reason: "it exists but could not be read.")
    }
    return data
  }

  /// The file's permission bits, or `nil` when it does not exist.
  public static func permissions(of path: String) -> Int? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Int(info.st_mode) & 0o777
  }

  /// Tightens the file to 0600 if group or others could read it; returns whether it changed.
  @discardableResult
  public static func restrict(_ path: String) -> Bool {
    guard let mode = permissions(of: path), mode & 0o077 != 0 else { return false }
    return chmod(path, 0o600) == 0
  }
}
