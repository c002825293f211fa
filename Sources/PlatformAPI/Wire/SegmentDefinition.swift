import LabCore

/// A segment definition as `/data/core/ups/segment/definitions` creates and returns it.
///
/// A create request needs `name`, `expression` and `schema`; the Platform adds `id`,
/// `imsOrgId`, `sandbox`, `dataGovernancePolicy` and the timestamps.
public struct SegmentDefinition: Sendable, Codable, Equatable {
  /// The definition's id (a UUID), set by the Platform.
  public var id: String?
  /// The org that owns it.
  public var imsOrgId: String?
  /// The sandbox it lives in.
  public var sandbox: SandboxDescriptor?
  /// Its unique name.
  public var name: String
  /// A description.
  public var description: String?
  /// Always `ups`.
  public var profileInstanceId: String?
  /// The PQL expression.
  public var expression: SegmentExpression
  /// The XDM class it selects (`_xdm.context.profile`).
  public var schema: SchemaReference
  /// How it is evaluated: batch, continuous (streaming) or synchronous (edge).
  public var evaluationInfo: EvaluationInfo?
  /// The merge policy used; the default one when absent.
  public var mergePolicyId: String?
  /// `{"excludeOptOut": true}`.
  public var dataGovernancePolicy: DataGovernancePolicy?
  /// Days a membership lives (accepted by older tutorials).
  public var ttlInDays: Int?
  /// Who created it (accepted by older tutorials).
  public var createdBy: String?
  /// An optional payload schema name.
  public var payloadSchema: String?
  /// Creation time, milliseconds since 1970.
  public var creationTime: Int?
  /// Last update, seconds since 1970.
  public var updateEpoch: Int?
  /// Last update, milliseconds since 1970.
  public var updateTime: Int?

  /// Creates a definition with the fields a create request needs.
  public init(
    name: String, expression: SegmentExpression,
    schema: SchemaReference = SchemaReference(name: "_xdm.context.profile"),
    description: String? = nil, evaluationInfo: EvaluationInfo? = nil,
    mergePolicyId: String? = nil
  ) {
    self.name = name
    self.expression = expression
    self.schema = schema
    self.description = description
    self.evaluationInfo = evaluationInfo
    self.mergePolicyId = mergePolicyId
    self.profileInstanceId = "ups"
  }
}

/// A segment's `expression`: `{"type": "PQL", "format": "pql/text", "value": "..."}`.
///
/// With `pql/json` the value is the JSON tree serialised as a string.
public struct SegmentExpression: Sendable, Codable, Equatable {
  /// Always `PQL`.
  public var type: String
  /// `pql/text` or `pql/json`.
  public var format: String
  /// The query text, or the serialised JSON tree.
  public var value: String

  /// Creates an expression.
  public init(type: String = "PQL", format: String = "pql/text", value: String) {
    self.type = type
    self.format = format
    self.value = value
  }
}

/// `{"name": "_xdm.context.profile"}` (or `{"id": ...}`): the XDM class a call is about.
public struct SchemaReference: Sendable, Codable, Equatable {
  /// The class name.
  public var name: String?
  /// A schema id, accepted instead of the name.
  public var id: String?

  /// Creates a reference by name.
  public init(name: String) {
    self.name = name
  }
}

/// `evaluationInfo`: which evaluation methods are enabled.
public struct EvaluationInfo: Sendable, Codable, Equatable {
  /// `{"enabled": Bool}`.
  public struct Toggle: Sendable, Codable, Equatable {
    /// Whether the method is on.
    public var enabled: Bool
    /// Creates a toggle.
    public init(enabled: Bool) { self.enabled = enabled }
  }
  /// Batch evaluation (daily or on demand).
  public var batch: Toggle?
  /// Streaming evaluation.
  public var continuous: Toggle?
  /// Edge evaluation.
  public var synchronous: Toggle?

  /// Creates evaluation settings.
  public init(batch: Bool = true, continuous: Bool = false, synchronous: Bool = false) {
    self.batch = Toggle(enabled: batch)
    self.continuous = Toggle(enabled: continuous)
    self.synchronous = Toggle(enabled: synchronous)
  }
}

/// `dataGovernancePolicy`: `{"excludeOptOut": true}`.
public struct DataGovernancePolicy: Sendable, Codable, Equatable {
  /// Whether opted-out profiles are excluded.
  public var excludeOptOut: Bool

  /// Creates a policy.
  public init(excludeOptOut: Bool = true) {
    self.excludeOptOut = excludeOptOut
  }
}

/// The body of `GET /segment/definitions`: `{"segments", "page", "link"}`.
public struct SegmentDefinitionList: Sendable, Codable, Equatable {
  /// The definitions on this page.
  public var segments: [SegmentDefinition]
  /// `{totalCount, totalPages, sortField, sort, pageSize, limit}`.
  public var page: JSONValue
  /// Links to other pages (`{}` when there are none).
  public var link: JSONValue

  /// Creates a list body.
  public init(segments: [SegmentDefinition], page: JSONValue, link: JSONValue = [:]) {
    self.segments = segments
    self.page = page
    self.link = link
  }
}
