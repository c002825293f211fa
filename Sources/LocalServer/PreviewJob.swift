import Foundation
import LabCore
import PlatformAPI

/// One `POST /preview`: the qualifying profiles the Sandbox counted and sampled, and how the
/// preview and its estimate (same id) look at a given stage of their lab timeline.
struct PreviewJob: Sendable {
  /// The id for `GET /preview/{id}` and `GET /estimate/{id}`.
  var previewId: String
  /// The query's id.
  var previewQueryId: String
  /// The execution number.
  var previewExecutionId: Int
  /// When it was created, in milliseconds since 1970.
  var creationTime: Int64
  /// The finished estimate, from the Sandbox.
  var estimate: SegmentEstimate
  /// The sampled profiles, `{"<XID>": {"_href", "endCustomerIds"}}` each.
  var results: [JSONValue]

  /// The page size when `limit` is not given.
  static let defaultLimit = 1000

  /// Creates a preview with an id built, as the Platform's are, from the query id and execution.
  init(
    queryID: String, execution: Int, creationTime: Int64, estimate: SegmentEstimate,
    results: [JSONValue]
  ) {
    previewQueryId = queryID
    previewExecutionId = execution
    previewId = Data("0:2:\(queryID):\(execution)".utf8).base64EncodedString()
      .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
    self.creationTime = creationTime
    self.estimate = estimate
    self.results = results
  }

  /// The path of the preview's results.
  var previewPath: String { "/data/core/ups/preview/\(previewId)" }

  /// The state shown at `stage`.
  static func state(at stage: JobTimeline.Stage) -> String {
    switch stage {
    case .first: "NEW"
    case .second: "RUNNING"
    case .done: "RESULT_READY"
    }
  }

  /// The 201 body of `POST /preview`.
  var created: PreviewCreated {
    PreviewCreated(
      state: "NEW", previewQueryId: previewQueryId, previewId: previewId,
      previewExecutionId: previewExecutionId)
  }

  /// `GET /estimate/{id}` at `stage`: counts appear once the result is ready.
  func estimate(at stage: JobTimeline.Stage) -> SegmentEstimate {
    var shown = estimate
    shown.state = Self.state(at: stage)
    shown.links = ["preview": .string(previewPath)]
    shown.error = ["description": "", "traceback": ""]
    if stage != .done {
      shown.estimatedSize = 0
      shown.profilesReadSoFar = 0
      shown.profilesMatchedSoFar = 0
      shown.estimatedNamespaceDistribution = []
    }
    return shown
  }

  /// `GET /preview/{id}?offset=&limit=` at `stage`: a page of the sample once it is ready.
  func page(offset: Int, limit: Int, at stage: JobTimeline.Stage) -> JSONValue {
    let ready = stage == .done
    let page = ready ? Array(results.dropFirst(offset).prefix(limit)) : []
    func link(_ start: Int) -> JSONValue {
      .string("\(previewPath)?offset=\(start)&limit=\(limit)")
    }
    let hasNext = ready && offset + limit < results.count
    return [
      "results": .array(page), "state": .string(Self.state(at: stage)),
      "page": ["offset": .number(Double(offset)), "size": .number(Double(page.count))],
      "links": [
        "_self": link(offset), "next": hasNext ? link(offset + limit) : "",
        "prev": offset > 0 ? link(max(0, offset - limit)) : "",
      ],
    ]
  }
}
