import Hummingbird
import LabCore
import PlatformAPI

/// The Platform paths `aep-lab serve` supports, with how each becomes a ``PlatformOperation``.
///
/// Used to register the routes, to list them on `GET /`, and to name the nearest one in a 404.
enum RouteCatalog {
  /// The schema names `/access/entities` understands.
  static let profileSchema = "_xdm.context.profile"
  /// The experience event class.
  static let eventSchema = "_xdm.context.experienceevent"

  /// Every supported route.
  static let routes: [PlatformRoute] =
    profileRoutes + identityRoutes + segmentRoutes + audienceRoutes + exportRoutes

  /// `/audiences`: the same segment definitions, in the Audiences API's shape.
  static let audienceRoutes: [PlatformRoute] = [
    PlatformRoute(method: .get, template: "/data/core/ups/audiences", success: .ok) { input in
      .listAudiences(query: input.query.dictionary)
    },
    PlatformRoute(method: .post, template: "/data/core/ups/audiences", success: .created) {
      input throws(APIError) in .createAudience(body: try input.requireBody())
    },
    PlatformRoute(method: .get, template: "/data/core/ups/audiences/{id}", success: .ok) { input in
      .getAudience(id: input.id)
    },
    PlatformRoute(method: .put, template: "/data/core/ups/audiences/{id}", success: .ok) {
      input throws(APIError) in .replaceAudience(id: input.id, body: try input.requireBody())
    },
    PlatformRoute(method: .delete, template: "/data/core/ups/audiences/{id}", success: .noContent) {
      input in .deleteAudience(id: input.id)
    },
    PlatformRoute(
      method: .post, template: "/data/core/ups/audiences/bulk-get", success: .init(code: 207)
    ) { input throws(APIError) in .bulkGetAudiences(body: try input.requireBody()) },
  ]

  static let profileRoutes: [PlatformRoute] = [
    PlatformRoute(method: .get, template: "/data/core/ups/access/entities", success: .ok) {
      input throws(APIError) in
      try entitiesLookup(input.query)
    },
    PlatformRoute(method: .post, template: "/data/core/ups/access/entities", success: .ok) {
      input throws(APIError) in
      .postEntities(body: try input.requireBody())
    },
    PlatformRoute(method: .delete, template: "/data/core/ups/access/entities", success: .accepted) {
      input in .deleteEntities(query: input.query.dictionary)
    },
    PlatformRoute(
      method: .post, template: "/data/core/ups/config/mergePolicies/bulk-get",
      success: .init(code: 207)
    ) { input throws(APIError) in .bulkGetMergePolicies(body: try input.requireBody()) },
    PlatformRoute(method: .get, template: "/data/core/ups/config/mergePolicies", success: .ok) {
      input in
      .listMergePolicies(query: input.query.dictionary)
    },
    PlatformRoute(method: .post, template: "/data/core/ups/config/mergePolicies", success: .ok) {
      input throws(APIError) in
      .createMergePolicy(body: try input.requireBody())
    },
    PlatformRoute(method: .get, template: "/data/core/ups/config/mergePolicies/{id}", success: .ok)
    { input in
      .getMergePolicy(id: input.id)
    },
    PlatformRoute(method: .put, template: "/data/core/ups/config/mergePolicies/{id}", success: .ok)
    { input throws(APIError) in
      .replaceMergePolicy(id: input.id, body: try input.requireBody())
    },
    PlatformRoute(
      method: .patch, template: "/data/core/ups/config/mergePolicies/{id}", success: .ok
    ) { input throws(APIError) in
      .patchMergePolicy(id: input.id, body: try input.requireBody())
    },
    PlatformRoute(
      method: .delete, template: "/data/core/ups/config/mergePolicies/{id}", success: .ok
    ) { input in
      .deleteMergePolicy(id: input.id)
    },
  ]

