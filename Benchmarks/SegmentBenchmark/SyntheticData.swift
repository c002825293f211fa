import Dispatch
import Foundation
import LabCore
import PQL
import Segmentation

/// The benchmark's generated data: `profiles.csv` (id, gender, firstName, city, level) and
/// `events.csv` (profile id, timestamp in ms, eventType, product), both read by aep-lab and by
/// DuckDB; loaded into compact columns, one profile at a time turned into PQL inputs.
struct SyntheticData {
  static let genders = ["male", "female", "not_specified"]
  static let names = ["Ana", "Ben", "Chloe", "David", "Emma", "Farid", "Greta", "Hugo"]
  static let cities = ["Brussels", "Ghent", "Antwerp", "Bruges", "Liege", "Namur", "Leuven"]
  static let levels = ["Bronze", "Silver", "Gold", "Platinum"]
  static let types = [
    "commerce.productViews", "commerce.purchases", "web.webpagedetails.pageViews",
  ]
  static let products = [
    "Montana Wind Jacket", "Nadia Elements Shell", "Proteus Fitness Jackshirt",
  ]

  var gender: [UInt8] = []
  var name: [UInt8] = []
  var city: [UInt8] = []
  var level: [UInt8] = []
  var eventStart: [Int32] = []
  var timestamp: [Int64] = []
  var type: [UInt8] = []
  var product: [UInt8] = []

  var count: Int { gender.count }

  /// Writes `profiles` profiles with `events` events each, deterministically.
  static func write(profiles: Int, events: Int, now: Int64, to folder: String) throws {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let profileURL = URL(fileURLWithPath: folder + "/profiles.csv")
    let eventURL = URL(fileURLWithPath: folder + "/events.csv")
    _ = FileManager.default.createFile(atPath: profileURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: eventURL.path, contents: nil)
    let profileFile = try FileHandle(forWritingTo: profileURL)
    let eventFile = try FileHandle(forWritingTo: eventURL)
    defer {
      try? profileFile.close()
      try? eventFile.close()
    }
    var profileText = "id,gender,firstName,city,level\n"
    var eventText = "pid,ts,eventType,product\n"
    let window = 14 * 86_400_000
    for id in 0..<profiles {
      profileText +=
        "\(id),\(genders[next(3)]),\(names[next(names.count)]),\(cities[next(cities.count)]),"
        + "\(levels[next(levels.count)])\n"
      for index in 0..<events {
        let time = now - Int64(next(window / 1000)) * 1000 - Int64(index)
        eventText += "\(id),\(time),\(types[next(3)]),\(products[next(3)])\n"
      }
      if id % 20_000 == 19_999 || id == profiles - 1 {
        try profileFile.write(contentsOf: Data(profileText.utf8))
        try eventFile.write(contentsOf: Data(eventText.utf8))
        profileText = ""
        eventText = ""
      }
    }
  }

  /// Reads both files into columns: memory-mapped, each file split in two halves at a line
  /// break and parsed byte by byte on two threads.
  static func load(from folder: String) throws -> SyntheticData {
    var data = SyntheticData()
    let profiles = try Data(
      contentsOf: URL(fileURLWithPath: folder + "/profiles.csv"), options: .alwaysMapped)
    let profileParts = parallelRows(profiles, fields: 5) { part, fields, _ in
      part.gender.append(index(of: fields[1], in: genderBytes))
      part.name.append(index(of: fields[2], in: nameBytes))
      part.city.append(index(of: fields[3], in: cityBytes))
      part.level.append(index(of: fields[4], in: levelBytes))
    }
    for part in profileParts {
      data.gender += part.data.gender
      data.name += part.data.name
      data.city += part.data.city
      data.level += part.data.level
    }
    let profileCount = data.count
    let events = try Data(
      contentsOf: URL(fileURLWithPath: folder + "/events.csv"), options: .alwaysMapped)
    let eventParts = parallelRows(events, fields: 4, profiles: profileCount) {
      part, fields, counts in
      let pid = Int(integer(fields[0]))
      guard pid < counts.count else { return }
      counts[pid] += 1
      part.timestamp.append(integer(fields[1]))
      part.type.append(index(of: fields[2], in: typeBytes))
      part.product.append(index(of: fields[3], in: productBytes))
    }
    var counts = Array(repeating: Int32(0), count: profileCount)
    data.timestamp.reserveCapacity(eventParts.reduce(0) { $0 + $1.data.timestamp.count })
    for part in eventParts {
      data.timestamp += part.data.timestamp
      data.type += part.data.type
      data.product += part.data.product
      for index in 0..<profileCount { counts[index] += part.counts[index] }
    }
    data.eventStart = Array(repeating: 0, count: profileCount + 1)
    for index in 0..<profileCount {
      data.eventStart[index + 1] = data.eventStart[index] + counts[index]
    }
    return data
  }

  /// The loaded data as PQL columns: each field's distinct values once, and a code per row.
  func columns() -> PQLColumns {
    var columns = PQLColumns(profileCount: count)
    func codes(_ values: [UInt8]) -> [UInt32] { values.map { UInt32($0) } }
    columns.profileColumns = [
      .init(
        path: ["person", "gender"], values: Self.genders.map(JSONValue.string), codes: codes(gender)
      ),
      .init(
        path: ["person", "name", "firstName"], values: Self.names.map(JSONValue.string),
        codes: codes(name)),
      .init(
        path: ["homeAddress", "city"], values: Self.cities.map(JSONValue.string), codes: codes(city)
      ),
      .init(
        path: ["loyalty", "level"], values: Self.levels.map(JSONValue.string), codes: codes(level)),
    ]
    columns.eventStarts = eventStart.map { Int($0) }
    columns.eventTimes = timestamp
    columns.eventColumns = [
      .init(path: ["eventType"], values: Self.types.map(JSONValue.string), codes: codes(type)),
      .init(
        path: ["productListItems"],
        values: Self.products.map { [["name": .string($0)]] }, codes: codes(product)),
    ]
    return columns
  }

