import Foundation
import LabCore

/// Generates the Luma demo data of module 3: the persona's journey and, around it, about a
/// thousand CRM customers with registrations, loyalty memberships, weeks of browsing on the
/// website and the app, anonymous visitors and call-center interactions.
///
/// The same seed always gives the same records. `datasets/luma` holds the output of
/// ``defaultSeed``; the exercise checks re-judge PQL answers on ``variantSeed``, which the
/// learner never sees, so an answer tuned to the visible rows does not pass.
///
/// For example:
///
/// ```swift
/// let demo = LumaDemoData(seed: LumaDemoData.defaultSeed)
/// try sandbox.ingest(demo.datasetRecords)
/// ```
public struct LumaDemoData: Sendable {
  /// One dataset of the demo data: where it is kept, its schema and its records.
  public struct Dataset: Sendable {
    /// The folder under `datasets/luma`.
    public var folder: String
    /// The schema, with the identity descriptors.
    public var schema: DatasetSchema
    /// The records, in file order.
    public var records: [JSONValue]
  }

  /// The seed of the data in `datasets/luma`.
  public static let defaultSeed: UInt64 = 1
  /// The seed of the unseen variant the checks re-judge answers on.
  public static let variantSeed: UInt64 = 20_261_204
  /// How many CRM customers there are besides the persona.
  public static let backgroundCustomers = 999

  /// The seed the data was made from.
  public let seed: UInt64
  /// The datasets, in ingest order.
  public let datasets: [Dataset]

  /// Generates the data of `seed`.
  public init(seed: UInt64) {
    self.seed = seed
    var builder = Builder(seed: seed)
    builder.addPersona()
    builder.addBackground()
    datasets = LumaDatasets.all.map { folder, schema in
      Dataset(folder: folder, schema: schema, records: builder.records[schema.name] ?? [])
    }
  }

  /// The datasets as in-memory batches for ``Sandbox/ingest(_:strict:)``.
  public var datasetRecords: [DatasetRecords] {
    datasets.map { dataset in
      DatasetRecords(
        schema: dataset.schema, lines: dataset.records.map { $0.serialized() },
        source: "luma demo data (seed \(seed))/\(dataset.folder)")
    }
  }

  /// The number of records over all datasets.
  public var recordCount: Int { datasets.reduce(0) { $0 + $1.records.count } }

  /// Writes each dataset as `schema.json` and `records.ndjson` in a folder under `folder`.
  public func write(to folder: URL) throws {
    for dataset in datasets {
      let target = folder.appendingPathComponent(dataset.folder)
      try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      try (encoder.encode(dataset.schema) + Data("\n".utf8)).write(
        to: target.appendingPathComponent("schema.json"))
      let lines = dataset.records.map { $0.serialized() + "\n" }.joined()
      try Data(lines.utf8).write(to: target.appendingPathComponent("records.ndjson"))
    }
  }
}

/// The state of one generation: the random source and the records made so far.
private struct Builder {
  var random: SeededRandom
  var records: [String: [JSONValue]] = [:]
  var usedEmails: Set<String> = [LumaPersona.email]
  var eventNumber = 100_000
  var registrationNumber = 1
  var loyaltyNumber = Int(LumaPersona.loyaltyID) ?? 5_415_776
  var callNumber = 0

  /// The first instant of the background data: 2024-04-01T00:00:00Z.
  static let start = Date(timeIntervalSince1970: 1_711_929_600)
  /// The days the background browsing spans.
  static let days = 61

  init(seed: UInt64) { random = SeededRandom(seed: seed) }

  mutating func add(_ record: JSONValue, to schema: DatasetSchema) {
    records[schema.name, default: []].append(record)
  }

  // MARK: - The persona

