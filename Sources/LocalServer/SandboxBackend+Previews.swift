import Foundation
import LabCore
import PlatformAPI
import Sandbox
import Segmentation

extension SandboxBackend {
  /// The most qualifying profiles a preview samples.
  static let previewSampleLimit = 1000

  /// `POST /preview`: the Sandbox counts and samples the profiles that qualify now.
  ///
  /// The preview and its estimate (same id) are kept in memory. Invalid PQL is a 400 naming
  /// the problem.
  func createPreview(_ body: JSONValue) throws(BackendError) -> JSONValue {
    let expression = try Self.previewExpression(body)
    let audience = try Self.call { () throws(SandboxError) in
      try service.previewSegment(expression: expression, limit: Self.previewSampleLimit)
    }
    let created = timeline.nowMilliseconds
    let preview = memory.addPreview { execution in
      PreviewJob(
        queryID: UUID().uuidString.lowercased(), execution: execution, creationTime: created,
        estimate: audience.estimate, results: audience.preview["results"]?.arrayValue ?? [])
    }
    return try Self.encoded(preview.created)
  }

  /// `GET /preview/{id}?offset=&limit=`: a page of the sample (default limit 1000).
  func preview(_ id: String, query: [String: String]) throws(BackendError) -> JSONValue {
    guard let preview = memory.preview(id) else { throw Self.unknownPreview(id) }
    let (offset, limit) = try Self.call { () throws(SandboxError) in
      (
        try QueryNumber.offset(query["offset"], name: "offset"),
        try QueryNumber.limit(query["limit"], default: PreviewJob.defaultLimit)
      )
    }
    return preview.page(
      offset: offset, limit: limit, at: timeline.stage(createdAt: preview.creationTime))
  }

  /// `GET /estimate/{id}`: the estimate of the preview with that id.
  func estimate(_ id: String) throws(BackendError) -> JSONValue {
    guard let preview = memory.preview(id) else { throw Self.unknownPreview(id) }
    return try Self.encoded(
      preview.estimate(at: timeline.stage(createdAt: preview.creationTime)))
  }

  /// The 404 for a preview or estimate id this server does not hold.
  static func unknownPreview(_ id: String) -> BackendError {
    .notFound(
      "No preview or estimate has the id '\(id)'. Previews live in the server's memory until "
        + "deleted or the server restarts; start one with POST /data/core/ups/preview.")
  }

  /// The expression of a `POST /preview` body, its type, model and graph type checked.
  static func previewExpression(_ body: JSONValue) throws(BackendError) -> SegmentExpressionSource {
    guard let text = body["predicateExpression"]?.stringValue,
      !text.trimmingCharacters(in: .whitespaces).isEmpty
    else {
      throw .invalidRequest(
        "The body needs 'predicateExpression' (PQL), with 'predicateType': 'pql/text' and "
          + "'predicateModel': '_xdm.context.profile'.")
    }
    let type = body["predicateType"]?.stringValue?.lowercased() ?? "pql/text"
    let format: SegmentExpressionFormat
    switch type {
    case "pql/text", "pql": format = .text
    case "pql/json": format = .json
    default:
      throw .invalidRequest(
        "The predicateType '\(type)' is not supported; use 'pql/text' or 'pql/json'.")
    }
    let model = body["predicateModel"]?.stringValue ?? "_xdm.context.profile"
    guard ["_xdm.context.profile", "xdm.model.profile"].contains(model) else {
      throw .invalidRequest(
        "The predicateModel '\(model)' is not supported; previews count profiles: use "
          + "'_xdm.context.profile'.")
    }
    if let graph = body["graphType"]?.stringValue, !["none", "pdg"].contains(graph) {
      throw .invalidRequest("The graphType '\(graph)' is not supported; use 'pdg' or 'none'.")
    }
    return SegmentExpressionSource(format: format, value: text)
  }
}