  static let genderBytes = genders.map { Array($0.utf8) }
  static let nameBytes = names.map { Array($0.utf8) }
  static let cityBytes = cities.map { Array($0.utf8) }
  static let levelBytes = levels.map { Array($0.utf8) }
  static let typeBytes = types.map { Array($0.utf8) }
  static let productBytes = products.map { Array($0.utf8) }

  /// Parses the rows after the header in two halves on two threads; each half fills its own
  /// columns (and per-profile counts), returned in file order.
  static func parallelRows(
    _ data: Data, fields: Int, profiles: Int = 0,
    _ body: @Sendable (inout SyntheticData, [UnsafeBufferPointer<UInt8>], inout [Int32]) -> Void
  ) -> [(data: SyntheticData, counts: [Int32])] {
    data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      guard let address = bytes.baseAddress, !bytes.isEmpty else { return [] }
      nonisolated(unsafe) let base = address
      var headerEnd = 0
      while headerEnd < bytes.count, bytes[headerEnd] != 0x0A { headerEnd += 1 }
      let first = min(headerEnd + 1, bytes.count)
      var middle = first + (bytes.count - first) / 2
      while middle < bytes.count, bytes[middle - 1] != 0x0A { middle += 1 }
      let ranges = [first..<middle, middle..<bytes.count]
      nonisolated(unsafe) var results = Array(
        repeating: (data: SyntheticData(), counts: [Int32]()), count: ranges.count)
      DispatchQueue.concurrentPerform(iterations: ranges.count) { part in
        var local = SyntheticData()
        var counts = Array(repeating: Int32(0), count: profiles)
        let estimate = ranges[part].count / 40
        local.timestamp.reserveCapacity(profiles > 0 ? estimate : 0)
        local.type.reserveCapacity(profiles > 0 ? estimate : 0)
        local.product.reserveCapacity(profiles > 0 ? estimate : 0)
        var row: [UnsafeBufferPointer<UInt8>] = []
        row.reserveCapacity(fields)
        var fieldStart = ranges[part].lowerBound
        var position = fieldStart
        let end = ranges[part].upperBound
        while position < end {
          let byte = base[position]
          if byte == 0x2C {
            row.append(UnsafeBufferPointer(start: base + fieldStart, count: position - fieldStart))
            fieldStart = position + 1
          } else if byte == 0x0A {
            row.append(UnsafeBufferPointer(start: base + fieldStart, count: position - fieldStart))
            if row.count == fields { body(&local, row, &counts) }
            row.removeAll(keepingCapacity: true)
            fieldStart = position + 1
          }
          position += 1
        }
        results[part] = (local, counts)
      }
      return results
    }
  }

  /// The nested objects of each enumerated column value, built once per worker thread and
  /// shared (copy on write) by its profiles and events, as a loader interning values would;
  /// one set per thread keeps the two threads off each other's reference counts.
  struct Values {
    let persons: [JSONValue] = genders.flatMap { gender in
      names.map { name in ["gender": .string(gender), "name": ["firstName": .string(name)]] }
    }
    let addresses: [JSONValue] = cities.map { ["city": .string($0)] }
    let loyalties: [JSONValue] = levels.map { ["level": .string($0)] }
    /// One event object per (eventType, product) pair, without its timestamp: each event copies
    /// one (a copy keeps the hash layout, so only `timestamp` is hashed) and sets its time.
    let eventTemplates: [[String: JSONValue]] = types.flatMap { type in
      products.map { product in
        var members = [String: JSONValue](minimumCapacity: 3)
        members["eventType"] = .string(type)
        members["productListItems"] = [["name": .string(product)]]
        return members
      }
    }
  }

  /// Profile `index` as the merged XDM entity PQL reads.
  func profile(_ index: Int, _ values: Values) -> JSONValue {
    .object([
      "person": values.persons[Int(gender[index]) * Self.names.count + Int(name[index])],
      "homeAddress": values.addresses[Int(city[index])],
      "loyalty": values.loyalties[Int(level[index])],
    ])
  }

  /// Profile `index`'s events as XDM ExperienceEvents.
  func events(_ index: Int, _ values: Values) -> [JSONValue] {
    var result: [JSONValue] = []
    let range = Int(eventStart[index])..<Int(eventStart[index + 1])
    result.reserveCapacity(range.count)
    for event in range {
      var members = values.eventTemplates[
        Int(type[event]) * Self.products.count + Int(product[event])]
      members["timestamp"] = .string(SegmentClock.isoString(timestamp[event]))
      result.append(.object(members))
    }
    return result
  }

  static func index(of field: UnsafeBufferPointer<UInt8>, in values: [[UInt8]]) -> UInt8 {
    for (position, value) in values.enumerated() where value.count == field.count {
      var same = true
      for offset in 0..<field.count where value[offset] != field[offset] {
        same = false
        break
      }
      if same { return UInt8(position) }
    }
    return 0
  }

  static func integer(_ field: UnsafeBufferPointer<UInt8>) -> Int64 {
    var value: Int64 = 0
    for byte in field { value = value * 10 + Int64(byte &- 48) }
    return value
  }
}
