import LabCore

extension PQLQuery {
  /// The query's `pql/json` tree (the same as ``PQLJSON/encode(_:)-(PQLQuery)``).
  public var json: JSONValue { PQLJSON.encode(self) }

  /// Compiles a `pql/json` tree, or a string holding one.
  ///
  /// - Throws: ``PQLDiagnostic`` when the tree is malformed or its expression is invalid.
  public init(json tree: JSONValue) throws(PQLDiagnostic) {
    self = try PQLJSON.query(tree)
  }
}
