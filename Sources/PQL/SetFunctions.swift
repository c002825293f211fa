/// `distinct`, `intersects`, `intersection`, `subsetOf`, `supersetOf`, `includes`.
enum SetFunctions {
  static func distinct(_ items: [PQLValue]) -> [PQLValue] {
    var result: [PQLValue] = []
    for item in items where !result.contains(where: { same($0, item) }) { result.append(item) }
    return result
  }

  /// Equality for set membership: `=` with coercion, and equal nulls.
  static func same(_ a: PQLValue, _ b: PQLValue) -> Bool {
    if a.isNull && b.isNull { return true }
    return Runtime.compare(.equal, a, b)
  }

  static func apply(_ builtin: Builtin, _ subject: PQLValue, _ other: PQLValue) -> PQLValue {
    let items = Runtime.elements(subject)
    if builtin == .includes {
      if case .null = other { return .boolean(false) }
      return .boolean(items.contains { same($0, other) })
    }
    let others = Runtime.elements(other)
    func contains(_ list: [PQLValue], _ value: PQLValue) -> Bool {
      list.contains { same($0, value) }
    }
    switch builtin {
    case .intersects: return .boolean(items.contains { contains(others, $0) })
    case .intersection: return .list(distinct(items.filter { contains(others, $0) }))
    case .subsetOf: return .boolean(items.allSatisfy { contains(others, $0) })
    default: return .boolean(others.allSatisfy { contains(items, $0) })
    }
  }
}
