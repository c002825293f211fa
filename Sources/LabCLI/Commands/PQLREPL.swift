import ArgumentParser
import Foundation
import LabCore
import PQL

extension AEPLab {
  /// `aep-lab pql` (or `aep-lab pql repl`): the interactive PQL prompt.
  struct PQLREPL: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "repl",
      abstract: "Open an interactive PQL prompt with line editing and history.",
      discussion: """
        Type expressions to evaluate them; ':help' lists the commands (':profile NS ID', \
        ':now ISO', ':json', ...). Start with a profile with the same options as 'pql eval'.

        Example: aep-lab pql --profile profile.json --now 2025-06-18T12:00:00Z
        """)

    @OptionGroup var inputs: PQLInputOptions
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let console = Console.current
      let workspace = self.workspace
      var session = PQLREPLSession(
        console: console, clock: { PQLDateTime(Date()) },
        lookup: { (namespace, id) throws(LabFailure) in
          try PQLInput.sandbox(
            namespace: namespace, id: id, mergePolicy: nil, workspace: workspace)
        })
      if let now = inputs.now { session.now = try PQLInput.parseNow(now) }
      if inputs.profile != nil || inputs.events != nil || inputs.namespace != nil {
        session.input = try inputs.load(workspace: workspace)
      }
      var editor = LineEditor(console: console)
      if editor.isInteractive {
        console.line(
          "PQL prompt on \(session.input.label). Type ':help' for commands, Ctrl-D to leave.")
      }
      while let line = editor.readLine(prompt: session.isContinuing ? "...> " : "pql> ") {
        switch session.handle(line) {
        case .output(let text):
          if !text.isEmpty { console.line(text) }
        case .needsMore:
          continue
        case .quit:
          return
        }
      }
      if editor.isInteractive { console.line() }
    }
  }
}
