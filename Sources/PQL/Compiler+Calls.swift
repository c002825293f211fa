import LabCore

extension Compiler {
  /// Compiles a call to a built-in; arguments are already checked for number and type.
  static func compileCall(_ builtin: Builtin, _ arguments: [Node]) -> Code {
    switch builtin {
    case .if:
      let test = compileCondition(arguments[0])
      let yes = compile(arguments[1])
      let no = compile(arguments[2])
      return { frame in test(frame) ? yes(frame) : no(frame) }
    case .date:
      let parts = arguments.map(compile)
      return { frame in
        let values = parts.map { $0(frame) }
        guard case .integer(let year) = values[0], case .integer(let month) = values[1],
          case .integer(let day) = values[2], let date = PQLDate(year: year, month: month, day: day)
        else { return .null }
        return .date(date)
      }
    case .currentMonth, .currentYear, .currentDayOfMonth:
      return { frame in
        let (year, month, day) = PQLDateTime(millisecondsSinceEpoch: frame.now).date.components
        return .integer(builtin == .currentMonth ? month : builtin == .currentYear ? year : day)
      }
    case .getMonth, .getYear, .getDayOfMonth:
      let subject = compile(arguments[0])
      return { frame in
        guard let instant = Runtime.instant(subject(frame)) else { return .null }
        let (year, month, day) = PQLDateTime(millisecondsSinceEpoch: instant).date.components
        return .integer(builtin == .getMonth ? month : builtin == .getYear ? year : day)
      }
    case .inSegment:
      let id = compile(arguments[0])
      return { frame in
        guard case .string(let segment) = id(frame),
          case .string(let status)? = frame.profile[path: [
            "segmentMembership", "ups", segment, "status",
          ]]
        else { return .boolean(false) }
        return .boolean(status == "realized" || status == "existing")
      }
    case .mapEntry:
      let key = compile(arguments[0])
      let value = compile(arguments[1])
      return { frame in
        guard let text = Runtime.text(key(frame)) else { return .null }
        return .entry(text, value(frame))
      }
    case .startsWith, .doesNotStartWith, .endsWith, .doesNotEndWith, .contains, .doesNotContain,
      .equals, .notEqualTo:
      let subject = compile(arguments[0])
      let argument = compile(arguments[1])
      var caseSensitive = true
      if arguments.count == 3, case .constant(.boolean(let flag)) = arguments[2] {
        caseSensitive = flag
      }
      if case .constant(let constant) = arguments[1], let text = Runtime.text(constant) {
        let needle = StringNeedle(text, caseSensitive: caseSensitive)
        return { frame in .boolean(StringFunctions.predicate(builtin, subject(frame), needle)) }
      }
      let sensitive = caseSensitive
      return { frame in
        .boolean(
          StringFunctions.predicate(
            builtin, subject(frame), argument(frame), caseSensitive: sensitive))
      }
    case .matches:
      let subject = compile(arguments[0])
      let pattern = compile(arguments[1])
      return { frame in
        guard case .string(let source) = pattern(frame), let regex = try? CompiledPattern(source)
        else { return .boolean(false) }
        return .boolean(StringFunctions.anyText(subject(frame)) { regex.matches($0) })
      }
    case .regexGroup:
      let subject = compile(arguments[0])
      let pattern = compile(arguments[1])
      let group = compile(arguments[2])
      return { frame in
        guard case .string(let source) = pattern(frame), let regex = try? CompiledPattern(source)
        else { return .null }
        return StringFunctions.regexGroup(subject(frame), regex, group(frame))
      }
    case .isNull, .isNotNull:
      let subject = compile(arguments[0])
      return { frame in .boolean(subject(frame).isNull == (builtin == .isNull)) }
    default:
      return compileCollectionCall(builtin, arguments)
    }
  }

