import LabCore
import PQL

/// A segment definition as the segmentation service keeps it: who it selects (a PQL
/// expression, as `pql/text` or `pql/json`), how it is evaluated and under which merge policy.
///
/// The Platform's wire object (`SegmentDefinition`) is built from this by the sandbox service.
public struct Segment: Sendable, Hashable, Codable {
  /// The definition's id (a UUID).
  public var id: String
  /// Its unique name.
  public var name: String
  /// A description.
  public var description: String?
  /// The expression as given: its format and value.
  public var expression: SegmentExpressionSource
  /// Whether streaming (`continuous`) evaluation is on.
  public var streaming: Bool
  /// Whether edge (`synchronous`) evaluation is on.
  public var edge: Bool
  /// The merge policy id; `nil` follows the sandbox's default policy.
  public var mergePolicyId: String?
  /// Creation time, milliseconds since 1970.
  public var creationTime: Int64
  /// Last update, milliseconds since 1970.
  public var updateTime: Int64

  /// Creates a definition; batch evaluation is always on, as on the Platform.
  public init(
    id: String, name: String, description: String? = nil, expression: SegmentExpressionSource,
    streaming: Bool = false, edge: Bool = false, mergePolicyId: String? = nil,
    creationTime: Int64, updateTime: Int64? = nil
  ) {
    self.id = id
    self.name = name
    self.description = description
    self.expression = expression
    self.streaming = streaming
    self.edge = edge
    self.mergePolicyId = mergePolicyId
    self.creationTime = creationTime
    self.updateTime = updateTime ?? creationTime
  }

  /// The methods switched on, batch first.
  public var methods: [PQLEvaluationMethod] {
    [.batch] + (streaming ? [.streaming] : []) + (edge ? [.edge] : [])
  }
}

/// A segment's expression as given: `pql/text` with the query, or `pql/json` with the tree
/// serialised as a string.
public struct SegmentExpressionSource: Sendable, Hashable, Codable {
  /// `pql/text` or `pql/json`.
  public var format: SegmentExpressionFormat
  /// The query text, or the serialised JSON tree.
  public var value: String

  /// Creates an expression.
  public init(format: SegmentExpressionFormat = .text, value: String) {
    self.format = format
    self.value = value
  }

  /// The expression as PQL text (a `pql/json` tree is converted).
  public func pqlText() throws(SegmentationError) -> String {
    switch format {
    case .text:
      return value
    case .json:
      let tree: JSONValue
      do {
        tree = try JSONParser.parse(value)
      } catch {
        throw .invalidJSONExpression("the value is not JSON (\(error))")
      }
      do {
        return try PQLJSON.decode(tree)
      } catch {
        throw .invalidJSONExpression(error.message)
      }
    }
  }

  /// Parses, checks and compiles the expression.
  public func compile() throws(SegmentationError) -> PQLQuery {
    let text = try pqlText()
    do {
      return try PQLQuery(text)
    } catch {
      throw .invalidExpression(error)
    }
  }
}

/// The formats a segment expression may take.
public enum SegmentExpressionFormat: String, Sendable, Hashable, Codable, CaseIterable {
  /// PQL text.
  case text = "pql/text"
  /// The `pql/json` tree, serialised as a string.
  case json = "pql/json"
}
