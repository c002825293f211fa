import Identities
import LabCore
import PQL

/// One merge policy's merged profiles as columns that PQL evaluates directly: the engine's
/// equivalent of the Platform's profile store.
///
/// A row is a profile (an identity graph under `pdg`, one identity under `none`): its merged
/// attributes as dictionary-encoded columns by leaf path (``PQLColumns``), its events in
/// ingestion order with their times, its identities and its primary identity. The store is
/// derived from the records, which stay the source of truth: ``Sandbox`` builds it, patches
/// the graphs an ingest changed, and rebuilds it when it is missing or stale.
struct ProfileColumnStore: Sendable {
  /// The encoding's version; a store written in another is rebuilt.
  static let format: UInt32 = 2

  /// The profiles' attributes and events.
  var columns: PQLColumns
  /// Each row's membership key (graph id under `pdg`, negated identity id under `none`).
  var keys: [Int64]
  /// The distinct sets of identity namespace codes, each sorted (what job metrics count
  /// members by).
  var namespaceSets: [[String]]
  /// Each row's set, as an index into ``namespaceSets``.
  var namespaceSetCodes: [UInt32]
  /// Whether every event time was read from its `timestamp`; when not, no segment runs on the
  /// columns.
  var isExact: Bool
  /// Where a part read on demand (a column, the identities) was found damaged, if one was.
  var damage = StoreDamage()
  /// The stored text of columns' values, by ``textKey(_:_:)``: a patch appends to a long
  /// dictionary and writes it back without decoding it (`nil` inside when the part is gone).
  var valueTexts: [String: LazyValue<[String]?>] = [:]

  /// The key of a column in ``valueTexts``: `p` (profile) or `e` (event), and its path.
  static func textKey(_ kind: String, _ path: [String]) -> String {
    ([kind] + path).joined(separator: "\u{0}")
  }

  private var storedGraphIDs = LazyValue<[Int64]>([])
  private var storedIdentityStarts = LazyValue<[Int64]>([0])
  private var storedIdentityIDs = LazyValue<[Int64]>([])
  private var storedPrimaryIdentities = LazyValue<[Identity]>([])
  /// Reads some rows' primary identities (with their ids or not) from the stored parts, when
  /// the store was read from them and not changed since.
  private var primaryLookup: (@Sendable (_ rows: [Int], _ withIDs: Bool) -> [Identity])?

  /// Each row's identity graph.
  var graphIDs: [Int64] {
    get { storedGraphIDs.value }
    set { storedGraphIDs = LazyValue(newValue) }
  }
  /// Where each row's identities start in ``identityIDs``; the last entry is the total.
  var identityStarts: [Int64] {
    get { storedIdentityStarts.value }
    set { storedIdentityStarts = LazyValue(newValue) }
  }
  /// The stored ids of every row's identities.
  var identityIDs: [Int64] {
    get { storedIdentityIDs.value }
    set { storedIdentityIDs = LazyValue(newValue) }
  }
  /// Each row's primary identity.
  var primaryIdentities: [Identity] {
    get { storedPrimaryIdentities.value }
    set {
      storedPrimaryIdentities = LazyValue(newValue)
      primaryLookup = nil
    }
  }

  /// The primary identities of `rows` (ascending); without `withIDs` only their namespaces
  /// are read (the ids are empty).
  ///
  /// A store read from its parts decodes only those rows, so counting an estimate's members by
  /// namespace does not decode every profile's identity (about 125 ms at 1M profiles).
  func primaryIdentities(ofRows rows: [Int], withIDs: Bool = true) -> [Identity] {
    if let primaryLookup { return primaryLookup(rows, withIDs) }
    let all = primaryIdentities
    return rows.map { all[$0] }
  }

  /// An empty store.
  init() {
    columns = PQLColumns(profileCount: 0)
    keys = []
    namespaceSets = []
    namespaceSetCodes = []
    isExact = true
  }

  /// Sets the parts read on demand.
  mutating func setLazyParts(
    graphIDs: LazyValue<[Int64]>, identityStarts: LazyValue<[Int64]>,
    identityIDs: LazyValue<[Int64]>, primaryIdentities: LazyValue<[Identity]>,
    primaryLookup: (@Sendable (_ rows: [Int], _ withIDs: Bool) -> [Identity])? = nil
  ) {
    storedGraphIDs = graphIDs
    storedIdentityStarts = identityStarts
    storedIdentityIDs = identityIDs
    storedPrimaryIdentities = primaryIdentities
    self.primaryLookup = primaryLookup
  }

  /// The number of profiles.
  var count: Int { keys.count }

  /// The rows in ascending key order (the rows themselves when the keys are already sorted,
  /// as a freshly built store's are).
  func keyOrder() -> [Int] {
    if zip(keys, keys.dropFirst()).allSatisfy({ $0 < $1 }) { return Array(keys.indices) }
    return keys.indices.sorted { keys[$0] < keys[$1] }
  }

  /// The rows of each membership key.
  func rowsByKey() -> [Int64: Int] {
    Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
  }
}