  static let identityRoutes: [PlatformRoute] = [
    PlatformRoute(method: .get, template: "/data/core/identity/cluster/members", success: .ok) {
      input throws(APIError) in
      let query = input.query
      guard
        query["xid"] != nil
          || (query.first(of: "ns", "namespace", "nsId", "nsid") != nil && query["id"] != nil)
      else {
        throw APIError.badRequest(
          "Name the identity with 'xid', or with 'ns' (or 'nsId') and 'id'.", family: .identity)
      }
      return .getClusterMembers(query: query.dictionary)
    },
    PlatformRoute(method: .post, template: "/data/core/identity/clusters/members", success: .ok) {
      input throws(APIError) in
      .postClusterMembers(body: try input.requireBody())
    },
    PlatformRoute(method: .get, template: "/data/core/idnamespace/identities", success: .ok) { _ in
      .listNamespaces
    },
    PlatformRoute(method: .post, template: "/data/core/idnamespace/identities", success: .ok) {
      input throws(APIError) in .createNamespace(body: try input.requireBody())
    },
    PlatformRoute(method: .put, template: "/data/core/idnamespace/identities/{id}", success: .ok) {
      input throws(APIError) in .updateNamespace(id: input.id, body: try input.requireBody())
    },
    PlatformRoute(method: .get, template: "/data/core/idnamespace/identities/{id}", success: .ok) {
      input in
      .getNamespace(id: input.id)
    },
  ]

  static let segmentRoutes: [PlatformRoute] = [
    PlatformRoute(method: .get, template: "/data/core/ups/segment/definitions", success: .ok) {
      input in
      .listSegmentDefinitions(query: input.query.dictionary)
    },
    PlatformRoute(method: .post, template: "/data/core/ups/segment/definitions", success: .ok) {
      input throws(APIError) in
      .createSegmentDefinition(body: try input.requireBody())
    },
    PlatformRoute(method: .get, template: "/data/core/ups/segment/definitions/{id}", success: .ok) {
      input in
      .getSegmentDefinition(id: input.id)
    },
    PlatformRoute(method: .patch, template: "/data/core/ups/segment/definitions/{id}", success: .ok)
    { input throws(APIError) in
      .updateSegmentDefinition(id: input.id, body: try input.requireBody())
    },
    PlatformRoute(
      method: .delete, template: "/data/core/ups/segment/definitions/{id}", success: .ok
    ) { input in
      .deleteSegmentDefinition(id: input.id)
    },
    PlatformRoute(method: .post, template: "/data/core/ups/segment/conversion", success: .ok) {
      input throws(APIError) in
      .convertSegmentExpression(body: try input.requireBody())
    },
    PlatformRoute(method: .post, template: "/data/core/ups/segment/jobs", success: .ok) {
      input throws(APIError) in
      .createSegmentJob(body: try input.requireBody())
    },
    PlatformRoute(method: .get, template: "/data/core/ups/segment/jobs", success: .ok) { input in
      .listSegmentJobs(query: input.query.dictionary)
    },
    PlatformRoute(method: .get, template: "/data/core/ups/segment/jobs/{id}", success: .ok) {
      input in
      .getSegmentJob(id: input.id)
    },
    PlatformRoute(
      method: .delete, template: "/data/core/ups/segment/jobs/{id}", success: .noContent
    ) { input in
      .cancelSegmentJob(id: input.id)
    },
    PlatformRoute(method: .post, template: "/data/core/ups/preview", success: .created) {
      input throws(APIError) in
      .createPreview(body: try input.requireBody())
    },
    PlatformRoute(method: .get, template: "/data/core/ups/preview/{id}", success: .ok) { input in
      .getPreview(id: input.id, query: input.query.dictionary)
    },
    PlatformRoute(method: .delete, template: "/data/core/ups/preview/{id}", success: .ok) { input in
      .deletePreview(id: input.id)
    },
    PlatformRoute(method: .get, template: "/data/core/ups/estimate/{id}", success: .ok) { input in
      .getEstimate(id: input.id)
    },
  ]

  static let exportRoutes: [PlatformRoute] = [
    PlatformRoute(method: .post, template: "/data/core/ups/export/jobs", success: .ok) {
      input throws(APIError) in
      .createExportJob(body: try input.requireBody())
    },
    PlatformRoute(method: .get, template: "/data/core/ups/export/jobs", success: .ok) { input in
      .listExportJobs(query: input.query.dictionary)
    },
    PlatformRoute(method: .get, template: "/data/core/ups/export/jobs/{id}", success: .ok) {
      input in
      .getExportJob(id: input.id)
    },
    PlatformRoute(method: .delete, template: "/data/core/ups/export/jobs/{id}", success: .ok) {
      input in
      .cancelExportJob(id: input.id)
    },
    PlatformRoute(method: .post, template: "/data/foundation/catalog/dataSets", success: .created) {
      input throws(APIError) in
      .createDataSet(body: try input.requireBody())
    },
  ]

