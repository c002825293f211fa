import Foundation
import LabCore
import LocalServer
import PlatformAPI
import Testing

/// `GET /openapi.json` describes what the server serves, and every operation in it answers in
/// the Platform's shapes: a documented operation the sandbox does not offer is a 501 naming
/// it, never a bare 404, and nothing is a 500.
@Suite struct OpenAPIDocumentTests {
  private func withServer(_ body: (Int, [HeaderField], JSONValue) async throws -> Void)
    async throws
  {
    let backend = SandboxBackend(sandbox: try PersonaFixture.sandbox(), jobPhase: .zero)
    try await TestServer.with(backend: backend) { port in
      let token = try await TestServer.token(port: port)
      let response = try await TestServer.raw("GET", port: port, path: "/openapi.json")
      #expect(response.status == 200)
      let document = try JSONDecoder().decode(JSONValue.self, from: Data(response.body))
      try await body(port, TestServer.headers(token: token), document)
    }
  }

  @Test func theDocumentListsServedAndUnservedOperations() async throws {
    try await withServer { _, _, document in
      #expect(document["openapi"] == "3.0.3")
      let paths = try #require(document["paths"]?.objectValue)
      #expect(paths["/data/core/ups/segment/definitions"]?["post"] != nil)
      #expect(paths["/ims/token/v3"]?["post"] != nil)
      let audiences = paths["/data/core/ups/audiences/{id}"]?["patch"]
      #expect(audiences?["responses"]?["501"] != nil)
      #expect(paths.keys.allSatisfy { $0.hasPrefix("/") })
    }
  }

  @Test func anUnservedDocumentedOperationIs501NamingIt() async throws {
    try await withServer { port, headers, _ in
      let response = try await TestServer.raw(
        "POST", port: port, path: "/data/core/ups/system/jobs",
        headers: headers + [HeaderField("Content-Type", "application/json")], body: "{}")
      #expect(response.status == 501)
      let body = try JSONDecoder().decode(JSONValue.self, from: Data(response.body))
      #expect(body["detail"]?.stringValue?.contains("'createDeleteRequest'") == true)
      #expect(body["title"]?.stringValue == "NotImplementedError")
    }
  }

  @Test func everyOperationInTheDocumentAnswersWithoutA500OrABare404() async throws {
    try await withServer { port, headers, document in
      let paths = try #require(document["paths"]?.objectValue)
      var answered = 0
      for (template, item) in paths.sorted(by: { $0.key < $1.key })
      where template != "/ims/token/v3" {
        for method in ["get", "post", "put", "patch", "delete"] {
          guard let operation = item[method] else { continue }
          let path = template.replacingOccurrences(
            of: #"\{[^}]+\}"#, with: "unknown-id", options: .regularExpression)
          let hasBody = ["post", "put", "patch"].contains(method)
          let response = try await TestServer.raw(
            method.uppercased(), port: port, path: path,
            headers: headers + (hasBody ? [HeaderField("Content-Type", "application/json")] : []),
            body: hasBody ? "{}" : nil)
          let documented = operation["responses"]?.objectValue?.keys.compactMap { Int($0) } ?? []
          #expect(response.status < 500 || response.status == 501, "\(method) \(template)")
          if response.status == 404 {
            let body = try JSONDecoder().decode(JSONValue.self, from: Data(response.body))
            #expect(!body.serialized().contains("There is no"), "\(method) \(template)")
          }
          if documented.contains(501) { #expect(response.status == 501, "\(method) \(template)") }
          answered += 1
        }
      }
      #expect(answered > 60)
    }
  }
}
