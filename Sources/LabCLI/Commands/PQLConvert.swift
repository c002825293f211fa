import ArgumentParser
import Foundation
import LabCore
import PQL

extension AEPLab {
  /// `aep-lab pql convert`: PQL text to `pql/json` and back.
  struct PQLConvert: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "convert",
      abstract: "Convert between PQL text and the Platform's pql/json tree.",
      discussion: """
        The input is the argument, the --file, or standard input. For --to text it may be the \
        tree, a JSON string holding the tree, or a segment definition whose 'expression' holds it.

        Example: aep-lab pql convert --to json 'person.gender in ["female"]'
        """)

    /// The direction of the conversion.
    enum Target: String, ExpressibleByArgument, CaseIterable {
      case json
      case text
    }

    @Option(name: .long, help: "What to produce: 'json' (pql/json) or 'text' (pql/text).")
    var to: Target

    @Option(name: .long, help: "Read the input from this file.")
    var file: String?

    @Argument(help: "The expression or tree (default: --file, else standard input).")
    var input: String?

    func run() throws {
      let console = Console.current
      let source = try readInput()
      do {
        switch to {
        case .json:
          console.line(try PQLJSON.encode(source).serialized(pretty: true))
        case .text:
          console.line(try PQLJSON.decode(try tree(from: source)))
        }
      } catch let diagnostic as PQLDiagnostic {
        PQLOutput.report(diagnostic, json: false, console: console)
        throw ExitCode(65)
      }
    }

    private func readInput() throws(LabFailure) -> String {
      if let input { return input }
      if let file {
        guard let data = FileManager.default.contents(atPath: file) else {
          throw .usage("Cannot read '\(file)'. Check the path.")
        }
        return String(decoding: data, as: UTF8.self)
      }
      let data = FileHandle.standardInput.readDataToEndOfFile()
      guard !data.isEmpty else {
        throw .usage("Nothing to convert. Pass the input as an argument, with --file, or on stdin.")
      }
      return String(decoding: data, as: UTF8.self)
    }

    /// The `pql/json` tree in the input: the tree, a string holding it, or a definition.
    private func tree(from source: String) throws(LabFailure) -> JSONValue {
      let json: JSONValue
      do {
        json = try JSONParser.parse(source)
      } catch {
        throw .invalidData("The input is not JSON (\(error.description)). Give a pql/json tree.")
      }
      if let expression = json["expression"], let value = expression["value"] { return value }
      return json
    }
  }
}
