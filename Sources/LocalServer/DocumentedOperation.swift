import Hummingbird

/// One operation of the Platform's OpenAPI documents: its method, path and `operationId`.
struct DocumentedOperation: Sendable {
  /// The document an operation comes from.
  enum Document: String, Sendable {
    /// Identity Service API.
    case identityService = "Identity Service API"
    /// Real-time Customer Profile API.
    case profile = "Real-time Customer Profile API"
    /// Segmentation Service API.
    case segmentation = "Segmentation Service API"
  }

  /// The HTTP method.
  var method: HTTPRequest.Method
  /// The full path from the gateway, with `{id}` for the path parameter.
  var template: String
  /// The document's `operationId`.
  var operationID: String
  /// The document that describes it.
  var document: Document

  /// Creates an operation.
  init(
    _ method: HTTPRequest.Method, _ template: String, _ operationID: String, in document: Document
  ) {
    self.method = method
    self.template = template
    self.operationID = operationID
    self.document = document
  }

  /// The template with every parameter name blanked, to compare paths.
  var shape: String { Self.shape(of: template) }

  /// `template` with every `{name}` written `{}`.
  static func shape(of template: String) -> String {
    var result = ""
    var inParameter = false
    for character in template {
      if character == "{" {
        inParameter = true
        result.append("{}")
      } else if character == "}" {
        inParameter = false
      } else if !inParameter {
        result.append(character)
      }
    }
    return result
  }

  /// The operations the local server does not serve: each answers 501 naming it.
  static let unserved: [DocumentedOperation] = {
    let served = Set(RouteCatalog.routes.map { "\($0.method.rawValue) \(shape(of: $0.template))" })
    return DocumentedOperations.all.filter {
      !served.contains("\($0.method.rawValue) \($0.shape)")
    }
  }()

  /// The 501 this server answers for the operation, in the error shape of its service.
  var notOffered: APIError {
    APIError.backend(
      .notImplemented(
        "The local sandbox does not offer '\(operationID)' (\(method.rawValue) \(template)) of "
          + "the \(document.rawValue); GET /openapi.json lists what it serves."),
      family: APIError.family(forPath: template))
  }
}
