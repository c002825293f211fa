import ArgumentParser
import CourseChecks
import Curriculum
import LabCore

extension AEPLab {
  /// `aep-lab dev check`: validates all content, one line per problem.
  struct DevCheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Validate every module and exercise.",
      discussion: """
        Checks that manifests parse and have a supported formatVersion, ids are unique and match \
        their folders, every exercise belongs to a module and names existing answer files, \
        datasets and a checker, has at least two hints and a README with a TODO, that its \
        starter fails its check and its solution passes, and that no folder holds stray files. \
        Each problem is one line naming the file and the fix; exits 1 if there is any.

        Example: aep-lab dev check
        """)

    @OptionGroup var output: FormatOptions
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
      let console = Console.current
      let root = try workspace.resolve().contentRoot
      let result = await ContentValidator(
        registry: .course,
        makeContext: { root, module in
          var context = CheckContext(contentRoot: root, moduleID: module)
          context[LearnerSandboxKey.self] = .replayed
          return context
        }
      ).validate(root: root)
      if output.format == .json {
        let document: JSONValue = [
          "modules": .number(Double(result.moduleCount)),
          "exercises": .number(Double(result.exerciseCount)),
          "problems": .array(
            result.problems.map {
              ["file": .string($0.file), "problem": .string($0.problem), "fix": .string($0.fix)]
            }),
        ]
        console.line(document.serialized(pretty: true))
      } else {
        for problem in result.problems { console.line(problem.description) }
      }
      let checked =
        "\(counted(result.moduleCount, "module")) and \(counted(result.exerciseCount, "exercise"))"
      guard result.problems.isEmpty else {
        let count = result.problems.count
        throw LabFailure.domain(
          "\(count) content problem\(count == 1 ? "" : "s") in \(checked); each line above "
            + "names the file and the fix.")
      }
      if output.format == .text {
        console.line(console.styled("Checked \(checked): no problems.", .green))
      }
    }
  }
}
