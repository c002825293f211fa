import LabCore
import PlatformAPI
import Sandbox

extension SandboxBackend {
  /// Answers `/audiences` over the same segment definitions as `/segment/definitions`, in the
  /// Audiences API's shape; `nil` for any other operation.
  static func answerAudiences(_ operation: PlatformOperation, service: Sandbox)
    throws(SandboxError) -> JSONValue?
  {
    switch operation {
    case .listAudiences(let query):
      let all = try service.segmentDefinitions()
      let limit = try QueryNumber.limit(query["limit"], default: 20)
      let start = try QueryNumber.offset(query["start"])
      let page = Array(all.dropFirst(start).prefix(limit))
      var children: [JSONValue] = []
      for definition in page { children.append(try audience(definition)) }
      return [
        "children": .array(children),
        "_page": [
          "totalCount": .number(Double(all.count)),
          "totalPages": .number(Double((all.count + limit - 1) / limit)),
          "sortField": "creationTime", "sort": "asc", "pageSize": .number(Double(page.count)),
          "limit": .number(Double(limit)),
        ],
        "_links": ["next": ["href": ""]],
      ]
    case .createAudience(let body):
      return try audience(service.createSegment(definition(from: body)))
    case .getAudience(let id):
      return try audience(service.segmentDefinition(id))
    case .replaceAudience(let id, let body):
      return try audience(service.updateSegment(id, with: definition(from: body)))
    case .deleteAudience(let id):
      try service.deleteSegment(id)
      return .null
    case .bulkGetAudiences(let body):
      let ids = (body["ids"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
      guard !ids.isEmpty else {
        throw .invalidRequest("The body must be {\"ids\": [{\"id\": \"...\"}, ...]}.")
      }
      let all = try service.segmentDefinitions()
      var results: [String: JSONValue] = [:]
      for id in ids {
        if let definition = all.first(where: { $0.id == id }) {
          results[id] = try audience(definition)
        }
      }
      return ["results": .object(results)]
    default:
      return nil
    }
  }

  /// A segment definition as a Platform-generated audience.
  static func audience(_ definition: SegmentDefinition) throws(SandboxError) -> JSONValue {
    guard case .object(var members) = try encode(definition) else { return .null }
    members["audienceId"] = members["id"]
    members["namespace"] = "AEPSegments"
    members["type"] = "SegmentDefinition"
    members["lifecycleState"] = "published"
    members["isSystem"] = false
    members["originName"] = "REAL_TIME_SEGMENTATION"
    return .object(members)
  }
}
