import LabCore

/// `get`, `keys` and `values` on maps and XDM objects.
enum MapFunctions {
  static func get(_ subject: PQLValue, _ key: PQLValue) -> PQLValue {
    switch (subject, key) {
    case (.object(let members), .string(let name)):
      return members[name].map(PQLValue.init(json:)) ?? .null
    case (.map(let members), .string(let name)): return members[name] ?? .null
    case (.list(let items), .integer(let index)):
      return items.indices.contains(index) ? items[index] : .null
    default: return .null
    }
  }

  static func members(_ subject: PQLValue, keys: Bool) -> PQLValue {
    switch subject {
    case .object(let members):
      let names = members.keys.sorted()
      return .list(
        keys ? names.map { .string($0) } : names.map { PQLValue(json: members[$0] ?? .null) })
    case .map(let members):
      let names = members.keys.sorted()
      return .list(keys ? names.map { .string($0) } : names.map { members[$0] ?? .null })
    default:
      return .list([])
    }
  }
}
