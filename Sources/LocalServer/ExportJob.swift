import LabCore

/// One `POST /export/jobs`: a segment's members written by the Sandbox into a new profile
/// dataset, and how the job looks at a given stage of its lab timeline.
struct ExportJob: Sendable {
  /// The job's number (the Platform's export job ids are numbers).
  var id: Int
  /// When it was created, in milliseconds since 1970.
  var creationTime: Int64
  /// When the Sandbox finished writing, in milliseconds since 1970.
  var endTime: Int64
  /// The request's `filter`, `fields`, `additionalFields` and `schema`, echoed.
  var request: JSONValue
  /// The dataset written.
  var datasetId: String
  /// The batch written into it.
  var batchId: String
  /// The merge policy the segment is evaluated under.
  var mergePolicyId: String
  /// How many profiles were written.
  var exportedProfiles: Int
  /// The organization (the segment definition's).
  var imsOrgId: String

  /// The status shown at `stage`.
  static func status(at stage: JobTimeline.Stage) -> String {
    switch stage {
    case .first: "NEW"
    case .second: "PROCESSING"
    case .done: "SUCCEEDED"
    }
  }

  /// The Platform's export job object at `stage`: metrics and the count once it succeeded.
  func body(at stage: JobTimeline.Stage) -> JSONValue {
    let start = JSONValue.number(Double(creationTime))
    var metrics: JSONValue = ["totalTime": ["startTimeInMs": start]]
    if stage == .done {
      let timing: JSONValue = [
        "startTimeInMs": start, "endTimeInMs": .number(Double(endTime)),
        "totalTimeInMs": .number(Double(endTime - creationTime)),
      ]
      metrics = [
        "totalTime": timing, "profileExportTime": timing, "aCPDatasetWriteTime": timing,
        "totalExportedProfileCounter": .number(Double(exportedProfiles)),
      ]
    }
    var body: [String: JSONValue] = [
      "id": .number(Double(id)), "jobType": "BATCH", "status": .string(Self.status(at: stage)),
      "destination": [
        "datasetId": .string(datasetId), "segmentPerBatch": false, "batchId": .string(batchId),
      ],
      "schema": request["schema"] ?? ["name": "_xdm.context.profile"],
      "mergePolicy": ["id": .string(mergePolicyId), "version": 1],
      "imsOrgId": .string(imsOrgId), "profileInstanceId": "ups", "errors": [],
      "metrics": metrics, "creationTime": start,
      "updateTime": stage == .done ? .number(Double(endTime)) : start,
    ]
    for key in ["filter", "fields", "additionalFields"] {
      if let value = request[key] { body[key] = value }
    }
    return .object(body)
  }
}
