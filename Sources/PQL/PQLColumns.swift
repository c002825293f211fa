import LabCore

/// Many profiles and their experience events held as columns: the input of a batch evaluation.
///
/// Each field is a dictionary-encoded ``Column`` (a handful of distinct values, and one code per
/// row), events are grouped by profile (``eventStarts``) with their timestamps in milliseconds,
/// and segment memberships are one flag per profile. A query evaluated over columns (see
/// ``PQLQuery/plan(for:now:)``) tests each distinct value once instead of once per row, as a
/// column store would.
///
/// For example:
///
/// ```swift
/// var columns = PQLColumns(profileCount: 2)
/// columns.profileColumns.append(
///   .init(path: ["person", "gender"], values: ["female", "male"], codes: [1, 0]))
/// let plan = try PQLQuery(#"person.gender = "male""#).plan(for: columns, now: now)
/// plan.matches(0)  // true
/// ```
public struct PQLColumns: Sendable {
  /// One field of every row, dictionary-encoded.
  public struct Column: Sendable {
    /// The code of a row where the field is absent.
    public static let missing = UInt32.max

    /// The field's path, such as `["person", "gender"]`.
    public var path: [String]
    /// How many distinct values there are, known without decoding them (for a column read
    /// from a store) or counted when first read.
    public var valueCount: Int { storedValueCount.value }
    private let storedValueCount: LazyValue<Int>
    private let storedCodes: LazyValue<[UInt32]>
    private let storedValues: LazyValue<[JSONValue]>

    /// Each row's value, as an index into `values` (or ``missing``); a column read from a
    /// store decodes them on first use, so a query pays only for the fields it reads.
    public var codes: [UInt32] { storedCodes.value }
    /// The distinct values, decoded on first use like ``codes``.
    public var values: [JSONValue] { storedValues.value }

    /// Creates a column.
    public init(path: [String], values: [JSONValue], codes: [UInt32]) {
      self.path = path
      storedValueCount = LazyValue(values.count)
      storedCodes = LazyValue(codes)
      storedValues = LazyValue(values)
    }

    /// Creates a column of `valueCount` distinct values whose codes and values are made when
    /// first read; the makers must give `valueCount` values and codes below it (or
    /// ``missing``).
    public init(
      path: [String], valueCount: Int, codes: LazyValue<[UInt32]>, values: LazyValue<[JSONValue]>
    ) {
      self.init(path: path, valueCount: LazyValue(valueCount), codes: codes, values: values)
    }

    /// Creates a column whose number of distinct values, codes and values are all made when
    /// first read (new events, which are dictionary-encoded only when a query reads them).
    public init(
      path: [String], valueCount: LazyValue<Int>, codes: LazyValue<[UInt32]>,
      values: LazyValue<[JSONValue]>
    ) {
      self.path = path
      storedValueCount = valueCount
      storedCodes = codes
      storedValues = values
    }

    /// Row `row`'s value, or `nil` when absent.
    public func value(at row: Int) -> JSONValue? {
      let code = codes[row]
      guard code != Self.missing else { return nil }
      return values[Int(code)]
    }
  }

  /// The number of profiles.
  public var profileCount: Int
  /// The profiles' fields.
  public var profileColumns: [Column] = []
  /// The profiles in each segment (status realized or existing), by segment id.
  public var memberships: [String: [Bool]] = [:]
  /// Where each profile's events start in the event columns; the last entry is the total.
  public var eventStarts: [Int]
  /// Each event's `timestamp`, in milliseconds since the epoch.
  public var eventTimes: [Int64] = []
  /// The events' other fields.
  public var eventColumns: [Column] = []

  /// Columns for `profileCount` profiles without fields or events yet.
  public init(profileCount: Int) {
    self.profileCount = profileCount
    eventStarts = Array(repeating: 0, count: profileCount + 1)
  }

  /// Profile `row` as the XDM object PQL reads, with its `segmentMembership`.
  public func profile(at row: Int) -> JSONValue {
    var members: [String: JSONValue] = [:]
    for column in profileColumns {
      if let value = column.value(at: row) {
        Self.insert(value, at: column.path[...], into: &members)
      }
    }
    for (segment, flags) in memberships.sorted(by: { $0.key < $1.key }) where flags[row] {
      Self.insert(
        .object(["status": .string("realized")]),
        at: ["segmentMembership", "ups", segment][...], into: &members)
    }
    return .object(members)
  }

  /// Profile `row`'s events as XDM ExperienceEvents, each with its ISO-8601 `timestamp`.
  public func events(at row: Int) -> [JSONValue] {
    (eventStarts[row]..<eventStarts[row + 1]).map { event in
      var members: [String: JSONValue] = [
        "timestamp": .string(PQLDateTime(millisecondsSinceEpoch: eventTimes[event]).description)
      ]
      for column in eventColumns {
        if let value = column.value(at: event) {
          Self.insert(value, at: column.path[...], into: &members)
        }
      }
      return .object(members)
    }
  }

  /// Sets `value` at `path` in `members`, making the objects on the way.
  static func insert(
    _ value: JSONValue, at path: ArraySlice<String>, into members: inout [String: JSONValue]
  ) {
    guard let first = path.first else { return }
    if path.count == 1 {
      members[first] = value
      return
    }
    var inner: [String: JSONValue] = [:]
    if case .object(let existing)? = members[first] { inner = existing }
    insert(value, at: path.dropFirst(), into: &inner)
    members[first] = .object(inner)
  }
}
