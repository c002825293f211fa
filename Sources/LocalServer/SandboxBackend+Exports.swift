import LabCore
import PlatformAPI
import Sandbox

extension SandboxBackend {
  /// `POST /catalog/dataSets`: records a profile dataset to export into, with the id the
  /// Sandbox will give it, answered as the Catalog does: `["@/dataSets/<id>"]`.
  func createDataSet(_ body: JSONValue) throws(BackendError) -> JSONValue {
    guard let name = body["name"]?.stringValue else {
      throw .invalidRequest("A dataset needs a 'name'.")
    }
    let id = try Self.call { () throws(SandboxError) in try service.newDatasetID(name: name) }
    memory.addDataSet(id: id, name: name)
    return [.string("@/dataSets/\(id)")]
  }

  /// `POST /export/jobs`: the Sandbox writes the members of the filter's one segment into the
  /// destination dataset; the job then shows `NEW`, `PROCESSING` and `SUCCEEDED`.
  func createExportJob(_ body: JSONValue) throws(BackendError) -> JSONValue {
    guard body[path: ["schema", "name"]]?.stringValue == "_xdm.context.profile" else {
      throw .invalidRequest("An export job needs 'schema': {\"name\": \"_xdm.context.profile\"}.")
    }
    guard let datasetID = body[path: ["destination", "datasetId"]]?.stringValue else {
      throw .invalidRequest(
        "An export job needs 'destination': {\"datasetId\": ...}; create the dataset with "
          + "POST /data/foundation/catalog/dataSets.")
    }
    guard let name = memory.dataSetName(datasetID) else {
      throw .invalidRequest(
        "No dataset created with POST /data/foundation/catalog/dataSets has the id "
          + "'\(datasetID)'; an export writes into a new dataset made that way.")
    }
    let segments = (body[path: ["filter", "segments"]]?.arrayValue ?? []).compactMap {
      $0["segmentId"]?.stringValue
    }
    guard segments.count == 1, let segmentID = segments.first else {
      throw .invalidRequest(
        "This lab server exports one segment per job: send 'filter': {\"segments\": "
          + "[{\"segmentId\": ...}]}.")
    }
    let created = timeline.nowMilliseconds
    let (definition, report) = try Self.call { () throws(SandboxError) in
      let definition = try service.segmentDefinition(segmentID)
      return (definition, try service.exportSegment(segmentID, datasetName: name))
    }
    let finished = max(timeline.nowMilliseconds, created)
    var echoed: [String: JSONValue] = [:]
    for key in ["filter", "fields", "additionalFields", "schema"] { echoed[key] = body[key] }
    let job = memory.addExportJob { id in
      ExportJob(
        id: id, creationTime: created, endTime: finished, request: .object(echoed),
        datasetId: datasetID, batchId: report.batches.first?.batchID ?? "",
        mergePolicyId: definition.mergePolicyId ?? "", exportedProfiles: report.accepted,
        imsOrgId: definition.imsOrgId ?? "")
    }
    return job.body(at: timeline.stage(createdAt: job.creationTime))
  }

  /// `GET /export/jobs/{id}`.
  func exportJob(_ id: String) throws(BackendError) -> JSONValue {
    guard let job = memory.exportJobs.first(where: { String($0.id) == id }) else {
      throw .notFound(
        "No export job has the id '\(id)'. Export jobs live in the server's memory until it "
          + "restarts; start one with POST /data/core/ups/export/jobs.")
    }
    return job.body(at: timeline.stage(createdAt: job.creationTime))
  }

  /// `GET /export/jobs?limit=&status=`: newest first, `{records, page, link}`.
  func exportJobs(_ query: [String: String]) throws(BackendError) -> JSONValue {
    let limit = try Self.call { () throws(SandboxError) in
      try QueryNumber.limit(query["limit"], default: 100)
    }
    var records = memory.exportJobs.reversed().map {
      $0.body(at: timeline.stage(createdAt: $0.creationTime))
    }
    if let status = query["status"]?.uppercased() {
      records = records.filter { $0["status"]?.stringValue == status }
    }
    let page = Array(records.prefix(limit))
    return [
      "records": .array(page),
      "page": [
        "sortField": "createdTime", "sort": "desc", "pageOffset": "",
        "pageSize": .number(Double(page.count)),
      ],
      "link": ["next": ""],
    ]
  }
}