  /// Checks a `GET /access/entities` query and says whether it asks for a profile or events.
  static func entitiesLookup(_ query: QueryParameters) throws(APIError) -> PlatformOperation {
    guard let schema = query["schema.name"] else {
      throw APIError.badRequest(
        "The query parameter 'schema.name' is required ('\(profileSchema)' or '\(eventSchema)').",
        family: .profileAccess)
    }
    switch schema {
    case profileSchema:
      guard let id = query["entityId"], !id.isEmpty else {
        throw APIError.badRequest(
          "The query parameter 'entityId' is required, with 'entityIdNS' unless it is an XID.",
          family: .profileAccess)
      }
      return .getProfile(query: query.dictionary)
    case eventSchema:
      guard query["relatedEntityId"] != nil || query["entityId"] != nil else {
        throw APIError.badRequest(
          "Events need 'relatedSchema.name=\(profileSchema)' and 'relatedEntityId' (with "
            + "'relatedEntityIdNS' unless it is an XID).", family: .profileAccess)
      }
      return .getEvents(query: query.dictionary)
    default:
      throw APIError.badRequest(
        "Unknown 'schema.name' '\(schema)': use '\(profileSchema)' or '\(eventSchema)'.",
        family: .profileAccess)
    }
  }

  /// The methods any route (served, documented as not offered, or the server's own pages)
  /// takes at `path`, matching `{…}` against any one segment; empty for an unknown path.
  static func methods(forPath path: String) -> [String] {
    let segments = path.split(separator: "/", omittingEmptySubsequences: false)
    // The router prefers a literal segment to a parameter, so only the most literal matches
    // count: `/mergePolicies/bulk-get` is not `/mergePolicies/{id}`.
    var methods: Set<String> = []
    var fewestParameters = Int.max
    for template in templatesBySegmentCount[segments.count] ?? [] {
      var parameters = 0
      var matches = true
      for (part, segment) in zip(template.parts, segments) where part != segment {
        if part.hasPrefix("{"), !segment.isEmpty {
          parameters += 1
        } else {
          matches = false
          break
        }
      }
      guard matches, parameters <= fewestParameters else { continue }
      if parameters < fewestParameters {
        fewestParameters = parameters
        methods = []
      }
      methods.insert(template.method)
    }
    return methods.sorted()
  }

  /// Every route's method and path segments (served, documented as not offered, and the
  /// server's own pages), by segment count: split once, as the gateway asks on every request.
  static let templatesBySegmentCount: [Int: [(method: String, parts: [Substring])]] = {
    var templates: [(String, String)] =
      routes.map { ($0.method.rawValue, $0.template) }
      + DocumentedOperation.unserved.map { ($0.method.rawValue, $0.template) }
    templates += [("POST", "/ims/token/v3"), ("GET", "/openapi.json"), ("GET", "/")]
    return Dictionary(
      grouping: templates.map { method, template in
        (method: method, parts: template.split(separator: "/", omittingEmptySubsequences: false))
      },
      by: \.parts.count)
  }()

  /// The supported path nearest to `path`, matching `{id}` against any one segment.
  static func nearest(to path: String) -> String? {
    let segments = path.split(separator: "/").map(String.init)
    var best: (template: String, distance: Int)?
    for template in Set(routes.map(\.template)).sorted() + ["/ims/token/v3"] {
      let parts = template.split(separator: "/").map(String.init)
      var filled: [String] = []
      for (index, part) in parts.enumerated() {
        filled.append(part == "{id}" && index < segments.count ? segments[index] : part)
      }
      let distance = Suggestion.editDistance(
        "/" + segments.joined(separator: "/"), "/" + filled.joined(separator: "/"))
      if distance < best?.distance ?? .max { best = (template, distance) }
    }
    return best?.template
  }
}
