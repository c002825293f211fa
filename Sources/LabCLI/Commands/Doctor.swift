import ArgumentParser
import LabCore

extension AEPLab {
  /// `aep-lab doctor`: what an instructor asks a stuck learner to paste.
  struct Doctor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check your setup and print what an instructor needs to help.",
      discussion: """
        Shows the aep-lab, Swift and libcurl versions, the content root, the state file and \
        whether its folder is writable, and whether Platform credentials are configured (masked; \
        the secret is never shown). Exits 1 when something is broken, naming the fix.

        Example: aep-lab doctor
        """)

    @OptionGroup var output: FormatOptions
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
      let console = Console.current
      let report = DoctorReport.make(workspace: workspace, environment: LabEnvironment.current)
      if output.format == .json {
        let document: JSONValue = [
          "ok": .bool(!report.hasProblems), "checks": .array(report.checks.map(\.json)),
        ]
        console.line(document.serialized(pretty: true))
      } else {
        var table = TextTable(headers: ["CHECK", "STATUS", "FOUND"])
        for check in report.checks {
          let status: String
          switch check.status {
          case .ok: status = console.styled("ok", .green)
          case .note: status = console.styled("note", .yellow)
          case .problem: status = console.styled("PROBLEM", .red)
          }
          table.append([check.name, status, check.detail])
        }
        console.write(table.rendered(console: console))
        for check in report.checks where check.status != .ok {
          if let fix = check.fix { console.line("\(check.name): \(fix)") }
        }
      }
      let problems = report.checks.filter { $0.status == .problem }
      if !problems.isEmpty {
        throw LabFailure.domain(
          "doctor found \(problems.count) problem(s): "
            + problems.map { "\($0.name) (\($0.detail))" }.joined(separator: "; ")
            + ". The fixes are listed above.")
      }
    }
  }
}
