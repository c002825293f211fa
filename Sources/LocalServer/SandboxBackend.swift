import Foundation
import Identities
import LabCore
import PlatformAPI
import Profiles
import Sandbox

/// The production ``PlatformBackend``: each operation is one call into the workspace's
/// ``Sandbox`` service, run off the cooperative pool, its answer encoded as the Platform's JSON.
///
/// It holds no business rules: lookups, merging, paging and errors are the Sandbox's. Every
/// call reads the state file afresh, so ingests made by other commands while the server runs
/// are seen.
public struct SandboxBackend: PlatformBackend {
  /// The sandbox service.
  public let service: Sandbox

  /// Serves `sandbox`.
  public init(sandbox: Sandbox) {
    service = sandbox
  }

  /// The lab's one sandbox, `prod`.
  public var sandbox: SandboxDescriptor {
    SandboxDescriptor(
      sandboxId: "aep-lab-prod", sandboxName: PlatformCredentials.defaultSandbox,
      type: "production", default: true)
  }

  /// Answers `operation` from the sandbox.
  public func answer(_ operation: PlatformOperation) async throws(BackendError) -> JSONValue {
    guard Self.serves(operation) else { throw .notImplemented(Self.notYetServed) }
    let service = service
    do {
      return try await BlockingWork.run { () throws(SandboxError) -> JSONValue in
        try Self.answer(operation, service: service)
      }
    } catch {
      throw APIError.backendError(for: error)
    }
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
      else { throw .invalidRequest("No identity namespace has the id '\(id)'.") }
      return try encode(document(for: namespace))
    case .getProfile(let query):
      let (namespace, id) = try identity(query, id: "entityId", namespace: "entityIdNS")
      return try encode(
        service.profile(
          namespace: namespace, id: id, mergePolicy: query["mergePolicyId"],
          fields: list(query["fields"])
        ).response)
    case .getEvents(let query):
      let hasRelated = query["relatedEntityId"] != nil
      let (namespace, id) = try identity(
        query, id: hasRelated ? "relatedEntityId" : "entityId",
        namespace: hasRelated ? "relatedEntityIdNS" : "entityIdNS")
      let order = query["orderby"] ?? query["orderBy"] ?? "+timestamp"
      let selection = EventSelection(
        newestFirst: order.hasPrefix("-"), startTime: query["startTime"].flatMap { Int64($0) },
        endTime: query["endTime"].flatMap { Int64($0) },
        limit: query["limit"].flatMap { Int($0) } ?? 1000)
      return try encode(
        service.events(
          namespace: namespace, id: id, mergePolicy: query["mergePolicyId"],
          selection: selection, start: query["start"], fields: list(query["fields"])
        ).response)
    case .postEntities(let body):
      return try postEntities(body, service: service)
    default:
      throw .invalidRequest(Self.notYetServed)
    }
  }

  /// Whether this build's sandbox has the engine part `operation` needs.
  static func serves(_ operation: PlatformOperation) -> Bool {
    switch operation {
    case .listNamespaces, .getNamespace, .getProfile, .getEvents, .postEntities: return true
    default: return false
    }
  }

  /// The sentence for calls whose engine part is not in this build.
  static let notYetServed =
    "This aep-lab build's sandbox does not serve this call yet (its engine part is missing)"

  /// `POST /access/entities` for profiles: one lookup per requested identity; unknown ones
  /// come back empty, as the Platform answers them.
  static func postEntities(_ body: JSONValue, service: Sandbox) throws(SandboxError) -> JSONValue {
    guard body[path: ["schema", "name"]]?.stringValue == "_xdm.context.profile" else {
      throw .invalidRequest(
        "This lab server answers POST /access/entities for 'schema.name' "
          + "'_xdm.context.profile' only.")
    }
    guard let identities = body["identities"]?.arrayValue, !identities.isEmpty else {
      throw .invalidRequest(
        "The body needs 'identities': [{\"entityId\", \"entityIdNS\": {\"code\"}}].")
    }
    let fields = (body["fields"]?.arrayValue ?? []).compactMap(\.stringValue)
    var result: [String: JSONValue] = [:]
    for requested in identities {
      guard let id = requested["entityId"]?.stringValue,
        let namespace = requested[path: ["entityIdNS", "code"]]?.stringValue
      else {
        throw .invalidRequest("Each identity needs 'entityId' and 'entityIdNS': {'code'}.")
      }
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

  /// The namespace and value named by `query`'s `id`/`namespace` parameters.
  static func identity(_ query: [String: String], id: String, namespace: String)
    throws(SandboxError) -> (String, String)
  {
    guard let value = query[id], !value.isEmpty else {
      throw .invalidRequest("The query parameter '\(id)' is required.")
    }
    guard let code = query[namespace], !code.isEmpty else {
      throw .invalidRequest(
        "The query parameter '\(namespace)' is required: this lab server does not look up XIDs.")
    }
    return (code, value)
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
      return try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    } catch {
      throw .invalidRequest("The answer could not be encoded.")
    }
  }
}
