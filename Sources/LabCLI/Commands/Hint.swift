import ArgumentParser
import Curriculum
import Foundation
import LabCore
import Persistence

extension AEPLab {
  /// `aep-lab hint <exercise>`: the next hint on the exercise's ladder.
  struct Hint: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show the next hint for an exercise.",
      discussion: """
        Each call shows the next hint, from gentle to specific, and remembers it. When all are \
        shown it lists them again.

        Example: aep-lab hint exercise-11
        """)

    @Argument(help: "The exercise id, for example 'exercise-11'.")
    var exercise: String

    @OptionGroup var output: FormatOptions
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
      let console = Console.current
      let session = try LearnSession.open(workspace)
      let (module, exercise) = try session.exercise(self.exercise)
      let hints = exercise.hints
      let record: ExerciseProgress?
      do {
        record = try session.store.recordHint(
          moduleID: module.id, exerciseID: exercise.id, hintCount: hints.count)
      } catch {
        throw LabFailure(error)
      }
      let number = record?.hintsShown
      if output.format == .json {
        let shown = number ?? hints.count
        let document: JSONValue = [
          "exercise": .string(exercise.id),
          "hint": number.map { .number(Double($0)) } ?? .null,
          "text": number.map { .string(hints[$0 - 1]) } ?? .null,
          "hintCount": .number(Double(hints.count)),
          "shown": .array(hints.prefix(shown).map(JSONValue.string)),
          "exhausted": .bool(number == nil),
        ]
        console.line(document.serialized(pretty: true))
        return
      }
      let renderer = MarkdownRenderer(console: console)
      if let number {
        console.line(console.styled("Hint \(number) of \(hints.count) for \(exercise.id):", .bold))
        console.write(renderer.render(hints[number - 1]))
        if number < hints.count {
          console.line(console.styled("Run it again for the next hint.", .dim))
        }
        return
      }
      console.line(
        console.styled("You have seen all \(hints.count) hints for \(exercise.id):", .bold))
      for (index, hint) in hints.enumerated() {
        console.write(renderer.render("\(index + 1). \(hint)"))
      }
      console.line(
        "Still stuck? 'aep-lab solution \(exercise.id) --give-up' shows the solution (the "
          + "exercise is then marked revealed, not passed).")
    }
  }
}
