import LabCore

/// One Platform call, parsed and checked by the server, for a ``PlatformBackend`` to answer.
///
/// The server owns paths, headers and parameter validation; the backend (the Sandbox service)
/// owns every business rule. `query` holds the call's decoded query parameters.
public enum PlatformOperation: Sendable, Equatable {
  /// `GET /data/core/idnamespace/identities`.
  case listNamespaces
  /// `GET /data/core/idnamespace/identities/{id}`.
  case getNamespace(id: String)
  /// `POST /data/core/idnamespace/identities`: a custom namespace.
  case createNamespace(body: JSONValue)
  /// `PUT /data/core/idnamespace/identities/{id}`.
  case updateNamespace(id: String, body: JSONValue)
  /// `DELETE /data/core/ups/access/entities`.
  case deleteEntities(query: [String: String])
  /// `POST /data/core/ups/config/mergePolicies/bulk-get`.
  case bulkGetMergePolicies(body: JSONValue)
  /// `GET /data/core/ups/access/entities` with `schema.name=_xdm.context.profile`.
  case getProfile(query: [String: String])
  /// `GET /data/core/ups/access/entities` with `schema.name=_xdm.context.experienceevent`.
  case getEvents(query: [String: String])
  /// `POST /data/core/ups/access/entities`.
  case postEntities(body: JSONValue)
  /// `GET /data/core/ups/config/mergePolicies`.
  case listMergePolicies(query: [String: String])
  /// `POST /data/core/ups/config/mergePolicies`.
  case createMergePolicy(body: JSONValue)
  /// `GET /data/core/ups/config/mergePolicies/{id}`.
  case getMergePolicy(id: String)
  /// `PUT /data/core/ups/config/mergePolicies/{id}`.
  case replaceMergePolicy(id: String, body: JSONValue)
  /// `PATCH /data/core/ups/config/mergePolicies/{id}` (JSON Patch).
  case patchMergePolicy(id: String, body: JSONValue)
  /// `DELETE /data/core/ups/config/mergePolicies/{id}`.
  case deleteMergePolicy(id: String)
  /// `GET /data/core/identity/cluster/members` (`xid`, or `ns`/`nsId` + `id`).
  case getClusterMembers(query: [String: String])
  /// `POST /data/core/identity/clusters/members`.
  case postClusterMembers(body: JSONValue)
  /// `GET /data/core/ups/segment/definitions`.
  case listSegmentDefinitions(query: [String: String])
  /// `POST /data/core/ups/segment/definitions`.
  case createSegmentDefinition(body: JSONValue)
  /// `GET /data/core/ups/segment/definitions/{id}`.
  case getSegmentDefinition(id: String)
  /// `PATCH /data/core/ups/segment/definitions/{id}` (whole-object overwrite).
  case updateSegmentDefinition(id: String, body: JSONValue)
  /// `DELETE /data/core/ups/segment/definitions/{id}`.
  case deleteSegmentDefinition(id: String)
  /// `POST /data/core/ups/segment/conversion`.
  case convertSegmentExpression(body: JSONValue)
  /// `POST /data/core/ups/segment/jobs`.
  case createSegmentJob(body: JSONValue)
  /// `GET /data/core/ups/segment/jobs`.
  case listSegmentJobs(query: [String: String])
  /// `GET /data/core/ups/segment/jobs/{id}`.
  case getSegmentJob(id: String)
  /// `DELETE /data/core/ups/segment/jobs/{id}`.
  case cancelSegmentJob(id: String)
  /// `POST /data/core/ups/preview`.
  case createPreview(body: JSONValue)
  /// `GET /data/core/ups/preview/{id}`.
  case getPreview(id: String, query: [String: String])
  /// `DELETE /data/core/ups/preview/{id}`.
  case deletePreview(id: String)
  /// `GET /data/core/ups/estimate/{id}`.
  case getEstimate(id: String)
  /// `POST /data/core/ups/export/jobs`.
  case createExportJob(body: JSONValue)
  /// `GET /data/core/ups/export/jobs`.
  case listExportJobs(query: [String: String])
  /// `GET /data/core/ups/export/jobs/{id}`.
  case getExportJob(id: String)
  /// `DELETE /data/core/ups/export/jobs/{id}`.
  case cancelExportJob(id: String)
  /// `POST /data/foundation/catalog/dataSets`.
  case createDataSet(body: JSONValue)
  /// `GET /data/core/ups/audiences`.
  case listAudiences(query: [String: String])
  /// `POST /data/core/ups/audiences`.
  case createAudience(body: JSONValue)
  /// `GET /data/core/ups/audiences/{id}`.
  case getAudience(id: String)
  /// `PUT /data/core/ups/audiences/{id}`.
  case replaceAudience(id: String, body: JSONValue)
  /// `DELETE /data/core/ups/audiences/{id}`.
  case deleteAudience(id: String)
  /// `POST /data/core/ups/audiences/bulk-get`.
  case bulkGetAudiences(body: JSONValue)
}
