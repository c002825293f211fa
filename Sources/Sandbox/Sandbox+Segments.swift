import Foundation
import LabCore
import PQL
import Persistence
import PlatformAPI
import Profiles
import Segmentation

extension Sandbox {
  /// The segment store over the same state file.
  var segmentStore: SegmentStore { SegmentStore(database: store.database) }

  /// Runs a segmentation call, mapping its error.
  func segmentation<T>(_ body: () throws(SegmentationError) -> T) throws(SandboxError) -> T {
    do {
      return try body()
    } catch {
      throw .segmentation(error)
    }
  }

  /// Every segment definition, oldest first, as the Platform returns them.
  public func segmentDefinitions() throws(SandboxError) -> [SegmentDefinition] {
    let segments = try storedSegments()
    // The default policy is read once for the list, not once per definition without a policy.
    let defaultPolicyID =
      segments.contains { $0.mergePolicyId == nil } ? defaultMergePolicyID() : ""
    return segments.map { wire($0, defaultPolicyID: defaultPolicyID) }
  }

  /// The definition with id (or name) `key`.
  public func segmentDefinition(_ key: String) throws(SandboxError) -> SegmentDefinition {
    wire(try storedSegment(key))
  }

  /// Creates a segment definition from a Platform request body.
  ///
  /// The expression (`pql/text` or `pql/json`) must compile; streaming (`continuous`) and edge
  /// (`synchronous`) are refused with the reason when the expression does not qualify; an
  /// absent `evaluationInfo` means batch. `mergePolicyId` must name a merge policy when set.
  public func createSegment(_ request: SegmentDefinition) throws(SandboxError)
    -> SegmentDefinition
  {
    let existing = try storedSegments()
    if existing.contains(where: { $0.name.lowercased() == request.name.lowercased() }) {
      throw .segmentation(.duplicateName(request.name))
    }
    let now = Self.milliseconds(clock())
    let segment = try validated(request, id: UUID().uuidString.lowercased(), creationTime: now)
    try storage { () throws(PersistenceError) in try segmentStore.save(segment) }
    return wire(segment)
  }

  /// Replaces the definition `key` with `request` (the Platform's PATCH overwrites the whole
  /// definition); its id and creation time stay.
  public func updateSegment(_ key: String, with request: SegmentDefinition) throws(SandboxError)
    -> SegmentDefinition
  {
    let current = try storedSegment(key)
    let existing = try storedSegments()
    if existing.contains(where: {
      $0.id != current.id && $0.name.lowercased() == request.name.lowercased()
    }) {
      throw .segmentation(.duplicateName(request.name))
    }
    var segment = try validated(request, id: current.id, creationTime: current.creationTime)
    segment.updateTime = max(Self.milliseconds(clock()), current.updateTime + 1)
    try storage { () throws(PersistenceError) in try segmentStore.save(segment) }
    return wire(segment)
  }

  /// Deletes the definition `key` and its memberships; returns what was deleted.
  @discardableResult
  public func deleteSegment(_ key: String) throws(SandboxError) -> SegmentDefinition {
    let segment = try storedSegment(key)
    _ = try storage { () throws(PersistenceError) in try segmentStore.deleteSegment(id: segment.id)
    }
    return wire(segment)
  }

  /// Which evaluation methods the definition `key` qualifies for.
  public func segmentEligibility(_ key: String) throws(SandboxError) -> SegmentEligibility {
    let segment = try storedSegment(key)
    let query = try segmentation { () throws(SegmentationError) in
      try segment.expression.compile()
    }
    return try eligibility(of: query)
  }

  /// The eligibility of `query`, knowing which stored segments are profile-only.
  func eligibility(of query: PQLQuery) throws(SandboxError) -> SegmentEligibility {
    let segments = try storedSegments()
    var profileOnly: [String: Bool] = [:]
    for segment in segments where query.referencedSegmentIDs.contains(segment.id) {
      if let referenced = try? segment.expression.compile() {
        profileOnly[segment.id] = SegmentEligibility.isProfileOnly(referenced)
      }
    }
    return SegmentEligibility(query: query, profileOnlyAudience: { profileOnly[$0] ?? false })
  }

  // MARK: - Stored definitions

