import LabCore

extension PlatformClient {
  // MARK: - Real-Time Customer Profile

  /// `GET /data/core/ups/access/entities` for one profile, by any of its identities.
  public func getProfile(
    namespace: String, id: String, fields: [String] = [], mergePolicyID: String? = nil
  ) async throws(PlatformAPIError) -> PlatformReply {
    try Self.requireIdentity(namespace: namespace, id: id)
    var query = [
      ("schema.name", "_xdm.context.profile"), ("entityId", id), ("entityIdNS", namespace),
    ]
    if !fields.isEmpty { query.append(("fields", fields.joined(separator: ","))) }
    if let mergePolicyID { query.append(("mergePolicyId", mergePolicyID)) }
    return try await send("GET", "/data/core/ups/access/entities", query: query)
  }

  /// `GET /data/core/ups/access/entities` for the experience events of one profile.
  ///
  /// `order` is `+timestamp` (oldest first, the Platform's default) or `-timestamp`; `start`
  /// is the id of the event the page starts at (a previous page's `_page.next`).
  public func getEvents(
    namespace: String, id: String, limit: Int? = nil, order: String? = nil,
    start: String? = nil
  ) async throws(PlatformAPIError) -> PlatformReply {
    try Self.requireIdentity(namespace: namespace, id: id)
    var query = [
      ("schema.name", "_xdm.context.experienceevent"),
      ("relatedSchema.name", "_xdm.context.profile"),
      ("relatedEntityId", id), ("relatedEntityIdNS", namespace),
    ]
    if let limit { query.append(("limit", String(limit))) }
    if let order { query.append(("orderby", order)) }
    if let start { query.append(("start", start)) }
    return try await send("GET", "/data/core/ups/access/entities", query: query)
  }

  /// The next page of events: `GET /data/core/ups/access` + `_links.next.href`.
  public func getEventsPage(href: String) async throws(PlatformAPIError) -> PlatformReply {
    try await send("GET", "/data/core/ups/access" + href)
  }

  /// `GET /data/core/ups/config/mergePolicies`.
  public func listMergePolicies() async throws(PlatformAPIError) -> PlatformReply {
    try await send("GET", "/data/core/ups/config/mergePolicies")
  }

  // MARK: - Identity Service

  /// `GET /data/core/identity/cluster/members?ns=&id=`: every identity linked to this one.
  public func getIdentityCluster(namespace: String, id: String) async throws(PlatformAPIError)
    -> PlatformReply
  {
    try Self.requireIdentity(namespace: namespace, id: id)
    return try await send(
      "GET", "/data/core/identity/cluster/members", query: [("ns", namespace), ("id", id)])
  }

  /// `GET /data/core/idnamespace/identities`: the sandbox's identity namespaces.
  public func listNamespaces() async throws(PlatformAPIError) -> PlatformReply {
    try await send("GET", "/data/core/idnamespace/identities")
  }

  // MARK: - Segmentation

  /// `POST /data/core/ups/segment/definitions` with a definition built here.
  public func createSegmentDefinition(_ definition: SegmentDefinition)
    async throws(PlatformAPIError) -> PlatformReply
  {
    try await send(
      "POST", "/data/core/ups/segment/definitions", body: try Self.encode(definition))
  }

  /// `POST /data/core/ups/segment/definitions` with a body written by hand (sent unchanged).
  public func createSegmentDefinition(body: [UInt8]) async throws(PlatformAPIError)
    -> PlatformReply
  {
    try await send("POST", "/data/core/ups/segment/definitions", body: body)
  }

  /// `GET /data/core/ups/segment/definitions/{id}`.
  public func getSegmentDefinition(id: String) async throws(PlatformAPIError) -> PlatformReply {
    try await send("GET", "/data/core/ups/segment/definitions/" + QueryString.escape(id))
  }

  /// `POST /data/core/ups/segment/jobs` with `[{"segmentId": ...}, ...]`.
  public func createSegmentJob(segmentIDs: [String]) async throws(PlatformAPIError)
    -> PlatformReply
  {
    let body = try Self.encode(segmentIDs.map(SegmentJobRequestItem.init(segmentId:)))
    return try await send("POST", "/data/core/ups/segment/jobs", body: body)
  }

  /// `GET /data/core/ups/segment/jobs/{id}`.
  public func getSegmentJob(id: String) async throws(PlatformAPIError) -> PlatformReply {
    try await send("GET", "/data/core/ups/segment/jobs/" + QueryString.escape(id))
  }

  /// `POST /data/core/ups/preview`: starts a preview and an estimate with the same id.
  public func createPreview(_ request: PreviewRequest) async throws(PlatformAPIError)
    -> PlatformReply
  {
    try await send("POST", "/data/core/ups/preview", body: try Self.encode(request))
  }

  /// `GET /data/core/ups/estimate/{id}`.
  public func getEstimate(previewID: String) async throws(PlatformAPIError) -> PlatformReply {
    try await send("GET", "/data/core/ups/estimate/" + QueryString.escape(previewID))
  }

  /// `GET /data/core/ups/preview/{id}`.
  public func getPreview(previewID: String) async throws(PlatformAPIError) -> PlatformReply {
    try await send("GET", "/data/core/ups/preview/" + QueryString.escape(previewID))
  }

  static func requireIdentity(namespace: String, id: String) throws(PlatformAPIError) {
    guard !namespace.trimmingSpaces.isEmpty else {
      throw .invalidInput("The namespace is empty. Pass one with '--ns', for example '--ns email'.")
    }
    guard !id.isEmpty else {
      throw .invalidInput("The identity value is empty. Pass one with '--id'.")
    }
  }
}
