import ArgumentParser
import PQL

extension AEPLab {
  /// `aep-lab pql eval`: evaluate one expression against a profile and its events.
  struct PQLEval: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "eval",
      abstract: "Evaluate a PQL expression against a profile and its events.",
      discussion: """
        The profile comes from --profile (and --events), or from the sandbox with --ns and --id. \
        --now pins the evaluation time so results are reproducible. With --format json the output \
        is exactly one object: {"value": ...}, or {"error": {...}} with exit status 65. Put '--' \
        before an expression that starts with '-'.

        Example: aep-lab pql eval --profile p.json --events e.json --now 2025-06-18T12:00:00Z \
        'xEvent[timestamp occurs <= 7 days before now].count() > 2'
        """)

    @OptionGroup var inputs: PQLInputOptions
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: "The PQL expression.")
    var expression: String

    func run() throws {
      let console = Console.current
      let query: PQLQuery
      do {
        query = try PQLQuery(expression)
      } catch {
        PQLOutput.report(error, json: output.format == .json, console: console)
        throw ExitCode(65)
      }
      let now = try inputs.instant()
      let input = try inputs.load(workspace: workspace)
      let value = query.evaluate(
        profile: input.profile, events: PQLEventList(input.events), now: now)
      console.line(PQLOutput.render(value, json: output.format == .json))
    }
  }
}