  /// The stored definitions.
  func storedSegments() throws(SandboxError) -> [Segment] {
    try storage { () throws(PersistenceError) in try segmentStore.segments() }
  }

  /// The stored definition with id (or name, case-insensitive) `key`.
  func storedSegment(_ key: String) throws(SandboxError) -> Segment {
    let segments = try storedSegments()
    if let found = segments.first(where: { $0.id == key })
      ?? segments.first(where: { $0.name.lowercased() == key.lowercased() })
    {
      return found
    }
    throw .segmentation(.unknownSegment(key, known: segments.map(\.name)))
  }

  /// `request` checked and turned into a stored definition.
  func validated(_ request: SegmentDefinition, id: String, creationTime: Int64)
    throws(SandboxError) -> Segment
  {
    let name = request.name.trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else {
      throw .segmentation(.invalidRequest("A segment definition needs a non-empty 'name'."))
    }
    guard request.expression.type.uppercased() == "PQL" else {
      throw .segmentation(
        .invalidRequest(
          "The expression type '\(request.expression.type)' is not supported; use 'PQL'."))
    }
    guard let format = SegmentExpressionFormat(rawValue: request.expression.format.lowercased())
    else {
      throw .segmentation(
        .invalidRequest(
          "The expression format '\(request.expression.format)' is not supported; use "
            + "'pql/text' or 'pql/json'."))
    }
    let expression = SegmentExpressionSource(format: format, value: request.expression.value)
    let query = try segmentation { () throws(SegmentationError) in try expression.compile() }
    let info = request.evaluationInfo
    let streaming = info?.continuous?.enabled ?? false
    let edge = info?.synchronous?.enabled ?? false
    let requested: [PQLEvaluationMethod] = (streaming ? [.streaming] : []) + (edge ? [.edge] : [])
    let eligibility = try eligibility(of: query)
    try segmentation { () throws(SegmentationError) in try eligibility.require(requested) }
    if let policy = request.mergePolicyId {
      let policies = try mergePolicies()
      do {
        _ = try policies.policy(policy)
      } catch {
        throw .mergePolicy(error)
      }
    }
    return Segment(
      id: id, name: name, description: request.description, expression: expression,
      streaming: streaming, edge: edge, mergePolicyId: request.mergePolicyId,
      creationTime: creationTime)
  }

  /// The Platform's definition object for `segment`.
  func wire(_ segment: Segment) -> SegmentDefinition {
    wire(
      segment, defaultPolicyID: segment.mergePolicyId == nil ? defaultMergePolicyID() : "")
  }

  /// The id of the default merge policy (the built-in one when the policies cannot be read).
  func defaultMergePolicyID() -> String {
    (try? mergePolicies().defaultPolicy.id) ?? MergePolicy.builtInDefaultID
  }

  /// `segment` as the Platform's definition, with `defaultPolicyID` as its merge policy when
  /// it names none.
  func wire(_ segment: Segment, defaultPolicyID: String) -> SegmentDefinition {
    var definition = SegmentDefinition(
      name: segment.name,
      expression: SegmentExpression(
        format: segment.expression.format.rawValue, value: segment.expression.value),
      description: segment.description,
      evaluationInfo: EvaluationInfo(
        batch: true, continuous: segment.streaming, synchronous: segment.edge),
      mergePolicyId: segment.mergePolicyId ?? defaultPolicyID)
    definition.id = segment.id
    definition.imsOrgId = Self.localOrgID
    definition.sandbox = SandboxDescriptor(
      sandboxId: Self.localSandboxID, sandboxName: "prod", type: "production", default: true)
    definition.dataGovernancePolicy = DataGovernancePolicy(excludeOptOut: true)
    definition.creationTime = Int(segment.creationTime)
    definition.updateTime = Int(segment.updateTime)
    definition.updateEpoch = Int(segment.updateTime / 1000)
    return definition
  }

  /// The org id the lab's local objects carry.
  public static let localOrgID = "AEPLAB0000000000000000@AdobeOrg"
  /// The sandbox id the lab's local objects carry.
  public static let localSandboxID = "00000000-0000-0000-0000-00000000a3b1"

  /// Milliseconds since 1970.
  static func milliseconds(_ date: Date) -> Int64 {
    Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
  }
}
