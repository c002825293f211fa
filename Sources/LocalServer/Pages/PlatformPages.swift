import Foundation
import Hummingbird
import Identities
import LabCore
import PlatformAPI
import Profiles
import Sandbox
import Segmentation

/// The Platform's Profile and Segment pages (`/platform/...`): browse a profile by any
/// identity, its identity graph as a picture, the segments with their members, and a segment
/// builder with a live estimate, all through the Sandbox as the `profile`, `graph` and
/// `segment` commands.
struct PlatformPages: Sendable {
  /// The sandbox.
  let sandbox: Sandbox
  /// The templates.
  let renderer: PageRenderer

  /// Adds the routes to `router`.
  func add(to router: Router<BasicRequestContext>) {
    router.get("/platform/") { request, _ in await browse(request) }
    router.get("/platform/graph") { request, _ in await graph(request) }
    router.get("/platform/segments") { request, _ in await segments(request) }
    router.get("/platform/segments/new") { _, _ in builder() }
    router.post("/platform/segments") { request, _ in try await create(request) }
    router.post("/platform/estimate") { request, _ in try await estimate(request) }
    router.get("/platform/segments/{id}") { request, context in
      await segment(
        context.parameters.get("id") ?? "", message: request.uri.queryParameters.get("message"))
    }
    router.post("/platform/segments/{id}/run") { _, context in
      await run(context.parameters.get("id") ?? "")
    }
  }

  /// Runs `work` on the sandbox off the event loop.
  func work<Value: Sendable>(_ work: @escaping @Sendable (Sandbox) throws(SandboxError) -> Value)
    async -> Result<Value, SandboxError>
  {
    await BlockingWork.run { [sandbox] () -> Result<Value, SandboxError> in
      Result { () throws(SandboxError) in try work(sandbox) }
    }
  }

  // MARK: - Profiles

  /// Profiles → Browse: the form, and the profile when an identity is given.
  func browse(_ request: Request) async -> Response {
    let query = request.uri.queryParameters
    let namespace = query.get("ns") ?? "Email"
    let id = (query.get("id") ?? "").trimmingCharacters(in: .whitespaces)
    let policyID = query.get("mergePolicy").flatMap { $0.isEmpty ? nil : $0 }
    let policies = (try? sandbox.mergePolicies().policies) ?? []
    var context: [String: Any] = [
      "title": "Profiles", "section": "platform", "id": id,
      "namespaces": Self.namespaces.map {
        ["value": $0, "selected": $0.lowercased() == namespace.lowercased()]
      },
      "policies": policies.map { policy -> [String: Any] in
        [
          "id": policy.id, "name": policy.name + (policy.isDefault ? " (default)" : ""),
          "selected": policyID == policy.id || (policyID == nil && policy.isDefault),
        ]
      },
    ]
    guard !id.isEmpty else { return renderer.response("platform-browse", context) }
    let found = await work { sandbox throws(SandboxError) in
      (
        try sandbox.profile(namespace: namespace, id: id, mergePolicy: policyID),
        try sandbox.events(
          namespace: namespace, id: id, mergePolicy: policyID,
          selection: EventSelection(newestFirst: true))
      )
    }
    switch found {
    case .failure(let error):
      context["error"] = error.localizedDescription
      return renderer.response("platform-browse", context, status: .notFound)
    case .success(let (profile, events)):
      let entity = profile.profile.entity
      let names = (try? sandbox.segmentDefinitions()) ?? []
      let first = entity[path: ["person", "name", "firstName"]]?.stringValue ?? ""
      let last = entity[path: ["person", "name", "lastName"]]?.stringValue ?? ""
      context["profile"] =
        [
          "name": "\(first) \(last)".trimmingCharacters(in: .whitespaces).isEmpty
            ? "(no name)" : "\(first) \(last)",
          "entityId": profile.entity?.entityId ?? "", "policy": profile.policy.name,
          "ns": namespace, "idQuery": QueryString.escape(id),
          "attributes": Self.leaves(entity).filter { !$0.path.hasPrefix("segmentMembership") }
            .map { ["path": $0.path, "value": $0.value] },
          "eventCount": events.response.children.count,
          "events": events.response.children.prefix(50).map { child -> [String: String] in
            let event = child.entity
            return [
              "time": event["timestamp"]?.stringValue ?? "",
              "type": event["eventType"]?.stringValue ?? "",
              "detail": LumaRecords.detail(of: event),
            ]
          },
          "segments": (entity[path: ["segmentMembership", "ups"]]?.objectValue ?? [:])
            .map { id, value in
              "\(names.first { $0.id == id }?.name ?? id): \(value["status"]?.stringValue ?? "")"
            }.sorted(),
        ] as [String: Any]
      return renderer.response("platform-browse", context)
    }
  }

