import Curriculum
import Foundation
import LabCore
import Persistence
import PlatformAPI

/// Everything `aep-lab doctor` looks at: versions, content, the state file, credentials.
struct DoctorReport {
  /// The checks in the order they are shown.
  var checks: [DoctorCheck]

  /// Whether any check is a problem.
  var hasProblems: Bool { checks.contains { $0.status == .problem } }

  /// Runs every check; `environment` supplies `PATH`, `AEP_*` and the config locations.
  static func make(workspace options: WorkspaceOptions, environment: [String: String])
    -> DoctorReport
  {
    var checks: [DoctorCheck] = [
      DoctorCheck(name: "aep-lab", status: .ok, detail: LabVersion.current)
    ]
    checks.append(tool("Swift", ["swift", "--version"], environment: environment, needed: false))
    checks.append(libcurl())
    let workspace: Workspace
    do {
      workspace = try options.resolve(environment: environment)
    } catch {
      checks.append(
        DoctorCheck(
          name: "content root", status: .problem, detail: "not found", fix: error.message))
      checks.append(CredentialCheck.check(environment: environment))
      return DoctorReport(checks: checks)
    }
    checks.append(content(workspace))
    checks += state(workspace)
    checks.append(CredentialCheck.check(environment: environment))
    return DoctorReport(checks: checks)
  }

  private static func content(_ workspace: Workspace) -> DoctorCheck {
    let root = workspace.contentRoot.path
    do {
      let course = try Course.load(from: workspace.contentRoot)
      let exercises = course.modules.reduce(0) { $0 + $1.exercises.count }
      return DoctorCheck(
        name: "content root", status: .ok,
        detail:
          "\(root) (\(counted(course.modules.count, "module")), \(counted(exercises, "exercise")))")
    } catch {
      return DoctorCheck(
        name: "content root", status: .problem, detail: "\(root): \(error.errorDescription ?? "")",
        fix: "Run 'aep-lab dev check' for every content problem, or 'git checkout -- .' to undo "
          + "edits to the content.")
    }
  }

  private static func state(_ workspace: Workspace) -> [DoctorCheck] {
    let folder = workspace.stateFolder
    if let blocker = StateFolderCheck.blocker(of: folder) {
      return [
        DoctorCheck(
          name: "state folder", status: .problem, detail: "\(folder): \(blocker.reason)",
          fix:
            "Make it writable ('chmod u+w \(blocker.folder)'), or set AEP_LAB_HOME to a writable "
            + "folder, for example 'export AEP_LAB_HOME=$HOME/.aep-lab'.")
      ]
    }
    var checks = [DoctorCheck(name: "state folder", status: .ok, detail: "\(folder) (writable)")]
    guard FileManager.default.fileExists(atPath: workspace.statePath) else {
      checks.append(
        DoctorCheck(
          name: "state file", status: .ok,
          detail: "\(workspace.statePath) (not created yet; 'aep-lab start module3' creates it)"))
      return checks
    }
    do {
      _ = try LabDatabase.open(at: workspace.statePath)
      checks.append(DoctorCheck(name: "state file", status: .ok, detail: workspace.statePath))
    } catch {
      checks.append(
        DoctorCheck(
          name: "state file", status: .problem, detail: workspace.statePath,
          fix: error.errorDescription))
    }
    return checks
  }

  private static func libcurl() -> DoctorCheck {
    // libcurl is linked into aep-lab, so it answers for itself (version and TLS library).
    DoctorCheck(
      name: "libcurl", status: .ok,
      detail: CurlTransport.libcurlVersion.replacingOccurrences(of: "libcurl/", with: "")
        .split(separator: " ").prefix(2).joined(separator: " "))
  }

  private static func tool(
    _ name: String, _ command: [String], environment: [String: String], needed: Bool
  ) -> DoctorCheck {
    if let line = firstLine(of: command, environment: environment) {
      return DoctorCheck(name: name, status: .ok, detail: line)
    }
    return DoctorCheck(
      name: name, status: needed ? .problem : .note, detail: "not found",
      fix: "Install Swift 6.1 or later from swift.org to build aep-lab.")
  }

  /// The first line a command prints, or `nil` when it cannot run or fails.
  static func firstLine(of command: [String], environment: [String: String]) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = command
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return nil
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    let text = String(decoding: data, as: UTF8.self)
    return text.split(separator: "\n").first.map {
      $0.trimmingCharacters(in: .whitespaces)
    }
  }
}
