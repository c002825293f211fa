import Foundation
import Identities
import LabCore
import PlatformAPI
import Profiles
import Sandbox

/// The production ``PlatformBackend``: each operation is one call into the workspace's
/// ``Sandbox`` service, run off the cooperative pool, its answer encoded as the Platform's JSON.
///
/// It holds no business rules: lookups, merging, counting, exports and errors are the
/// Sandbox's. Every call reads the state file afresh, so ingests made by other commands while
/// the server runs are seen. What the Platform keeps only for a while (previews with their
/// estimates, Catalog dataset records, export jobs) is kept in ``ServerMemory``.
public struct SandboxBackend: PlatformBackend {
  /// The sandbox service.
  public let service: Sandbox
  /// How segment jobs, estimates and export jobs appear to progress.
  let timeline: JobTimeline
  /// Previews, Catalog dataset records and export jobs, kept while the server runs.
  let memory = ServerMemory()

  /// Serves `sandbox`; segment jobs show `QUEUED` and then `PROCESSING` (estimates `NEW` and
  /// `RUNNING`, export jobs `NEW` and `PROCESSING`) for `jobPhase` each before their outcome
  /// (by the clock `now`, in seconds since 1970).
  public init(
    sandbox: Sandbox, jobPhase: Duration = .seconds(2),
    now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
  ) {
    service = sandbox
    timeline = JobTimeline(phase: jobPhase, now: now)
  }

  /// The lab's one sandbox, `prod`.
  public var sandbox: SandboxDescriptor {
    SandboxDescriptor(
      sandboxId: Sandbox.localSandboxID, sandboxName: PlatformCredentials.defaultSandbox,
      type: "production", default: true)
  }

  /// Answers `operation` from the sandbox.
  public func answer(_ operation: PlatformOperation) async throws(BackendError) -> JSONValue {
    if case .convertSegmentExpression(let body) = operation {
      return try ExpressionConversion.convert(body)
    }
    guard Self.serves(operation) else { throw .notImplemented(Self.notYetServed) }
    let backend = self
    let answer = try await BlockingWork.run { () throws(BackendError) -> JSONValue in
      if let answer = try backend.answerJobs(operation) { return answer }
      return try Self.call { () throws(SandboxError) in
        if let answer = try Self.answerSegments(
          operation, service: backend.service, timeline: backend.timeline)
        {
          return answer
        }
        return try Self.answer(operation, service: backend.service)
      }
    }
    if case .getNamespace(let id) = operation, answer.isNull {
      throw .notFound("No identity namespace has the id '\(id)'.")
    }
    return answer
  }

  /// Runs Sandbox calls, their errors mapped to the backend failures they stand for.
  static func call<Value>(_ body: () throws(SandboxError) -> Value) throws(BackendError) -> Value {
    do {
      return try body()
    } catch {
      throw APIError.backendError(for: error)
    }
  }

  /// The calls answered from the server's memory with the Sandbox's results: previews and
  /// estimates, Catalog datasets, export jobs, and segment jobs looked up by id; `nil` for any
  /// other operation.
  func answerJobs(_ operation: PlatformOperation) throws(BackendError) -> JSONValue? {
    switch operation {
    case .createPreview(let body): return try createPreview(body)
    case .getPreview(let id, let query): return try preview(id, query: query)
    case .deletePreview(let id):
      guard memory.removePreview(id) else { throw Self.unknownPreview(id) }
      return ["status": true, "message": .string("The preview '\(id)' was deleted.")]
    case .getEstimate(let id): return try estimate(id)
    case .createDataSet(let body): return try createDataSet(body)
    case .createExportJob(let body): return try createExportJob(body)
    case .getExportJob(let id): return try exportJob(id)
    case .cancelExportJob(let id):
      // Lab exports are written at once; cancelling one that exists changes nothing.
      _ = try exportJob(id)
      return ["status": true, "message": "Export job has been marked for cancelling"]
    case .listExportJobs(let query): return try exportJobs(query)
    case .getSegmentJob(let id): return try Self.encoded(timeline.observed(segmentJob(id)))
    case .cancelSegmentJob(let id):
      // Lab jobs finish at once; cancelling one that exists is accepted and changes nothing.
      _ = try segmentJob(id)
      return .null
    default: return nil
    }
  }

