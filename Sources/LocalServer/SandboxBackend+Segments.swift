import Foundation
import LabCore
import PlatformAPI
import Sandbox

extension SandboxBackend {
  /// Answers the segment definition calls and job creation and listing; `nil` for any other
  /// operation.
  static func answerSegments(
    _ operation: PlatformOperation, service: Sandbox, timeline: JobTimeline
  ) throws(SandboxError) -> JSONValue? {
    switch operation {
    case .listSegmentDefinitions(let query):
      return try definitionList(service.segmentDefinitions(), query: query)
    case .createSegmentDefinition(let body):
      return try encode(service.createSegment(definition(from: body)))
    case .getSegmentDefinition(let id):
      return try encode(service.segmentDefinition(id))
    case .updateSegmentDefinition(let id, let body):
      return try encode(service.updateSegment(id, with: definition(from: body)))
    case .deleteSegmentDefinition(let id):
      try service.deleteSegment(id)
      // The Platform's MessageResponse.
      return ["status": true, "message": .string("The segment definition '\(id)' was deleted.")]
    case .createSegmentJob(let body):
      let ids = (body.arrayValue ?? []).compactMap { $0["segmentId"]?.stringValue }
      guard !ids.isEmpty else {
        throw .invalidRequest("The body must be a list like [{\"segmentId\": \"...\"}]")
      }
      let job = try service.runSegmentJob(segmentIDs: ids == ["*"] ? [] : ids)
      return try encode(timeline.observed(job))
    case .listSegmentJobs(let query):
      var jobs = try service.segmentJobs().map(timeline.observed)
      if let status = query["status"]?.uppercased() { jobs = jobs.filter { $0.status == status } }
      jobs.reverse()  // newest first, as `sort=creationTime:desc`
      let limit = try QueryNumber.limit(query["limit"], default: 100)
      let start = try QueryNumber.offset(query["start"])
      let page = Array(jobs.dropFirst(start).prefix(limit))
      return [
        "_page": [
          "totalCount": .number(Double(jobs.count)), "pageSize": .number(Double(page.count)),
        ],
        "children": try encode(page), "_links": ["next": [:]],
      ]
    default:
      return try answerAudiences(operation, service: service)
    }
  }

  /// A request body as a segment definition; a missing required field is a 400 naming it.
  static func definition(from body: JSONValue) throws(SandboxError) -> SegmentDefinition {
    for field in ["name", "expression"] where body[field] == nil {
      throw .invalidRequest("A segment definition needs '\(field)'")
    }
    var body = body
    if case .object(var members) = body, members["schema"] == nil {
      members["schema"] = ["name": "_xdm.context.profile"]
      body = .object(members)
    }
    do {
      return try JSONDecoder().decode(
        SegmentDefinition.self, from: Data(body.serialized().utf8))
    } catch let error as DecodingError {
      throw .invalidRequest(Self.describe(error))
    } catch {
      throw .invalidRequest("The segment definition is malformed: \(error)")
    }
  }

  /// `GET /segment/definitions`: `{segments, page, link}`, paged by `start` and `limit`.
  static func definitionList(_ all: [SegmentDefinition], query: [String: String])
    throws(SandboxError) -> JSONValue
  {
    let limit = try QueryNumber.limit(query["limit"], default: 100)
    let start = try QueryNumber.offset(query["start"])
    let page = Array(all.dropFirst(start).prefix(limit))
    let list = SegmentDefinitionList(
      segments: page,
      page: [
        "totalCount": .number(Double(all.count)),
        "totalPages": .number(Double((all.count + limit - 1) / limit)),
        "sortField": "creationTime", "sort": "asc",
        "pageSize": .number(Double(page.count)), "limit": .number(Double(limit)),
      ])
    return try encode(list)
  }

  /// What a decoding error says about the segment definition, naming the field at fault.
  static func describe(_ error: DecodingError) -> String {
    func field(_ path: [any CodingKey], _ key: (any CodingKey)? = nil) -> String {
      let names = (path + (key.map { [$0] } ?? [])).map {
        $0.intValue.map(String.init) ?? $0.stringValue
      }
      return names.isEmpty ? "the body" : "'\(names.joined(separator: "."))'"
    }
    switch error {
    case .keyNotFound(let key, let context):
      return "The segment definition needs \(field(context.codingPath, key))."
    case .typeMismatch(let type, let context):
      return
        "The segment definition's \(field(context.codingPath)) must be \(Self.kind(of: type))."
    case .valueNotFound(let type, let context):
      return
        "The segment definition's \(field(context.codingPath)) must be \(Self.kind(of: type)), "
        + "not null."
    case .dataCorrupted(let context):
      return "The segment definition's \(field(context.codingPath)) is malformed."
    @unknown default:
      return "The segment definition is malformed."
    }
  }

  /// A JSON kind named for people, such as "a string".
  private static func kind(of type: Any.Type) -> String {
    switch type {
    case is String.Type: return "a string"
    case is Int.Type, is Int64.Type: return "a whole number (milliseconds for times)"
    case is Bool.Type: return "true or false"
    case is Double.Type: return "a number"
    default: return "an object of the documented shape"
    }
  }
}
