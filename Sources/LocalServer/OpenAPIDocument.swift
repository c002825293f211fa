import Hummingbird
import LabCore

/// The server's own OpenAPI 3.0 document (`GET /openapi.json`): exactly the operations it
/// serves, with the query parameters each reads and their ranges, and the documented
/// operations it does not offer as `501` only.
enum OpenAPIDocument {
  /// The whole document, for a server at `baseURL`.
  static func json(baseURL: String) -> JSONValue {
    var paths: [String: JSONValue] = [:]
    func add(_ template: String, _ method: String, _ operation: JSONValue) {
      var item = paths[template]?.objectValue ?? [:]
      if item["parameters"] == nil, template.contains("{") {
        item["parameters"] = .array(pathParameters(template))
      }
      item[method.lowercased()] = operation
      paths[template] = .object(item)
    }
    add("/ims/token/v3", "POST", tokenOperation)
    for route in RouteCatalog.routes {
      add(route.template, route.method.rawValue, operation(for: route))
    }
    for documented in DocumentedOperation.unserved {
      add(documented.template, documented.method.rawValue, notOffered(documented))
    }
    return [
      "openapi": "3.0.3",
      "info": [
        "title": "aep-lab serve", "version": "1",
        "description": .string(
          "The local sandbox's part of the Platform's Identity Service, Real-time Customer "
            + "Profile and Segmentation Service APIs. Operations of those APIs it does not offer "
            + "answer 501."),
      ],
      "servers": [["url": .string(baseURL)]],
      "security": [["bearer": [], "apiKey": [], "orgID": [], "sandboxName": []]],
      "components": [
        "securitySchemes": [
          "bearer": ["type": "http", "scheme": "bearer"],
          "apiKey": ["type": "apiKey", "in": "header", "name": "x-api-key"],
          "orgID": ["type": "apiKey", "in": "header", "name": "x-gw-ims-org-id"],
          "sandboxName": ["type": "apiKey", "in": "header", "name": "x-sandbox-name"],
        ],
        "schemas": ["Error": ["type": "object"]],
      ],
      "paths": .object(paths),
    ]
  }

  /// The `{id}` parameters of `template`.
  private static func pathParameters(_ template: String) -> [JSONValue] {
    var names: [String] = []
    var current: String?
    for character in template {
      if character == "{" {
        current = ""
      } else if character == "}", let name = current {
        names.append(name)
        current = nil
      } else if current != nil {
        current?.append(character)
      }
    }
    return names.map {
      ["name": .string($0), "in": "path", "required": true, "schema": ["type": "string"]]
    }
  }

  /// Any JSON, as a response or request body.
  private static let anyJSON: JSONValue = ["application/json": ["schema": [:]]]

  /// The error responses every data call may give (4xx in the Platform's shapes, 5xx only for
  /// a timeout or a shutdown).
  private static let errors: JSONValue = [
    "description": "An error in the Platform's shape for the service (4xx; 501, 503, 504).",
    "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
  ]

  /// The operation object of a served route.
  private static func operation(for route: PlatformRoute) -> JSONValue {
    var responses: [String: JSONValue] = ["default": errors]
    if route.success == .noContent {
      responses[String(route.success.code)] = ["description": "Done."]
    } else {
      responses[String(route.success.code)] = ["description": "Success.", "content": anyJSON]
    }
    var operation: [String: JSONValue] = [
      "operationId": .string(operationID(route)), "responses": .object(responses),
    ]
    let parameters = queryParameters[route.method.rawValue + " " + route.template] ?? []
    if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
    if route.hasBody {
      operation["requestBody"] = ["required": true, "content": anyJSON]
    }
    return .object(operation)
  }

  /// The operation object of a documented operation this server does not offer.
  private static func notOffered(_ documented: DocumentedOperation) -> JSONValue {
    [
      "operationId": .string(documented.operationID),
      "description": .string("Not offered by the local sandbox: answers 501."),
      "tags": ["not offered"],
      "responses": ["501": errors, "default": errors],
    ]
  }

  /// `POST /ims/token/v3`.
  private static let tokenOperation: JSONValue = [
    "operationId": "imsToken", "security": [],
    "requestBody": [
      "required": true,
      "content": [
        "application/x-www-form-urlencoded": [
          "schema": [
            "type": "object",
            "properties": [
              "grant_type": ["type": "string"], "client_id": ["type": "string"],
              "client_secret": ["type": "string"], "scope": ["type": "string"],
            ],
          ]
        ]
      ],
    ],
    "responses": [
      "200": ["description": "A token.", "content": anyJSON],
      "default": [
        "description": "OAuth's error shape.", "content": anyJSON,
      ],
    ],
  ]

  /// A name for a served route: the method and path in camel case.
  private static func operationID(_ route: PlatformRoute) -> String {
    let words = route.template.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
      .filter { !["data", "core"].contains($0) }
    return route.method.rawValue.lowercased()
      + words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }

  /// One query parameter.
  private static func query(
    _ name: String, _ schema: JSONValue = ["type": "string"], required: Bool = false
  ) -> JSONValue {
    // An empty value counts as absent (Postman sends `name=` for a variable left blank).
    [
      "name": .string(name), "in": "query", "required": .bool(required), "schema": schema,
      "allowEmptyValue": .bool(!required),
    ]
  }

  /// A paging offset parameter.
  private static func offset(_ name: String) -> JSONValue {
    query(
      name,
      ["type": "integer", "minimum": 0, "maximum": .number(Double(QueryNumber.maximumOffset))])
  }

  /// A page size parameter.
  private static let limit = query(
    "limit",
    ["type": "integer", "minimum": 1, "maximum": .number(Double(QueryNumber.maximumLimit))])

  /// A time in milliseconds.
  private static func milliseconds(_ name: String) -> JSONValue {
    query(name, ["type": "integer", "format": "int64"])
  }

  /// The query parameters each served route reads, by "METHOD template".
  private static let queryParameters: [String: [JSONValue]] = [
    "GET /data/core/ups/access/entities": [
      query("schema.name", required: true), query("entityId"), query("entityIdNS"),
      query("relatedSchema.name"), query("relatedEntityId"), query("relatedEntityIdNS"),
      query("mergePolicyId"), query("fields"), query("orderby"), milliseconds("startTime"),
      milliseconds("endTime"), limit, query("start"),
    ],
    "DELETE /data/core/ups/access/entities": [
      query("schema.name", required: true), query("entityId"), query("entityIdNS"),
      query("mergePolicyId"),
    ],
    "GET /data/core/identity/cluster/members": [
      query("xid"), query("ns"), query("nsId"), query("id"),
    ],
    "GET /data/core/ups/segment/definitions": [offset("start"), limit],
    "GET /data/core/ups/segment/jobs": [offset("start"), limit, query("status")],
    "GET /data/core/ups/export/jobs": [limit, query("status")],
    "GET /data/core/ups/preview/{id}": [offset("offset"), limit],
  ]
}
