import LabCore
import PQL
import PlatformAPI

/// `POST /segment/conversion`: a segment definition's expression turned from `pql/text` into
/// `pql/json` or back, by the PQL engine.
enum ExpressionConversion {
  /// The body with its `expression` converted; a PQL error becomes a 400 naming the position.
  static func convert(_ body: JSONValue) throws(BackendError) -> JSONValue {
    guard case .object(var definition) = body, case .object(var expression)? = body["expression"],
      let format = expression["format"]?.stringValue, let value = expression["value"]?.stringValue
    else {
      throw .invalidRequest(
        "The body needs 'expression': {\"type\": \"PQL\", \"format\": \"pql/text\" or "
          + "\"pql/json\", \"value\": \"...\"}.")
    }
    do {
      switch format {
      case "pql/text":
        expression["format"] = "pql/json"
        expression["value"] = .string(try PQLJSON.encode(value).serialized())
      case "pql/json":
        expression["format"] = "pql/text"
        expression["value"] = .string(try PQLJSON.decode(.string(value)))
      default:
        throw BackendError.invalidRequest(
          "Unknown expression format '\(format)': use 'pql/text' or 'pql/json'.")
      }
    } catch let diagnostic as PQLDiagnostic {
      throw .invalidRequest("Invalid PQL: \(diagnostic.rendered(name: "expression"))")
    } catch let error as BackendError {
      throw error
    } catch {
      throw .invalidRequest("The expression could not be converted.")
    }
    definition["expression"] = .object(expression)
    return .object(definition)
  }
}
