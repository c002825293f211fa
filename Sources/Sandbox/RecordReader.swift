import Identities
import LabCore

/// One accepted record: its identities, primary identity and event facts, with its raw text.
struct ParsedRecord: Sendable {
  /// The line in the batch (1-based).
  var line: Int
  /// The record's JSON text as stored.
  var json: String
  /// Its identities, without repeats, in the order found.
  var identities: [Identity]
  /// The position in ``identities`` of the identity it is stored against.
  var primaryIndex: Int
  /// The event's `_id`.
  var eventID: String?
  /// The event's time in milliseconds.
  var eventTime: Int64?
}

/// Reads and validates records of one dataset against the Platform's guardrails.
struct RecordReader: Sendable {
  let schema: DatasetSchema
  let registry: NamespaceRegistry
  let rules: IdentityLinkingRules?
  let guardrails: IdentityGuardrails

  /// The largest profile record the Platform accepts (100 KB).
  static let profileRecordLimit = 100 * 1024
  /// The largest experience event the Platform accepts (10 KB).
  static let eventRecordLimit = 10 * 1024

  private let fieldKeys: [[String]]
  /// The distinct paths read from each record: the identity fields', then `identityMap`,
  /// `_id` and `timestamp`.
  private let paths: [[String]]
  private let wanted: JSONPathSet
  /// For each identity field, its position in `paths`.
  private let fieldSlots: [Int]
  private let identityMapSlot: Int
  private let idSlot: Int
  private let timestampSlot: Int
  /// Namespaces by the exact codes records are likely to use, to skip lowercasing each time.
  private let exactCodes: [String: IdentityNamespace]

  init(
    schema: DatasetSchema, registry: NamespaceRegistry, rules: IdentityLinkingRules?,
    guardrails: IdentityGuardrails
  ) {
    self.schema = schema
    self.registry = registry
    self.rules = rules
    self.guardrails = guardrails
    fieldKeys = schema.identities.map(\.keys)
    var paths: [[String]] = []
    func slot(_ path: [String]) -> Int {
      if let index = paths.firstIndex(of: path) { return index }
      paths.append(path)
      return paths.count - 1
    }
    fieldSlots = fieldKeys.map(slot)
    identityMapSlot = slot(["identityMap"])
    idSlot = slot(["_id"])
    timestampSlot = slot(["timestamp"])
    self.paths = paths
    wanted = JSONPathSet(paths)
    var codes: [String: IdentityNamespace] = [:]
    for namespace in registry.namespaces {
      for code in [namespace.code] + namespace.aliases {
        codes[code] = namespace
        codes[code.lowercased()] = namespace
      }
    }
    exactCodes = codes
  }

  /// Reads one NDJSON line.
  func read(line: Int, bytes: UnsafeBufferPointer<UInt8>) -> Result<ParsedRecord, RecordRejection> {
    let limit = schema.recordClass == .profile ? Self.profileRecordLimit : Self.eventRecordLimit
    if bytes.count > limit {
      return .failure(.tooLarge(bytes: bytes.count, limit: limit, recordClass: schema.recordClass))
    }
    let leaves: [JSONValue?]
    do {
      guard let found = try JSONParser.extract(bytes, paths: wanted) else {
        return .failure(.notAnObject)
      }
      leaves = found
    } catch {
      return .failure(.malformedJSON(error.description))
    }
    return read(
      line: line, fields: completed(leaves), text: String(decoding: bytes, as: UTF8.self))
  }

  /// Reads one parsed record whose text is `text`.
  func read(line: Int, value: JSONValue, text: String) -> Result<ParsedRecord, RecordRejection> {
    guard case .object = value else { return .failure(.notAnObject) }
    let limit = schema.recordClass == .profile ? Self.profileRecordLimit : Self.eventRecordLimit
    if text.utf8.count > limit {
      return .failure(
        .tooLarge(bytes: text.utf8.count, limit: limit, recordClass: schema.recordClass))
    }
    return read(line: line, fields: paths.map { value[path: $0] }, text: text)
  }

  /// `leaves` with each path that lies inside another path's value filled from that value
  /// (the extraction stops at the outer one).
  private func completed(_ leaves: [JSONValue?]) -> [JSONValue?] {
    var result = leaves
    for (index, path) in paths.enumerated() where result[index] == nil {
      for (outer, prefix) in paths.enumerated()
      where prefix.count < path.count && path.starts(with: prefix) {
        if let value = leaves[outer]?[path: Array(path.dropFirst(prefix.count))] {
          result[index] = value
        }
      }
    }
    return result
  }

