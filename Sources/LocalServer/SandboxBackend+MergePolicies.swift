import LabCore
import PlatformAPI
import Profiles
import Sandbox

extension SandboxBackend {
  /// `PUT /config/mergePolicies/{id}`: the body's settings replace the policy's; a field the
  /// body leaves out keeps its current value.
  static func replaceMergePolicy(_ id: String, _ body: JSONValue, service: Sandbox)
    throws(SandboxError) -> MergePolicy
  {
    let current = try service.document(for: policy(id, service: service))
    let order =
      body[path: ["attributeMerge", "order"]]?.arrayValue?.compactMap(\.stringValue)
      ?? current.attributeMerge.order ?? []
    return try service.updateMergePolicy(
      id,
      name: body["name"]?.stringValue ?? current.name,
      attributeMerge: body[path: ["attributeMerge", "type"]]?.stringValue
        ?? current.attributeMerge.type,
      datasetOrder: order,
      identityGraph: body[path: ["identityGraph", "type"]]?.stringValue
        ?? current.identityGraph.type,
      isDefault: body["default"]?.boolValue ?? current.isDefault,
      isActiveOnEdge: body["isActiveOnEdge"]?.boolValue ?? current.isActiveOnEdge)
  }

  /// `PATCH /config/mergePolicies/{id}`: JSON Patch `add` / `replace` operations on the
  /// policy's settings (`/name`, `/default`, `/isActiveOnEdge`, `/identityGraph/type`,
  /// `/attributeMerge/type`, `/attributeMerge/order`), applied together.
  static func patchMergePolicy(_ id: String, _ body: JSONValue, service: Sandbox)
    throws(SandboxError) -> MergePolicy
  {
    // The docs' sample sends one operation object rather than an array; accept both.
    let operations = body.arrayValue ?? [body]
    var document = try encode(service.document(for: policy(id, service: service)))
    for operation in operations {
      let verb = operation["op"]?.stringValue ?? "replace"
      guard verb == "replace" || verb == "add" else {
        throw .invalidRequest(
          "This lab server applies JSON Patch 'replace' and 'add' to merge policies, not '\(verb)'"
        )
      }
      guard let pointer = operation["path"]?.stringValue,
        patchablePaths.contains(pointer), let value = operation["value"]
      else {
        throw .invalidRequest(
          "Each operation needs a 'value' and a 'path' among "
            + patchablePaths.sorted().joined(separator: ", "))
      }
      document = setting(value, at: pointer.split(separator: "/").map(String.init), in: document)
    }
    return try replaceMergePolicy(id, document, service: service)
  }

  /// The JSON Pointers a PATCH may change.
  static let patchablePaths: Set<String> = [
    "/name", "/default", "/isActiveOnEdge", "/identityGraph/type", "/attributeMerge/type",
    "/attributeMerge/order",
  ]

  /// `document` with `value` set at the object path `keys`, creating objects on the way.
  static func setting(_ value: JSONValue, at keys: [String], in document: JSONValue) -> JSONValue {
    guard let key = keys.first else { return value }
    var members = document.objectValue ?? [:]
    members[key] = setting(value, at: Array(keys.dropFirst()), in: members[key] ?? .null)
    return .object(members)
  }
}
