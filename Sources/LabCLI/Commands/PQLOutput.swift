import LabCore
import PQL

/// How PQL commands print values and diagnostics.
enum PQLOutput {
  /// `{"value": ...}` for JSON, otherwise the value as PQL shows it (lists and objects as JSON).
  static func render(_ value: PQLValue, json: Bool) -> String {
    if json { return JSONValue.object(["value": value.json]).serialized(pretty: true) }
    switch value {
    case .list, .map, .object, .entry: return value.json.serialized(pretty: true)
    default: return value.displayText
    }
  }

  /// The diagnostic as `{"error": {...}}` on standard output, or rendered with a caret on
  /// standard error.
  static func report(_ diagnostic: PQLDiagnostic, json: Bool, console: Console) {
    if json {
      console.line(errorJSON(diagnostic).serialized(pretty: true))
    } else {
      console.error(styledDiagnostic(diagnostic, console: console))
    }
  }

  static func errorJSON(_ diagnostic: PQLDiagnostic) -> JSONValue {
    [
      "error": [
        "kind": .string(diagnostic.kind.rawValue), "message": .string(diagnostic.message),
        "line": .number(Double(diagnostic.line)), "column": .number(Double(diagnostic.column)),
      ]
    ]
  }

  static func styledDiagnostic(_ diagnostic: PQLDiagnostic, console: Console) -> String {
    let rendered = diagnostic.rendered()
    guard rendered.hasPrefix("error:") else { return rendered }
    return console.styled("error:", .red) + rendered.dropFirst("error:".count)
  }
}