  /// Reads a record from the values at ``paths`` (`fields`), its text being `text`.
  private func read(line: Int, fields: [JSONValue?], text: String) -> Result<
    ParsedRecord, RecordRejection
  > {
    var eventID: String?
    var eventTime: Int64?
    if schema.recordClass == .experienceEvent {
      guard let id = fields[idSlot]?.stringValue, !id.isEmpty else {
        return .failure(.missingEventID)
      }
      eventID = id
      switch fields[timestampSlot] {
      case .string(let text)?:
        // XDM's rule: an ISO 8601 date-time with its time and zone, never a bare date.
        guard let time = ISOTime.dateTimeMilliseconds(text) else {
          return .failure(.invalidTimestamp(text))
        }
        eventTime = time
      case nil, .null?:
        return .failure(.missingTimestamp)
      case let other?:
        return .failure(.invalidTimestamp(other.serialized()))
      }
    }
    var identities: [Identity] = []
    var flagged: [Identity] = []
    var fromPrimaryField: Identity?
    func add(_ namespaceCode: String, _ raw: JSONValue, primary: Bool, isField: Bool)
      -> RecordRejection?
    {
      guard let namespace = exactCodes[namespaceCode] ?? registry.namespace(for: namespaceCode)
      else {
        return .identity(.unknownNamespace(namespaceCode, known: registry.codes))
      }
      guard case .string(let text) = raw else {
        return .identity(.nullValue(namespace: namespace.code))
      }
      if let refusal = guardrails.refusal(of: text, in: namespace) { return .identity(refusal) }
      let identity = Identity(namespace: namespace.code, id: text)
      if !identities.contains(identity) { identities.append(identity) }
      if primary {
        if isField, fromPrimaryField == nil { fromPrimaryField = identity }
        if !isField { flagged.append(identity) }
      }
      return nil
    }
    for (index, field) in schema.identities.enumerated() {
      // `null` means absent, as leaving the field out does.
      guard let raw = fields[fieldSlots[index]], raw != .null else { continue }
      if let rejection = add(field.namespace, raw, primary: field.primary == true, isField: true) {
        return .failure(rejection)
      }
    }
    if let map = fields[identityMapSlot], map != .null {
      guard case .object(let namespaces) = map else {
        return .failure(.malformedIdentityMap("it must be an object keyed by namespace code"))
      }
      for key in namespaces.keys.sorted() {
        if namespaces[key] == .null { continue }
        guard case .array(let entries)? = namespaces[key] else {
          return .failure(
            .malformedIdentityMap("'\(key)' must be an array of {\"id\": ...} entries"))
        }
        for entry in entries {
          guard case .object(let members) = entry, let raw = members["id"], raw != .null else {
            return .failure(.malformedIdentityMap("an entry of '\(key)' has no 'id'"))
          }
          let primary = members["primary"]?.boolValue == true
          if let rejection = add(key, raw, primary: primary, isField: false) {
            return .failure(rejection)
          }
        }
      }
    }
    if identities.count > guardrails.maxIdentitiesPerRecord {
      return .failure(
        .identity(
          .tooManyIdentities(count: identities.count, limit: guardrails.maxIdentitiesPerRecord)))
    }
    guard !identities.isEmpty else { return .failure(.noIdentity) }
    let primary: Identity
    if schema.recordClass == .experienceEvent, let rules, !rules.priority.isEmpty {
      // With a namespace priority, an event's primary identity is its highest-priority one.
      primary = highestPriority(identities)
    } else if let fromPrimaryField {
      primary = fromPrimaryField
    } else if let first = flagged.first {
      primary = first
    } else {
      primary = highestPriority(identities)
    }
    return .success(
      ParsedRecord(
        line: line, json: text, identities: identities,
        primaryIndex: identities.firstIndex(of: primary) ?? 0, eventID: eventID,
        eventTime: eventTime))
  }

  func highestPriority(_ identities: [Identity]) -> Identity {
    var best = identities[0]
    var bestRank = registry.priorityRank(of: best.namespace, rules: rules)
    for identity in identities.dropFirst() {
      let rank = registry.priorityRank(of: identity.namespace, rules: rules)
      if rank < bestRank {
        best = identity
        bestRank = rank
      }
    }
    return best
  }
}
