import LabCore

/// The body of `POST /data/core/ups/preview`: a PQL predicate to sample and estimate.
public struct PreviewRequest: Sendable, Codable, Equatable {
  /// The PQL query.
  public var predicateExpression: String
  /// `pql/text` or `pql/json`.
  public var predicateType: String
  /// The XDM class (`_xdm.context.profile`).
  public var predicateModel: String
  /// `none` or `pdg`.
  public var graphType: String?

  /// Creates a preview request for a `pql/text` query on profiles.
  public init(
    predicateExpression: String, predicateType: String = "pql/text",
    predicateModel: String = "_xdm.context.profile", graphType: String? = "pdg"
  ) {
    self.predicateExpression = predicateExpression
    self.predicateType = predicateType
    self.predicateModel = predicateModel
    self.graphType = graphType
  }
}

/// The 201 body of `POST /preview`: the preview (and estimate, same id) just started.
public struct PreviewCreated: Sendable, Codable, Equatable {
  /// `NEW`, then `RUNNING`, `RESULT_READY` or `FAILED`.
  public var state: String
  /// The query's id.
  public var previewQueryId: String
  /// The query's state.
  public var previewQueryStatus: String
  /// The id for `GET /preview/{id}` and `GET /estimate/{id}`.
  public var previewId: String
  /// The execution number.
  public var previewExecutionId: Int

  /// Creates a body.
  public init(state: String, previewQueryId: String, previewId: String, previewExecutionId: Int) {
    self.state = state
    self.previewQueryId = previewQueryId
    self.previewQueryStatus = state
    self.previewId = previewId
    self.previewExecutionId = previewExecutionId
  }
}

/// The body of `GET /estimate/{id}`.
public struct SegmentEstimate: Sendable, Codable, Equatable {
  /// The estimated number of qualifying profiles.
  public var estimatedSize: Int
  /// Rows the estimate will read.
  public var numRowsToRead: Int?
  /// `[{"namespaceId": "4", "profilesMatchedSoFar": 35}]`.
  public var estimatedNamespaceDistribution: [JSONValue]?
  /// `NEW`, `RUNNING`, `RESULT_READY` or `FAILED`.
  public var state: String
  /// Profiles read so far.
  public var profilesReadSoFar: Int?
  /// The estimate's standard error.
  public var standardError: Double?
  /// `{description, traceback}` when the estimate failed.
  public var error: JSONValue?
  /// Qualifying profiles found so far.
  public var profilesMatchedSoFar: Int?
  /// Rows in the sample.
  public var totalRows: Int?
  /// `95%`.
  public var confidenceInterval: String?
  /// `{"preview": "<href>"}`.
  public var links: JSONValue?

  /// Creates an estimate body.
  public init(estimatedSize: Int, state: String) {
    self.estimatedSize = estimatedSize
    self.state = state
  }

  enum CodingKeys: String, CodingKey {
    case estimatedSize, numRowsToRead, estimatedNamespaceDistribution, state, profilesReadSoFar
    case standardError, error, profilesMatchedSoFar, totalRows, confidenceInterval
    case links = "_links"
  }
}