  /// Lucas Moreau's journey, exactly as the lessons tell it.
  mutating func addPersona() {
    let ecids = LumaPersona.ecids
    let email = LumaPersona.email
    func product(_ name: String) -> LumaProduct? { LumaCatalog.product(named: name) }
    let journey: [(String, String, Int, String?, String?, Bool)] = [
      ("2024-05-01T09:00:00Z", "web.webpagedetails.pageViews", 0, "Home", nil, false),
      ("2024-05-01T09:01:00Z", "commerce.productViews", 0, nil, "Montana Wind Jacket", false),
      ("2024-05-01T09:03:00Z", "commerce.productViews", 0, nil, "Nadia Elements Shell", false),
      ("2024-05-01T09:05:00Z", "web.login", 0, nil, nil, true),
      ("2024-05-01T12:00:00Z", "application.login", 1, nil, nil, true),
      ("2024-05-01T12:02:00Z", "commerce.productViews", 1, nil, "Cassia Funnel Sweatshirt", false),
      ("2024-05-03T18:00:00Z", "web.login", 2, nil, nil, true),
      ("2024-05-03T18:01:00Z", "web.webpagedetails.pageViews", 2, "Men", nil, false),
    ]
    for (index, step) in journey.enumerated() {
      let (time, type, device, page, name, login) = step
      add(
        LumaRecords.event(
          id: String(format: "evt-%04d", index + 1), timestamp: time, type: type,
          ecid: ecids[device], channel: device == 1 ? "mobile" : "web", page: page,
          product: name.flatMap(product), email: login ? email : nil),
        to: LumaDatasets.websiteEvents)
    }
    add(
      LumaRecords.registration(
        id: nextRegistrationID(), firstName: LumaPersona.firstName,
        lastName: LumaPersona.lastName, email: email, phone: LumaPersona.phone, ecid: ecids[0],
        city: LumaPersona.websiteCity, country: "Belgium"),
      to: LumaDatasets.websiteProfiles)
    add(
      LumaRecords.crmCustomer(
        crmID: LumaPersona.crmID, firstName: LumaPersona.firstName,
        lastName: LumaPersona.lastName, gender: LumaPersona.gender,
        birthDate: LumaPersona.birthDate, email: email,
        address: LumaAddress(
          street: "Rue de la Loi 1", postalCode: "2000", city: LumaPersona.crmCity,
          country: "Belgium", countryCode: "BE")),
      to: LumaDatasets.crmProfiles)
    add(
      LumaRecords.loyaltyMember(
        loyaltyID: LumaPersona.loyaltyID, email: email, level: LumaPersona.loyalty.level,
        points: LumaPersona.loyalty.points),
      to: LumaDatasets.loyaltyProfiles)
  }

  // MARK: - Everyone else

  mutating func addBackground() {
    let firstCRM = (Int(LumaPersona.crmID) ?? 1_478_212) + 1
    for index in 0..<LumaDemoData.backgroundCustomers {
      addCustomer(crmID: String(firstCRM + index), inCRM: true)
    }
    // People who registered on the website but are not (yet) in the CRM: no gender known.
    for _ in 0..<40 { addCustomer(crmID: nil, inCRM: false) }
    for _ in 0..<250 { addAnonymousVisitor() }
  }

  mutating func addCustomer(crmID: String?, inCRM: Bool) {
    let roll = random.below(100)
    let gender = roll < 48 ? "female" : roll < 96 ? "male" : "not_specified"
    let first =
      gender == "female"
      ? random.pick(LumaNames.female)
      : gender == "male"
        ? random.pick(LumaNames.male) : random.pick(LumaNames.female + LumaNames.male)
    let last = random.pick(LumaNames.last)
    let email = uniqueEmail(first: first, last: last)
    let home = random.pick(LumaNames.cities)
    let address = LumaAddress(
      street: "\(random.pick(LumaNames.streets)) \(1 + random.below(180))",
      postalCode: home.postal + random.digits(2), city: home.city, country: home.country,
      countryCode: home.code)
    if inCRM, let crmID {
      let birth = String(
        format: "%04d-%02d-%02d", 1950 + random.below(56), 1 + random.below(12),
        1 + random.below(28))
      add(
        LumaRecords.crmCustomer(
          crmID: crmID, firstName: first, lastName: last, gender: gender, birthDate: birth,
          email: email, address: address),
        to: LumaDatasets.crmProfiles)
      if random.chance(35) {
        loyaltyNumber += 1
        let points = random.below(random.chance(20) ? 8000 : 2000)
        add(
          LumaRecords.loyaltyMember(
            loyaltyID: String(loyaltyNumber), email: email, level: Self.level(points: points),
            points: points),
          to: LumaDatasets.loyaltyProfiles)
      }
    }
    guard !inCRM || random.chance(60) else { return }
    // Registered on the website: anonymous browsing first, then the registration and a login.
    let phone = phoneNumber(countryCode: home.code)
    let webECID = random.digits(38)
    let city = random.chance(85) ? home.city : random.pick(LumaNames.cities).city
    add(
      LumaRecords.registration(
        id: nextRegistrationID(), firstName: first, lastName: last, email: email, phone: phone,
        ecid: webECID, city: city, country: home.country),
      to: LumaDatasets.websiteProfiles)
    var time = Self.start.addingTimeInterval(
      Double(random.below(Self.days - 14) * 86_400 + (7 + random.below(14)) * 3600))
    browse(ecid: webECID, gender: gender, channel: "web", at: &time, login: nil)
    addEvent(type: "web.login", ecid: webECID, email: email, at: &time)
    let sessions = random.below(5)
    var laterECID = webECID
    if random.chance(20) { laterECID = random.digits(38) }
    for _ in 0..<sessions {
      time = time.addingTimeInterval(Double((1 + random.below(6)) * 86_400 + random.below(36_000)))
      browse(ecid: laterECID, gender: gender, channel: "web", at: &time, login: email)
    }
    if random.chance(25) {
      let appECID = random.digits(38)
      time = time.addingTimeInterval(Double(3600 + random.below(86_400)))
      browse(ecid: appECID, gender: gender, channel: "mobile", at: &time, login: email)
    }
    if random.chance(12) {
      for _ in 0..<(1 + random.below(2)) {
        time = time.addingTimeInterval(Double(3600 + random.below(3 * 86_400)))
        callNumber += 1
        add(
          LumaRecords.callCenterInteraction(
            id: String(format: "call-%05d", callNumber), timestamp: ISOTime.string(from: time),
            phone: phone, topic: random.pick(LumaRecords.callTopics),
            feeling: random.pick(LumaRecords.callFeelings)),
          to: LumaDatasets.callCenterEvents)
      }
    }
  }

