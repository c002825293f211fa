import Hummingbird

/// Every operation of the three OpenAPI documents the lab follows (Identity Service, Real-time
/// Customer Profile, Segmentation Service), by method, path and `operationId`: what a request
/// for one the local sandbox does not offer is told (a documented 501, never a bare 404).
///
/// Written once from the documents' `paths` (facts only: no descriptions are copied); path
/// parameters are named `{id}` (then `{id2}`) as the routes name them.
enum DocumentedOperations {
  /// The operations, document by document, in the documents' order.
  static let all: [DocumentedOperation] = [
    DocumentedOperation(
      .get, "/data/core/identity/identity", "retrieveIdentity", in: .identityService),
    DocumentedOperation(.post, "/data/core/identity/v2/graph", "getGraphs", in: .identityService),
    DocumentedOperation(
      .get, "/data/core/identity/cluster/members", "listClusterMembers", in: .identityService),
    DocumentedOperation(
      .post, "/data/core/identity/clusters/members", "getListOfClusterMembers", in: .identityService
    ),
    DocumentedOperation(
      .get, "/data/core/idnamespace/identities", "getIdNamespaces", in: .identityService),
    DocumentedOperation(
      .post, "/data/core/idnamespace/identities", "createNamespace", in: .identityService),
    DocumentedOperation(
      .get, "/data/core/idnamespace/identities/{id}", "retrieveIdentityNamespace",
      in: .identityService),
    DocumentedOperation(
      .put, "/data/core/idnamespace/identities/{id}", "updateIdentityNamespace",
      in: .identityService),
    DocumentedOperation(.get, "/data/core/ca/attributes", "listComputedAttributes", in: .profile),
    DocumentedOperation(.post, "/data/core/ca/attributes", "createComputedAttribute", in: .profile),
    DocumentedOperation(
      .get, "/data/core/ca/attributes/{id}", "retrieveComputedAttribute", in: .profile),
    DocumentedOperation(
      .delete, "/data/core/ca/attributes/{id}", "deleteComputedAttribute", in: .profile),
    DocumentedOperation(
      .patch, "/data/core/ca/attributes/{id}", "updateComputedAttribute", in: .profile),
    DocumentedOperation(.get, "/data/core/ups/config/mergePolicies", "getMany", in: .profile),
    DocumentedOperation(
      .post, "/data/core/ups/config/mergePolicies", "createMergePolicy", in: .profile),
    DocumentedOperation(
      .get, "/data/core/ups/config/mergePolicies/{id}", "retrieveMergePolicy", in: .profile),
    DocumentedOperation(
      .put, "/data/core/ups/config/mergePolicies/{id}", "updateMergePolicy", in: .profile),
    DocumentedOperation(
      .delete, "/data/core/ups/config/mergePolicies/{id}", "deleteMergePolicy", in: .profile),
    DocumentedOperation(
      .patch, "/data/core/ups/config/mergePolicies/{id}", "patchMergePolicy", in: .profile),
    DocumentedOperation(
      .post, "/data/core/ups/config/mergePolicies/bulk-get", "bulkGetMergePolicies", in: .profile),
    DocumentedOperation(.get, "/data/core/ups/access/entities", "retrieveEntity", in: .profile),
    DocumentedOperation(
      .post, "/data/core/ups/access/entities", "retrieveMultipleEntities", in: .profile),
    DocumentedOperation(.delete, "/data/core/ups/access/entities", "deleteEntity", in: .profile),
    DocumentedOperation(.get, "/data/core/ups/system/jobs", "listDeleteRequests", in: .profile),
    DocumentedOperation(.post, "/data/core/ups/system/jobs", "createDeleteRequest", in: .profile),
    DocumentedOperation(
      .get, "/data/core/ups/system/jobs/{id}", "retrieveDeleteRequest", in: .profile),
    DocumentedOperation(
      .delete, "/data/core/ups/system/jobs/{id}", "deleteDeleteRequest", in: .profile),
    DocumentedOperation(
      .get, "/data/core/ups/previewsamplestatus", "previewSampleStatus", in: .profile),
    DocumentedOperation(
      .get, "/data/core/ups/previewsamplestatus/report/dataset", "profileDatasetReport",
      in: .profile),
    DocumentedOperation(
      .get, "/data/core/ups/previewsamplestatus/report/namespace", "profileNamespaceReport",
      in: .profile),
    DocumentedOperation(.get, "/data/core/ups/audiences", "listAudiences", in: .segmentation),
    DocumentedOperation(.post, "/data/core/ups/audiences", "createAudience", in: .segmentation),
    DocumentedOperation(.get, "/data/core/ups/audiences/{id}", "getAudience", in: .segmentation),
    DocumentedOperation(
      .delete, "/data/core/ups/audiences/{id}", "deleteAudience", in: .segmentation),
    DocumentedOperation(
      .patch, "/data/core/ups/audiences/{id}", "patchAudience", in: .segmentation),
    DocumentedOperation(.put, "/data/core/ups/audiences/{id}", "updateAudience", in: .segmentation),
    DocumentedOperation(
      .post, "/data/core/ups/audiences/bulk-get", "bulkGetAudiences", in: .segmentation),
    DocumentedOperation(.get, "/data/core/ups/export/jobs", "listExportJobs", in: .segmentation),
    DocumentedOperation(.post, "/data/core/ups/export/jobs", "createExportJob", in: .segmentation),
    DocumentedOperation(
      .get, "/data/core/ups/export/jobs/{id}", "retrieveExportJob", in: .segmentation),
    DocumentedOperation(
      .delete, "/data/core/ups/export/jobs/{id}", "cancelExportJob", in: .segmentation),
    DocumentedOperation(
      .get, "/data/core/ups/segment/definitions", "listSegmentDefinitions", in: .segmentation),
    DocumentedOperation(
      .post, "/data/core/ups/segment/definitions", "createSegmentDefinition", in: .segmentation),
    DocumentedOperation(
      .get, "/data/core/ups/segment/definitions/{id}", "retrieveSegmentDefinitionById",
      in: .segmentation),
    DocumentedOperation(
      .delete, "/data/core/ups/segment/definitions/{id}", "deleteSegmentDefinition",
      in: .segmentation),
    DocumentedOperation(
      .patch, "/data/core/ups/segment/definitions/{id}", "patchSegmentDefinition", in: .segmentation
    ),
    DocumentedOperation(
      .post, "/data/core/ups/segment/definitions/bulk-get", "bulkGetSegmentDefinitions",
      in: .segmentation),
    DocumentedOperation(
      .post, "/data/core/ups/segment/conversion", "convertSegmentDefinition", in: .segmentation),
    DocumentedOperation(.get, "/data/core/ups/segment/jobs", "listSegmentJobs", in: .segmentation),
    DocumentedOperation(
      .post, "/data/core/ups/segment/jobs", "createSegmentJob", in: .segmentation),
    DocumentedOperation(
      .get, "/data/core/ups/segment/jobs/{id}", "retrieveSegmentJob", in: .segmentation),
    DocumentedOperation(
      .delete, "/data/core/ups/segment/jobs/{id}", "deleteSegmentJob", in: .segmentation),
    DocumentedOperation(
      .post, "/data/core/ups/segment/jobs/bulk-get", "bulkGetSegmentJobs", in: .segmentation),
    DocumentedOperation(.post, "/data/core/ups/preview", "createPreview", in: .segmentation),
    DocumentedOperation(.get, "/data/core/ups/preview/{id}", "retrievePreview", in: .segmentation),
    DocumentedOperation(.delete, "/data/core/ups/preview/{id}", "deletePreview", in: .segmentation),
    DocumentedOperation(
      .get, "/data/core/ups/estimate/{id}", "retrieveEstimate", in: .segmentation),
    DocumentedOperation(
      .get, "/data/core/ups/config/schedules", "listSchedules", in: .segmentation),
    DocumentedOperation(
      .post, "/data/core/ups/config/schedules", "createSchedule", in: .segmentation),
    DocumentedOperation(
      .get, "/data/core/ups/config/schedules/{id}", "retrieveSchedule", in: .segmentation),
    DocumentedOperation(
      .delete, "/data/core/ups/config/schedules/{id}", "deleteSchedule", in: .segmentation),
    DocumentedOperation(
      .patch, "/data/core/ups/config/schedules/{id}", "updateSchedule", in: .segmentation),
    DocumentedOperation(
      .get, "/data/core/ups/search/namespaces", "listSearchCounts", in: .segmentation),
    DocumentedOperation(
      .get, "/data/core/ups/search/entities", "listFullTextIndexedObjects", in: .segmentation),
    DocumentedOperation(
      .get, "/data/core/ups/search/taxonomy", "retrieveSearchObjectStructure", in: .segmentation),
  ]
}