  /// The segment job `id`, looked up in the job list: an unknown id is a 404.
  func segmentJob(_ id: String) throws(BackendError) -> SegmentJob {
    let jobs = try Self.call { () throws(SandboxError) in try service.segmentJobs() }
    guard let job = jobs.first(where: { $0.id == id }) else {
      throw .notFound(
        "No segment job has the id '\(id)'. Start one with POST /data/core/ups/segment/jobs; "
          + "GET /data/core/ups/segment/jobs lists them.")
    }
    return job
  }

  /// `value` as JSON, for the calls that throw backend failures.
  static func encoded(_ value: some Encodable) throws(BackendError) -> JSONValue {
    try call { () throws(SandboxError) in try encode(value) }
  }

  /// The synchronous part: one sandbox call and its encoding.
  static func answer(_ operation: PlatformOperation, service: Sandbox) throws(SandboxError)
    -> JSONValue
  {
    switch operation {
    case .listNamespaces:
      return try encode(service.registry().namespaces.map(document(for:)))
    case .getNamespace(let id):
      let registry = try service.registry()
      guard
        let namespace = Int(id).flatMap(registry.namespace(withID:)) ?? registry.namespace(for: id)
      else { return .null }
      return try encode(document(for: namespace))
    case .getProfile(let query):
      let (namespace, id) = try identity(
        query, id: "entityId", namespace: "entityIdNS", service: service)
      return try encode(
        service.profile(
          namespace: namespace, id: id, mergePolicy: query["mergePolicyId"],
          fields: list(query["fields"])
        ).response)
    case .getEvents(let query):
      let hasRelated = query["relatedEntityId"] != nil
      let (namespace, id) = try identity(
        query, id: hasRelated ? "relatedEntityId" : "entityId",
        namespace: hasRelated ? "relatedEntityIdNS" : "entityIdNS", service: service)
      let order = query["orderby"] ?? query["orderBy"] ?? "+timestamp"
      let selection = EventSelection(
        newestFirst: order.hasPrefix("-"),
        startTime: try QueryNumber.milliseconds(query["startTime"], name: "startTime"),
        endTime: try QueryNumber.milliseconds(query["endTime"], name: "endTime"),
        limit: try QueryNumber.limit(query["limit"], default: 1000))
      return try encode(
        service.events(
          namespace: namespace, id: id, mergePolicy: query["mergePolicyId"],
          selection: selection, start: query["start"], fields: list(query["fields"])
        ).response)
    case .postEntities(let body):
      return try postEntities(body, service: service)
    case .createNamespace(let body):
      guard let code = body["code"]?.stringValue, let name = body["name"]?.stringValue,
        let type = body["idType"]?.stringValue
      else { throw .invalidRequest("A namespace needs 'name', 'code' and 'idType'") }
      return try encode(
        document(
          for: service.createNamespace(
            code: code, name: name, type: type,
            description: body["description"]?.stringValue ?? "")))
    case .deleteEntities(let query):
      guard query["schema.name"] == RouteCatalog.profileSchema else {
        throw .invalidRequest(
          "DELETE /access/entities deletes profiles only: send "
            + "'schema.name=\(RouteCatalog.profileSchema)'.")
      }
      let (namespace, id) = try identity(
        query, id: "entityId", namespace: "entityIdNS", service: service)
      try service.deleteProfile(namespace: namespace, id: id, mergePolicy: query["mergePolicyId"])
      return .null
    case .updateNamespace(let id, let body):
      guard let name = body["name"]?.stringValue else {
        throw .invalidRequest("A namespace update needs 'name' (and may give 'description').")
      }
      return try encode(
        document(
          for: service.updateNamespace(
            id, name: name, description: body["description"]?.stringValue,
            code: body["code"]?.stringValue, type: body["idType"]?.stringValue)))
    case .bulkGetMergePolicies(let body):
      let ids = (body["ids"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
      var results: [String: JSONValue] = [:]
      for id in ids {
        results[id] = try encode(service.document(for: policy(id, service: service)))
      }
      return ["results": .object(results)]
    case .listMergePolicies:
      return try encode(service.mergePoliciesResponse())
    case .getMergePolicy(let id):
      return try encode(service.document(for: policy(id, service: service)))
    case .createMergePolicy(let body):
      return try encode(service.document(for: createMergePolicy(body, service: service)))
    case .replaceMergePolicy(let id, let body):
      return try encode(service.document(for: replaceMergePolicy(id, body, service: service)))
    case .patchMergePolicy(let id, let body):
      return try encode(service.document(for: patchMergePolicy(id, body, service: service)))
    case .deleteMergePolicy(let id):
      try service.deleteMergePolicy(id)
      return .null
    case .getClusterMembers(let query):
      let (namespace, id) = try clusterIdentity(query, service: service)
      return try encode(service.clusterMembers(namespace: namespace, id: id))
    case .postClusterMembers(let body):
      return try clusters(body, service: service)
    default:
      throw .invalidRequest(Self.notYetServed)
    }
  }

  /// Whether this build's sandbox has the engine part `operation` needs.
  static func serves(_ operation: PlatformOperation) -> Bool {
    switch operation {
    case .listNamespaces, .getNamespace, .createNamespace, .updateNamespace, .deleteEntities,
      .bulkGetMergePolicies, .getProfile,
      .getEvents, .postEntities,
      .listMergePolicies, .getMergePolicy, .createMergePolicy, .replaceMergePolicy,
      .patchMergePolicy,
      .deleteMergePolicy, .getClusterMembers, .postClusterMembers, .listSegmentDefinitions,
      .createSegmentDefinition, .getSegmentDefinition, .updateSegmentDefinition,
      .deleteSegmentDefinition, .createSegmentJob, .getSegmentJob, .cancelSegmentJob,
      .listSegmentJobs, .listAudiences, .createAudience, .getAudience, .replaceAudience,
      .deleteAudience, .bulkGetAudiences, .createPreview, .getPreview, .deletePreview, .getEstimate,
      .createDataSet, .createExportJob, .getExportJob, .cancelExportJob, .listExportJobs:
      return true
    default: return false
    }
  }

  /// The sentence for calls whose engine part is not in this build.
  static let notYetServed =
    "This aep-lab build's sandbox does not serve this call yet (its engine part is missing)"

  /// `POST /access/entities` for profiles: one lookup per requested identity; unknown ones
  /// come back empty, as the Platform answers them.
  static func postEntities(_ body: JSONValue, service: Sandbox) throws(SandboxError) -> JSONValue {
    let schema = body[path: ["schema", "name"]]?.stringValue
    if schema == "_xdm.context.experienceevent" { return try postEvents(body, service: service) }
    guard schema == "_xdm.context.profile" else {
      throw .invalidRequest(
        "'schema.name' must be '_xdm.context.profile' or '_xdm.context.experienceevent'")
    }
    let fields = (body["fields"]?.arrayValue ?? []).compactMap(\.stringValue)
    var result: [String: JSONValue] = [:]
    let budget = WorkBudget.current
    for (namespace, id) in try requestedIdentities(body) {
      try Sandbox.check(budget)
      do {
        let lookup = try service.profile(
          namespace: namespace, id: id, mergePolicy: body["mergePolicyId"]?.stringValue,
          fields: fields)
        if case .object(let entities) = try encode(lookup.response) {
          result.merge(entities) { first, _ in first }
        }
      } catch .profileNotFound {
        result[id] = [
          "entityId": .string(id), "sources": [""], "entity": [:],
          "lastModifiedAt": "1970-01-01T00:00:00Z",
        ]
      }
    }
    return .object(result)
  }

  /// `POST /config/mergePolicies`: the body's fields handed to the sandbox.
  static func createMergePolicy(_ body: JSONValue, service: Sandbox) throws(SandboxError)
    -> MergePolicy
  {
    guard let name = body["name"]?.stringValue else {
      throw .invalidRequest("A merge policy needs a 'name'")
    }
    let order = (body[path: ["attributeMerge", "order"]]?.arrayValue ?? []).compactMap(
      \.stringValue)
    return try service.createMergePolicy(
      name: name,
      attributeMerge: body[path: ["attributeMerge", "type"]]?.stringValue ?? "timestampOrdered",
      datasetOrder: order,
      identityGraph: body[path: ["identityGraph", "type"]]?.stringValue ?? "none",
      isDefault: body["default"]?.boolValue ?? false,
      isActiveOnEdge: body["isActiveOnEdge"]?.boolValue ?? false)
  }

  /// The merge policy with id or name `key`, its absence reported as such (a 404).
  static func policy(_ key: String, service: Sandbox) throws(SandboxError) -> MergePolicy {
    let policies = try service.mergePolicies()
    do {
      return try policies.policy(key)
    } catch {
      throw .mergePolicy(error)
    }
  }

  /// The identity of a cluster lookup: `ns`/`namespace` or `nsId`/`nsid`, with `id`.
  static func clusterIdentity(_ query: [String: String], service: Sandbox) throws(SandboxError)
    -> (String, String)
  {
    guard let id = query["id"], !id.isEmpty else {
      throw .invalidRequest(
        "This lab server looks clusters up by 'ns' (or 'nsId') and 'id', not by XID")
    }
    if let code = query["ns"] ?? query["namespace"] { return (code, id) }
    let numeric = query["nsId"] ?? query["nsid"] ?? ""
    guard let nsid = Int(numeric), let namespace = try service.registry().namespace(withID: nsid)
    else { throw .invalidRequest("No identity namespace has the id '\(numeric)'") }
    return (namespace.code, id)
  }

  /// `POST /identity/clusters/members`: one cluster per composite identity (at most 1000);
  /// identities the sandbox does not know are listed as unprocessed.
  static func clusters(_ body: JSONValue, service: Sandbox) throws(SandboxError) -> JSONValue {
    guard let requested = body["compositeXids"]?.arrayValue, !requested.isEmpty else {
      throw .invalidRequest(
        "Send 'compositeXids': [{\"nsid\": 6, \"id\": \"...\"}]; this lab server does not look up XIDs"
      )
    }
    guard requested.count <= 1000 else {
      throw .invalidRequest("At most 1000 identities per request; this one has \(requested.count)")
    }
    let registry = try service.registry()
    var clusters: [ClusterMembers] = []
    var unprocessed: [CompositeXid] = []
    for item in requested {
      let id = item["id"]?.stringValue ?? ""
      let code =
        item["namespace"]?.stringValue
        ?? item["nsid"]?.intValue.flatMap { registry.namespace(withID: $0)?.code }
      guard let code, !id.isEmpty else {
        unprocessed.append(CompositeXid(nsid: item["nsid"]?.intValue, id: id))
        continue
      }
      do {
        clusters += try service.clusterMembers(namespace: code, id: id).clusters
      } catch .profileNotFound, .unknownNamespace {
        // Echo the form the caller used: nsid, or namespace code.
        let nsid = item["nsid"]?.intValue
        unprocessed.append(CompositeXid(nsid: nsid, namespace: nsid == nil ? code : nil, id: id))
      }
    }
    return try encode(ClusterMembersResponse(clusters: clusters, unprocessedRecords: unprocessed))
  }

  /// `POST /access/entities` for events: one events page per requested identity, keyed by the
  /// identity value; unknown identities get an empty page.
  static func postEvents(_ body: JSONValue, service: Sandbox) throws(SandboxError) -> JSONValue {
    let order = body["orderby"]?.stringValue ?? body["orderBy"]?.stringValue ?? "+timestamp"
    let selection = EventSelection(
      newestFirst: order.hasPrefix("-"),
      startTime: try QueryNumber.milliseconds(
        body[path: ["timeFilter", "startTime"]].map { $0.serialized() },
        name: "timeFilter.startTime"),
      endTime: try QueryNumber.milliseconds(
        body[path: ["timeFilter", "endTime"]].map { $0.serialized() },
        name: "timeFilter.endTime"),
      limit: try QueryNumber.limit(body["limit"].map { $0.serialized() }, default: 1000))
    let fields = (body["fields"]?.arrayValue ?? []).compactMap(\.stringValue)
    var result: [String: JSONValue] = [:]
    let budget = WorkBudget.current
    for (namespace, id) in try requestedIdentities(body) {
      try Sandbox.check(budget)
      do {
        result[id] = try encode(
          service.events(
            namespace: namespace, id: id, mergePolicy: body["mergePolicyId"]?.stringValue,
            selection: selection, fields: fields
          ).response)
      } catch .profileNotFound {
        result[id] = [
          "_page": ["orderby": "timestamp", "start": "", "count": 0, "next": ""],
          "children": [], "_links": ["next": ["href": ""]],
        ]
      }
    }
    return .object(result)
  }

  /// The `(namespace, value)` pairs of a POST body's `identities`.
  static func requestedIdentities(_ body: JSONValue) throws(SandboxError) -> [(String, String)] {
    guard let identities = body["identities"]?.arrayValue, !identities.isEmpty else {
      throw .invalidRequest(
        "The body needs 'identities': [{\"entityId\", \"entityIdNS\": {\"code\"}}]")
    }
    var pairs: [(String, String)] = []
    for requested in identities {
      guard let id = requested["entityId"]?.stringValue,
        let namespace = requested[path: ["entityIdNS", "code"]]?.stringValue
      else {
        throw .invalidRequest("Each identity needs 'entityId' and 'entityIdNS': {'code'}")
      }
      pairs.append((namespace, id))
    }
    return pairs
  }

  /// The namespace and value named by `query`'s `id`/`namespace` parameters; without a
  /// namespace, the id is read as an XID (the `entityId` a profile lookup answers with).
  static func identity(
    _ query: [String: String], id: String, namespace: String, service: Sandbox
  ) throws(SandboxError) -> (String, String) {
    guard let value = query[id], !value.isEmpty else {
      throw .invalidRequest("The query parameter '\(id)' is required")
    }
    if let code = query[namespace], !code.isEmpty { return (code, value) }
    guard let xid = XID.decode(value),
      let known = try service.registry().namespace(withID: xid.nsid)
    else {
      throw .invalidRequest(
        "'\(value)' is not an XID this sandbox issued: send '\(namespace)' with the identity's "
          + "namespace code, or an XID from a profile lookup's 'entityId'")
    }
    return (known.code, xid.id)
  }

  /// A comma-separated list, without empty items.
  static func list(_ text: String?) -> [String] {
    (text ?? "").split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
  }

  /// An engine namespace as the Platform's namespace object.
  static func document(for namespace: Identities.IdentityNamespace) -> NamespaceDocument {
    NamespaceDocument(
      id: namespace.id, code: namespace.code, name: namespace.name,
      description: namespace.description, idType: namespace.type.rawValue,
      custom: namespace.isCustom)
  }

  /// `value` as JSON.
  static func encode(_ value: some Encodable) throws(SandboxError) -> JSONValue {
    do {
      // Straight into a JSONValue: going through JSON text and parsing it back cost a tenth
      // of a profile lookup's time (measured under wrk).
      return try JSONValueEncoder().encode(value)
    } catch {
      throw .invalidRequest("The answer could not be encoded")
    }
  }
}
