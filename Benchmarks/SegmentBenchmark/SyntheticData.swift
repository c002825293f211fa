import Foundation
import LabCore
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
    FileManager.default.createFile(atPath: profileURL.path, contents: nil)
    FileManager.default.createFile(atPath: eventURL.path, contents: nil)
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

  /// Reads both files into columns.
  static func load(from folder: String) throws -> SyntheticData {
    var data = SyntheticData()
    let profiles = try Data(contentsOf: URL(fileURLWithPath: folder + "/profiles.csv"))
    forEachRow(profiles) { fields in
      data.gender.append(index(of: fields[1], in: genders))
      data.name.append(index(of: fields[2], in: names))
      data.city.append(index(of: fields[3], in: cities))
      data.level.append(index(of: fields[4], in: levels))
    }
    data.eventStart = Array(repeating: 0, count: data.count + 1)
    let events = try Data(contentsOf: URL(fileURLWithPath: folder + "/events.csv"))
    var counts = Array(repeating: Int32(0), count: data.count)
    forEachRow(events) { fields in
      let pid = Int(integer(fields[0]))
      guard pid < counts.count else { return }
      counts[pid] += 1
      data.timestamp.append(integer(fields[1]))
      data.type.append(index(of: fields[2], in: types))
      data.product.append(index(of: fields[3], in: products))
    }
    for index in 0..<data.count {
      data.eventStart[index + 1] = data.eventStart[index] + counts[index]
    }
    return data
  }

  /// Profile `index` as the merged XDM entity PQL reads.
  func profile(_ index: Int) -> JSONValue {
    [
      "person": [
        "gender": .string(Self.genders[Int(gender[index])]),
        "name": ["firstName": .string(Self.names[Int(name[index])])],
      ],
      "homeAddress": ["city": .string(Self.cities[Int(city[index])])],
      "loyalty": ["level": .string(Self.levels[Int(level[index])])],
    ]
  }

  /// Profile `index`'s events as XDM ExperienceEvents.
  func events(_ index: Int) -> [JSONValue] {
    (Int(eventStart[index])..<Int(eventStart[index + 1])).map { event in
      [
        "timestamp": .string(SegmentClock.isoString(timestamp[event])),
        "eventType": .string(Self.types[Int(type[event])]),
        "productListItems": [["name": .string(Self.products[Int(product[event])])]],
      ]
    }
  }

  /// Calls `body` with the fields of every row after the header (no copy of the bytes).
  static func forEachRow(_ data: Data, _ body: ([UnsafeBufferPointer<UInt8>]) -> Void) {
    data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      guard let base = bytes.baseAddress else { return }
      var start = 0
      var header = true
      var fields: [UnsafeBufferPointer<UInt8>] = []
      for position in 0..<bytes.count where bytes[position] == 0x0A {
        if header {
          header = false
          start = position + 1
          continue
        }
        fields.removeAll(keepingCapacity: true)
        var fieldStart = start
        for offset in start..<position where bytes[offset] == 0x2C {
          fields.append(UnsafeBufferPointer(start: base + fieldStart, count: offset - fieldStart))
          fieldStart = offset + 1
        }
        fields.append(UnsafeBufferPointer(start: base + fieldStart, count: position - fieldStart))
        body(fields)
        start = position + 1
      }
    }
  }

  static func index(of field: UnsafeBufferPointer<UInt8>, in values: [String]) -> UInt8 {
    UInt8(values.firstIndex { $0.utf8.elementsEqual(field) } ?? 0)
  }

  static func integer(_ field: UnsafeBufferPointer<UInt8>) -> Int64 {
    var value: Int64 = 0
    for byte in field { value = value * 10 + Int64(byte &- 48) }
    return value
  }
}