  private static func compileCollectionCall(_ builtin: Builtin, _ arguments: [Node]) -> Code {
    if builtin == .count, case .filter(.events, let condition) = arguments[0],
      let predicate = objectPredicate(condition)
    {
      // `xEvent[cond].count()` with a condition on event fields: a loop over the JSON.
      let general = compileElementCondition(condition)
      return { frame in
        var count = 0
        let times = frame.eventTimes
        for (index, event) in frame.eventJSON.enumerated() {
          if case .object(let members) = event {
            if predicate(members, frame.now, times[index]) { count += 1 }
          } else if general(frame, PQLValue(json: event)) {
            count += 1
          }
        }
        return .integer(count)
      }
    }
    if builtin == .count, case .filter(let base, let condition) = arguments[0] {
      let iterate = compileIteration(base)
      let predicate = compileElementCondition(condition)
      return { frame in
        var count = 0
        iterate(frame) { element in
          if predicate(frame, element) { count += 1 }
        }
        return .integer(count)
      }
    }
    let subject = compile(arguments[0])
    switch builtin {
    case .count:
      return { frame in
        switch subject(frame) {
        case .null: return .integer(0)
        case .list(let items): return .integer(items.count)
        case .map(let members): return .integer(members.count)
        case .object(let members): return .integer(members.count)
        default: return .integer(1)
        }
      }
    case .sum, .average, .min, .max:
      let element = arguments.count > 1 ? compileElement(arguments[1]) : nil
      return { frame in
        var values = Runtime.elements(subject(frame))
        if let element { values = values.map { element(frame, $0) } }
        switch builtin {
        case .sum: return Aggregation.sum(values)
        case .average: return Aggregation.average(values)
        default: return Aggregation.extreme(values, largest: builtin == .max)
        }
      }
    case .filter:
      let predicate = compileElementCondition(arguments[1])
      return { frame in .list(Runtime.elements(subject(frame)).filter { predicate(frame, $0) }) }
    case .exists, .forall:
      let predicate = compileElementCondition(arguments[1])
      return { frame in
        let items = Runtime.elements(subject(frame))
        return .boolean(
          builtin == .exists
            ? items.contains { predicate(frame, $0) } : items.allSatisfy { predicate(frame, $0) })
      }
    case .map:
      let transform = compileElement(arguments[1])
      return { frame in
        let results = Runtime.elements(subject(frame)).map { transform(frame, $0) }
        var entries: [String: PQLValue] = [:]
        for result in results {
          guard case .entry(let key, let value) = result else { return .list(results) }
          entries[key] = value
        }
        return results.isEmpty ? .list([]) : .map(entries)
      }
    case .groupBy:
      let key = compileElement(arguments[1])
      return { frame in
        var groups: [String: [PQLValue]] = [:]
        for element in Runtime.elements(subject(frame)) {
          guard let name = Runtime.text(key(frame, element)) else { continue }
          groups[name, default: []].append(element)
        }
        return .map(groups.mapValues { .list($0) })
      }
    case .topN, .bottomN:
      let key = compileElement(arguments[1])
      let count = compile(arguments[2])
      return { frame in
        let items = Runtime.elements(subject(frame))
        guard case .integer(let n) = count(frame) else { return .list([]) }
        return Aggregation.ranked(
          items, keys: items.map { key(frame, $0) }, count: n, highest: builtin == .topN)
      }
    case .head:
      return { frame in
        switch subject(frame) {
        case .list(let items): return items.first ?? .null
        case let other: return other
        }
      }
    case .distinct:
      return { frame in .list(SetFunctions.distinct(Runtime.elements(subject(frame)))) }
    case .intersects, .intersection, .subsetOf, .supersetOf, .includes:
      let other = compile(arguments[1])
      return { frame in
        SetFunctions.apply(builtin, subject(frame), other(frame))
      }
    case .get:
      let key = compile(arguments[1])
      return { frame in MapFunctions.get(subject(frame), key(frame)) }
    case .keys, .values:
      return { frame in MapFunctions.members(subject(frame), keys: builtin == .keys) }
    default:
      return { _ in .null }
    }
  }
}