  /// The identity graph of a profile as an SVG picture and a table of its links.
  func graph(_ request: Request) async -> Response {
    let query = request.uri.queryParameters
    let namespace = query.get("ns") ?? "Email"
    let id = query.get("id") ?? ""
    var context: [String: Any] = ["title": "Identity graph", "section": "platform"]
    switch await work({ sandbox throws(SandboxError) in
      try sandbox.graph(namespace: namespace, id: id)
    }) {
    case .failure(let error):
      context["error"] = error.localizedDescription
      return renderer.response("platform-graph", context, status: .notFound)
    case .success(let picture):
      let active = picture.links.filter { $0.state == .active }
      context["graph"] =
        [
          "summary": "\(counted(picture.identities.count, "identity", "identities")), "
            + "\(counted(active.count, "link")).",
          "svg": GraphSVG.render(picture),
          "links": active.map { link -> [String: String] in
            [
              "from": "\(link.from.namespace) \(link.from.id)",
              "to": "\(link.to.namespace) \(link.to.id)",
              "dataset": picture.datasetNames[link.origin.dataset] ?? link.origin.dataset,
              "batch": link.origin.batch,
            ]
          },
        ] as [String: Any]
      return renderer.response("platform-graph", context)
    }
  }

  // MARK: - Segments

  /// The segments with their evaluation and member counts.
  func segments(_ request: Request) async -> Response {
    let rows = await work { sandbox throws(SandboxError) -> [[String: String]] in
      let jobs = try sandbox.segmentJobs()
      var rows: [[String: String]] = []
      for definition in try sandbox.segmentDefinitions() {
        let id = definition.id ?? ""
        let members = try sandbox.segmentMemberCount(id)
        let job = jobs.last { job in
          job.segments.contains { $0["segmentId"]?.stringValue == id }
        }
        rows.append([
          "id": id, "name": definition.name, "evaluation": Self.evaluation(definition),
          "members": String(members), "job": job.map { "\($0.status)" } ?? "none yet",
        ])
      }
      return rows
    }
    var context: [String: Any] = [
      "title": "Segments", "section": "platform", "segments": (try? rows.get()) ?? [],
    ]
    if let message = request.uri.queryParameters.get("message") { context["message"] = message }
    return renderer.response("platform-segments", context)
  }

  /// One segment, its members, and a button that runs a batch job.
  func segment(_ id: String, message: String? = nil) async -> Response {
    let found = await work { sandbox throws(SandboxError) in
      (try sandbox.segmentDefinition(id), try sandbox.segmentMembers(id, includingExited: false))
    }
    guard case .success(let (definition, members)) = found else {
      return PageRenderer.redirect(to: "/platform/segments?message=No+such+segment.")
    }
    var context: [String: Any] = [
      "title": definition.name, "section": "platform", "id": definition.id ?? id,
      "name": definition.name, "evaluation": Self.evaluation(definition),
      "pql":
        (try? SegmentExpressionSource(
          format: SegmentExpressionFormat(rawValue: definition.expression.format) ?? .text,
          value: definition.expression.value
        ).pqlText()) ?? definition.expression.value,
      "count": members.count,
      "members": members.prefix(200).map {
        [
          "status": $0.membership.status.rawValue,
          "identity": "\($0.primaryIdentity.namespace) \($0.primaryIdentity.id)",
          "name": "",
        ]
      },
    ]
    if let message { context["message"] = message }
    return renderer.response("platform-segment", context)
  }

