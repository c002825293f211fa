import LabCore
import LocalServer
import PlatformAPI

/// A stand-in for the Sandbox service with one persona, used to test the server's plumbing
/// (paths, headers, errors, encoding); the engine's own behaviour is tested in its targets.
struct StubSandbox: PlatformBackend {
  static let email = "jane+doe@example.com"
  static let bigGraphEmail = "crowd@example.com"

  var sandbox: SandboxDescriptor {
    SandboxDescriptor(sandboxId: "sb-1", sandboxName: "prod", type: "production", default: true)
  }

  func answer(_ operation: PlatformOperation) async throws(BackendError) -> JSONValue {
    switch operation {
    case .listNamespaces:
      return [
        [
          "id": 4, "code": "ECID", "name": "ECID", "idType": "COOKIE", "status": "ACTIVE",
          "custom": false,
        ],
        [
          "id": 6, "code": "Email", "name": "Email", "idType": "EMAIL", "status": "ACTIVE",
          "custom": false,
        ],
      ]
    case .getProfile(let query):
      if query["entityIdNS"]?.lowercased() == "email", query["entityId"] == Self.bigGraphEmail {
        throw .unprocessable("UPS-MRG-1000002: Too many related identities (61 > 50).")
      }
      guard query["entityIdNS"]?.lowercased() == "email", query["entityId"] == Self.email else {
        throw .notFound(
          "UPS-ACC-1000001: No profile found for identity '\(query["entityId"] ?? "")'.")
      }
      return [
        "XID1": [
          "entityId": "XID1", "sources": ["ds1"],
          "entity": ["personalEmail": ["address": .string(Self.email)]],
          "lastModifiedAt": "2026-11-29T00:00:00Z",
        ]
      ]
    case .getEvents(let query):
      return [
        "_page": ["orderby": "timestamp", "start": "e1", "count": 1, "next": ""],
        "children": [
          [
            "relatedEntityId": "XID1", "entityId": "e1", "timestamp": 1,
            "entity": ["eventType": "web.webpagedetails.pageViews"],
          ]
        ], "_links": ["next": ["href": ""]], "echo": .string(query["relatedEntityId"] ?? ""),
      ]
    case .getClusterMembers(let query):
      return [
        "version": "1.0.0",
        "clusters": [
          [
            "compositeXid": ["nsid": 6, "id": .string(query["id"] ?? "")],
            "members": [
              ["nsid": 6, "id": .string(query["id"] ?? "")],
              ["nsid": 4, "id": "12345678901234567890123456789012345678"],
            ],
          ]
        ], "unprocessedXids": [],
      ]
    case .createSegmentDefinition(let body):
      guard case .object(var definition) = body else {
        throw .invalidRequest("The body must be an object.")
      }
      definition["id"] = "seg-1"
      return .object(definition)
    default:
      throw .notImplemented("The stub does not answer \(operation).")
    }
  }
}