  mutating func addAnonymousVisitor() {
    var time = Self.start.addingTimeInterval(
      Double(random.below(Self.days) * 86_400 + (6 + random.below(17)) * 3600))
    let roll = random.below(100)
    let taste = roll < 45 ? "male" : roll < 90 ? "female" : "not_specified"
    browse(ecid: random.digits(38), gender: taste, channel: "web", at: &time, login: nil)
  }

  /// One visit: a landing page (or, on the app, a login) and one to three product views.
  mutating func browse(
    ecid: String, gender: String, channel: String, at time: inout Date, login email: String?
  ) {
    if channel == "mobile", let email {
      addEvent(type: "application.login", ecid: ecid, channel: channel, email: email, at: &time)
    } else {
      if let email, random.chance(50) {
        addEvent(type: "web.login", ecid: ecid, email: email, at: &time)
      }
      let page = random.chance(60) ? "Home" : random.pick(["Men", "Women", "Gear", "Sale"])
      addEvent(type: "web.webpagedetails.pageViews", ecid: ecid, page: page, at: &time)
    }
    for _ in 0..<(1 + random.below(3)) {
      let product = favouriteProduct(gender: gender)
      addEvent(
        type: "commerce.productViews", ecid: ecid, channel: channel,
        page: channel == "web" ? product.name : nil, product: product, at: &time)
    }
  }

  mutating func addEvent(
    type: String, ecid: String, channel: String = "web", page: String? = nil,
    product: LumaProduct? = nil, email: String? = nil, at time: inout Date
  ) {
    eventNumber += 1
    time = time.addingTimeInterval(Double(20 + random.below(160)))
    add(
      LumaRecords.event(
        id: "evt-\(eventNumber)", timestamp: ISOTime.string(from: time), type: type, ecid: ecid,
        channel: channel, page: page, product: product, email: email),
      to: LumaDatasets.websiteEvents)
  }

  /// A product, mostly from the shopper's own department; the Montana Wind Jacket is popular.
  mutating func favouriteProduct(gender: String) -> LumaProduct {
    let own = gender == "female" ? "Women" : "Men"
    let roll = random.below(100)
    let category = roll < 70 ? own : roll < 85 ? (own == "Men" ? "Women" : "Men") : "Gear"
    if category == "Men", random.chance(18) {
      return LumaCatalog.product(named: "Montana Wind Jacket") ?? LumaCatalog.products[0]
    }
    return random.pick(LumaCatalog.products.filter { $0.category == category })
  }

  mutating func uniqueEmail(first: String, last: String) -> String {
    let base = [first, last].map { name in
      name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        .filter { $0.isLetter && $0.isASCII }
    }.joined(separator: ".")
    var email = "\(base)@example.com"
    var number = 2
    while usedEmails.contains(email) {
      email = "\(base)\(number)@example.com"
      number += 1
    }
    usedEmails.insert(email)
    return email
  }

  mutating func phoneNumber(countryCode: String) -> String {
    switch countryCode {
    case "NL": return "+316" + random.digits(8)
    case "FR": return "+336" + random.digits(8)
    case "DE": return "+4915" + random.digits(9)
    case "GB": return "+447" + random.digits(9)
    default: return "+324" + random.digits(8)
    }
  }

  mutating func nextRegistrationID() -> String {
    defer { registrationNumber += 1 }
    return String(format: "reg-%04d", registrationNumber)
  }

  static func level(points: Int) -> String {
    points < 500 ? "Bronze" : points < 1500 ? "Silver" : points < 4000 ? "Gold" : "Platinum"
  }
}
