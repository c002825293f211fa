import Foundation

/// Writes a realistic synthetic sandbox as dataset folders, for benchmarks and large demos.
///
/// Three profile datasets (website registrations, CRM, loyalty) and one web event dataset.
/// People have about three identities per record spread over the datasets (email, ECID, phone,
/// CRM id, loyalty id); some share a device (an ECID of an earlier person) and a few CRM rows
/// carry a shared junk email, so graphs collide the way real data does. The output is
/// deterministic for a seed.
///
/// For example:
///
/// ```swift
/// let summary = try SyntheticSandbox.write(profiles: 1000, eventsPerProfile: 2, seed: 7, to: "/tmp/synthetic")
/// ```
public enum SyntheticSandbox {
  /// What was written.
  public struct Summary: Sendable, Hashable {
    /// People generated.
    public var people: Int
    /// Profile records per dataset folder, in folder order.
    public var profileRecords: [String: Int]
    /// Experience events written.
    public var events: Int
    /// The dataset folders, in ingestion order.
    public var folders: [String]

    /// Profile records over all datasets.
    public var totalProfileRecords: Int { profileRecords.values.reduce(0, +) }
  }

  /// Writes about `profiles` profile records (fragments) and `eventsPerProfile` web events per
  /// person with a browser, under `folder`.
  ///
  /// Events fall in May 2024, or, with `until` (milliseconds since 1970), in the 30 days before
  /// it, with one person in four also buying the last product they viewed ten minutes after
  /// viewing it: so segments on recent events (a 7-day count, a 24-hour `CHAIN`) have members.
  ///
  /// Throws ``SandboxError/unreadable(path:reason:)`` when the folder cannot be written.
  @discardableResult
  public static func write(
    profiles: Int, eventsPerProfile: Int, seed: UInt64, until: Int64? = nil, to folder: String
  ) throws(SandboxError) -> Summary {
    let names = ["1-website-registrations", "2-crm", "3-loyalty", "4-web-events"]
    let schemas = [
      #"{"name": "Synthetic - Profile Dataset for Website", "class": "profile", "identities": [{"path": "identification.email", "namespace": "Email", "primary": true}, {"path": "identification.ecid", "namespace": "ECID"}, {"path": "identification.phone", "namespace": "Phone"}]}"#,
      #"{"name": "Synthetic - Profile Dataset for CRM", "class": "profile", "identities": [{"path": "identification.crmId", "namespace": "CRMID", "primary": true}, {"path": "identification.email", "namespace": "Email"}]}"#,
      #"{"name": "Synthetic - Profile Dataset for Loyalty", "class": "profile", "identities": [{"path": "identification.loyaltyId", "namespace": "loyaltyId", "primary": true}, {"path": "identification.email", "namespace": "Email"}, {"path": "identification.phone", "namespace": "Phone"}]}"#,
      #"{"name": "Synthetic - Event Dataset for Website", "class": "experienceevent", "identities": [{"path": "identification.ecid", "namespace": "ECID", "primary": true}]}"#,
    ]
    var writers: [BufferedFile] = []
    for (name, schema) in zip(names, schemas) {
      let path = (folder as NSString).appendingPathComponent(name)
      do {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try Data((schema + "\n").utf8).write(to: URL(fileURLWithPath: path + "/schema.json"))
        writers.append(try BufferedFile(path: path + "/records.ndjson"))
      } catch {
        throw .unreadable(
          path: path, reason: "the folder cannot be written (\(error.localizedDescription))")
      }
    }
    var random = SplitMix64(seed: seed)
    var counts = [0, 0, 0]
    var events = 0
    var person = 0
    let firstNames = [
      "Ana", "Ben", "Chloe", "David", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kim",
      "Lucas",
    ]
    let lastNames = [
      "Lima", "Martin", "Novak", "Okafor", "Peeters", "Quinn", "Rossi", "Smit", "Tan", "Vogel",
    ]
    let cities = ["Brussels", "Antwerp", "Ghent", "Leuven", "Liege", "Namur", "Bruges"]
    let products = [
      "Montana Wind Jacket", "Nadia Elements Shell", "Cassia Funnel Sweatshirt",
      "Proteus Fitness Jackshirt",
    ]
    let levels = ["Bronze", "Silver", "Gold", "Platinum"]
    var line = [UInt8]()
    var purchase: (time: String, product: String)? = nil
    line.reserveCapacity(512)
    while counts.reduce(0, +) < profiles {
      let email = "person\(person)@example.com"
      let phone = "+1555" + pad(person, 8)
      var ecid = "2" + pad(person, 37)
      if person > 10, random.next(100) < 2 {
        ecid = "2" + pad(Int(random.next(UInt64(person))), 37)  // a shared device
      }
      let first = firstNames[person % firstNames.count]
      let last = lastNames[(person / firstNames.count) % lastNames.count]
      let inRegistration = random.next(100) < 70
      var inCRM = random.next(100) < 60
      let inLoyalty = random.next(100) < 35
      if !inRegistration && !inLoyalty { inCRM = true }
      if inRegistration {
        line.removeAll(keepingCapacity: true)
        let hasPhone = random.next(100) < 80
        append(
          #"{"_id":"reg-\#(person)","person":{"name":{"firstName":"\#(first)","lastName":"\#(last)"}},"personalEmail":{"address":"\#(email)"},"homeAddress":{"city":"\#(cities[person % cities.count])"},"identification":{"email":"\#(email)","ecid":"\#(ecid)""#
            + (hasPhone ? #","phone":"\#(phone)""# : "") + "}}\n", to: &line)
        try writers[0].write(line)
        counts[0] += 1
      }
      if inCRM && counts.reduce(0, +) < profiles {
        line.removeAll(keepingCapacity: true)
        let crmEmail = random.next(1000) < 1 ? "test\(random.next(20))@test.com" : email
        append(
          #"{"_id":"crm-\#(person)","person":{"name":{"firstName":"\#(first)","lastName":"\#(last)"},"gender":"\#(person % 2 == 0 ? "female" : "male")","birthDate":"19\#(50 + person % 50)-0\#(1 + person % 9)-1\#(person % 9)"},"homeAddress":{"city":"\#(cities[(person + 3) % cities.count])","country":"Belgium"},"identification":{"crmId":"C\#(pad(person, 9))","email":"\#(crmEmail)"}}"#
            + "\n", to: &line)
        try writers[1].write(line)
        counts[1] += 1
      }
      if inLoyalty && counts.reduce(0, +) < profiles {
        line.removeAll(keepingCapacity: true)
        let byPhone = random.next(100) < 30
        append(
          #"{"_id":"loy-\#(person)","loyaltyDetails":{"level":"\#(levels[person % levels.count])","points":\#(random.next(5000))},"identification":{"loyaltyId":"L\#(pad(person, 9))","#
            + (byPhone ? #""phone":"\#(phone)"}}"# : #""email":"\#(email)"}}"#) + "\n", to: &line)
        try writers[2].write(line)
        counts[2] += 1
      }
      if inRegistration {
        for index in 0..<eventsPerProfile {
          line.removeAll(keepingCapacity: true)
          let minute = (person * 7 + index * 13) % 60
          let day = 1 + (person + index) % 28
          let product = products[(person + index) % products.count]
          let time: String
          if let until {
            let viewed =
              until - Int64((person / 4 + index) % 30) * 86_400_000 - Int64(60 + minute) * 60_000
            time = ISOTime.text(milliseconds: viewed, fraction: false)
            if index == eventsPerProfile - 1, person % 4 == 0 {
              purchase = (ISOTime.text(milliseconds: viewed + 600_000, fraction: false), product)
            }
          } else {
            time = "2024-05-\(pad(day, 2))T10:\(pad(minute, 2)):00Z"
          }
          append(
            #"{"_id":"evt-\#(person)-\#(index)","timestamp":"\#(time)","eventType":"commerce.productViews","productListItems":[{"name":"\#(product)","quantity":1}],"identification":{"ecid":"\#(ecid)"},"identityMap":{"ECID":[{"id":"\#(ecid)","primary":true}]}}"#
              + "\n", to: &line)
          try writers[3].write(line)
          events += 1
        }
        if let (time, product) = purchase {
          line.removeAll(keepingCapacity: true)
          append(
            #"{"_id":"buy-\#(person)","timestamp":"\#(time)","eventType":"commerce.purchases","productListItems":[{"name":"\#(product)","quantity":1}],"identification":{"ecid":"\#(ecid)"},"identityMap":{"ECID":[{"id":"\#(ecid)","primary":true}]}}"#
              + "\n", to: &line)
          try writers[3].write(line)
          events += 1
          purchase = nil
        }
      }
      person += 1
    }
    for index in writers.indices { try writers[index].close() }
    return Summary(
      people: person,
      profileRecords: Dictionary(uniqueKeysWithValues: zip(names.prefix(3), counts)),
      events: events,
      folders: names.map { (folder as NSString).appendingPathComponent($0) })
  }

  static func append(_ text: String, to buffer: inout [UInt8]) {
    buffer.append(contentsOf: text.utf8)
  }

  static func pad(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    return digits.count >= width
      ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}

/// A deterministic pseudo-random generator (SplitMix64).
struct SplitMix64 {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  /// A number in `0..<bound`.
  mutating func next(_ bound: UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return bound == 0 ? 0 : z % bound
  }
}

/// A file written through a 1 MB buffer.
struct BufferedFile {
  let handle: FileHandle
  let path: String
  var buffer: [UInt8] = []

  init(path: String) throws {
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    guard let handle = FileHandle(forWritingAtPath: path) else {
      throw SandboxError.unreadable(path: path, reason: "the file cannot be created")
    }
    self.handle = handle
    self.path = path
    buffer.reserveCapacity(1 << 20)
  }

  mutating func write(_ bytes: [UInt8]) throws(SandboxError) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 20 { try flush() }
  }

  mutating func flush() throws(SandboxError) {
    do {
      try handle.write(contentsOf: buffer)
    } catch {
      throw .unreadable(path: path, reason: "the file cannot be written")
    }
    buffer.removeAll(keepingCapacity: true)
  }

  mutating func close() throws(SandboxError) {
    try flush()
    try? handle.close()
  }
}
