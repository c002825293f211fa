import LabCore

/// Conversion between PQL text and the Platform's `pql/json` expression tree (spec §7).
///
/// The documented node types (`fnApply`, `fieldLookup`, `parameterReference`, `literal`,
/// `quantification`, `select`, `varDecl`, `varRef`, `fnCreate`) are used wherever they fit. The
/// lab adds a few for what the docs leave out: `contextReference` (`levels`) for the implicit
/// element inside filters and `^`, `timeSpec` for `occurs`, `let`, `aggregation` for
/// `sum … over …`, and `chain`. Methods become `fnApply` with the subject as `params[0]`.
///
/// For example:
///
/// ```swift
/// let tree = try PQLJSON.encode(#"homeAddress.countryCode = "US""#)
/// let text = try PQLJSON.decode(tree)  // homeAddress.countryCode = "US"
/// ```
public enum PQLJSON {
  /// The `pql/json` tree of PQL text.
  ///
  /// - Throws: ``PQLDiagnostic`` if the text is not valid PQL.
  public static func encode(_ text: String) throws(PQLDiagnostic) -> JSONValue {
    encode(try PQLQuery(text))
  }

  /// The `pql/json` tree of a compiled query.
  public static func encode(_ query: PQLQuery) -> JSONValue {
    var encoder = PQLJSONEncoder()
    return encoder.encode(query.syntax)
  }

  /// PQL text for a `pql/json` tree; accepts the tree itself or a string holding it.
  ///
  /// - Throws: ``PQLDiagnostic`` (a `ParseError` at 1:1) when the tree has an unknown shape, or
  ///   the kind the resulting text fails with.
  public static func decode(_ tree: JSONValue) throws(PQLDiagnostic) -> String {
    var root = tree
    if case .string(let text) = tree {
      do {
        root = try JSONParser.parse(text)
      } catch {
        throw PQLDiagnostic(
          .parseError, "the 'pql/json' value is not valid JSON: \(error.reason)", at: .start,
          source: text)
      }
    }
    var decoder = PQLJSONDecoder()
    let syntax = try decoder.decode(root)
    let text = PQLPrinter.render(syntax)
    _ = try PQLQuery(text)
    return text
  }

  /// Compiles a `pql/json` tree into a query.
  public static func query(_ tree: JSONValue) throws(PQLDiagnostic) -> PQLQuery {
    try PQLQuery(try decode(tree))
  }
}
