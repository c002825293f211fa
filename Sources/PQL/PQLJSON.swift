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
  ///
  /// What it returns always converts back: a text so deeply nested that its tree (or the
  /// tree's JSON text) would be refused on the way back is refused here instead.
  public static func encode(_ text: String) throws(PQLDiagnostic) -> JSONValue {
    let tree = encode(try PQLQuery(text))
    do {
      _ = try decode(.string(tree.serialized()))
    } catch {
      throw PQLDiagnostic(
        .parseError,
        "expression is nested too deeply to convert to 'pql/json' and back (\(error.message)); "
          + "split it, or use 'let' to name the inner parts", at: .start, source: text)
    }
    return tree
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
    let query = try PQLQuery(text)
    // The text must mean what the tree means (a reserved word as a field name would not).
    var original = PQLJSONEncoder()
    var reread = PQLJSONEncoder()
    guard original.encode(syntax) == reread.encode(query.syntax) else {
      throw PQLDiagnostic(
        .parseError,
        "the 'pql/json' tree has no PQL text that means the same (is a field or variable named "
          + "like a keyword such as 'now' or 'and'?): it reads as \(text)", at: .start, source: text
      )
    }
    return text
  }

  /// Compiles a `pql/json` tree into a query.
  public static func query(_ tree: JSONValue) throws(PQLDiagnostic) -> PQLQuery {
    try PQLQuery(try decode(tree))
  }
}