  /// The segment builder's form.
  func builder(error: String? = nil, form: FormData? = nil) -> Response {
    var context: [String: Any] = [
      "title": "Create a segment", "section": "platform",
      "products": LumaCatalog.products.map { ["name": $0.name] },
      "pql": form?["pql"] ?? "", "name": form?["name"] ?? "", "estimate": "-",
      "evaluations": ["batch", "streaming", "edge"].map {
        ["value": $0, "selected": (form?["evaluation"] ?? "batch") == $0]
      },
    ]
    if let error { context["error"] = error }
    return renderer.response("platform-builder", context, status: error == nil ? .ok : .badRequest)
  }

  /// `POST /platform/estimate`: how many profiles the PQL selects now, or why it cannot.
  func estimate(_ request: Request) async throws -> Response {
    let form = try await FormData.read(request)
    let text: String
    switch await work({ sandbox throws(SandboxError) in
      try sandbox.previewSegment(
        expression: SegmentExpressionSource(value: form["pql"]), limit: 0
      ).estimate
    }) {
    case .success(let estimate):
      text = "\(counted(estimate.estimatedSize, "profile")) qualify now"
    case .failure(let error):
      text = error.localizedDescription
    }
    return Response(
      status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
  }

  /// `POST /platform/segments`: saves the builder's segment, or shows why it was refused.
  func create(_ request: Request) async throws -> Response {
    let form = try await FormData.read(request)
    let evaluation = form["evaluation"]
    let result = await work { sandbox throws(SandboxError) in
      try sandbox.createSegment(
        SegmentDefinition(
          name: form["name"], expression: SegmentExpression(value: form["pql"]),
          evaluationInfo: EvaluationInfo(
            batch: evaluation == "batch" || evaluation.isEmpty,
            continuous: evaluation == "streaming", synchronous: evaluation == "edge")))
    }
    switch result {
    case .success(let definition):
      return PageRenderer.redirect(
        to: "/platform/segments/\(definition.id ?? "")?"
          + QueryString.encode([
            ("message", "Saved. A batch segment gets members when a job runs it.")
          ]))
    case .failure(let error):
      return builder(error: error.localizedDescription, form: form)
    }
  }

  /// `POST /platform/segments/{id}/run`: a batch segment job, then the segment's page.
  func run(_ id: String) async -> Response {
    let result = await work { sandbox throws(SandboxError) in
      try sandbox.runSegmentJob(segmentIDs: [id])
    }
    let message: String
    switch result {
    case .success(let job):
      let count = job.metrics[path: ["segmentedProfileCounter", id]]?.serialized() ?? "0"
      message = "Segment job \(job.id): \(job.status), \(count) members."
    case .failure(let error):
      message = error.localizedDescription
    }
    return PageRenderer.redirect(
      to: "/platform/segments/\(id)?" + QueryString.encode([("message", message)]))
  }

  // MARK: - Helpers

  /// The namespaces the forms offer.
  static let namespaces = ["Email", "Phone", "ECID", "CRMID", "loyaltyId"]

  /// How a definition is evaluated, as the Platform's UI says it.
  static func evaluation(_ definition: SegmentDefinition) -> String {
    let info = definition.evaluationInfo
    if info?.continuous?.enabled == true { return "streaming" }
    if info?.synchronous?.enabled == true { return "edge" }
    return "batch"
  }

  /// Every leaf of `value` with its dotted path.
  static func leaves(_ value: JSONValue, prefix: String = "") -> [(path: String, value: String)] {
    switch value {
    case .object(let members):
      return members.keys.sorted().flatMap { key in
        leaves(members[key] ?? .null, prefix: prefix.isEmpty ? key : "\(prefix).\(key)")
      }
    case .array(let elements):
      return elements.enumerated().flatMap { index, element in
        leaves(element, prefix: "\(prefix)[\(index)]")
      }
    case .string(let text):
      return [(prefix, text)]
    default:
      return [(prefix, value.serialized())]
    }
  }
}
