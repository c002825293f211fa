/// The kind of identifier a namespace holds, which decides how Identity Service treats it.
///
/// Partner and non-people identities never link into graphs; when a graph is full, identities
/// are removed first-in-first-out by ``removalRank`` (partner, then cookie, then device, then
/// the people kinds).
public enum IdentityType: String, CaseIterable, Sendable, Codable, Hashable {
  /// A browser cookie such as ECID.
  case cookie = "COOKIE"
  /// A hardware or advertising device id such as IDFA.
  case device = "DEVICE"
  /// A person across devices: CRM ids, login ids, loyalty ids.
  case crossDevice = "CROSS_DEVICE"
  /// An email address (or its hash).
  case email = "EMAIL"
  /// A phone number (or its hash).
  case phone = "PHONE"
  /// A mobile device id (the Platform's `MOBILE` type).
  case mobile = "MOBILE"
  /// A partner's id (data from a partner); never linked.
  case partner = "PARTNER"
  /// Something that is not a person (a product, an order); never linked.
  case nonPeople = "NON_PEOPLE"

  /// Reads a type written as the Platform does or loosely: `cross-device`, `Cross_device`,
  /// `crossDevice` and `CROSS_DEVICE` all mean ``crossDevice``.
  public init?(parsing text: String) {
    let key = text.lowercased().filter { $0.isLetter }
    switch key {
    case "cookie", "cookieid": self = .cookie
    case "device", "deviceid": self = .device
    case "crossdevice", "crossdeviceid", "person", "people": self = .crossDevice
    case "email": self = .email
    case "phone", "phonenumber": self = .phone
    case "mobile": self = .mobile
    case "partner", "partnerid": self = .partner
    case "nonpeople", "nonperson": self = .nonPeople
    default: return nil
    }
  }

  /// The name shown in lists, such as "Cross-device".
  public var displayName: String {
    switch self {
    case .cookie: "Cookie"
    case .device: "Device"
    case .crossDevice: "Cross-device"
    case .email: "Email"
    case .phone: "Phone"
    case .mobile: "Mobile"
    case .partner: "Partner"
    case .nonPeople: "Non-people"
    }
  }

  /// Whether identities of this type link with the other identities of their record.
  public var linksIntoGraphs: Bool { self != .partner && self != .nonPeople }

  /// The order in which a full graph removes identities: lower goes first.
  public var removalRank: Int {
    switch self {
    case .partner, .nonPeople: 0
    case .cookie: 1
    case .device, .mobile: 2
    case .crossDevice, .email, .phone: 3
    }
  }

  /// Whether the type identifies a person rather than a browser or a device.
  public var isPerson: Bool { removalRank == 3 }
}

extension IdentityType {
  /// The rank used when no namespace priority is configured: people before devices before
  /// cookies (lower is higher priority).
  public var defaultPriority: Int {
    switch self {
    case .crossDevice: 0
    case .email: 1
    case .phone: 2
    case .mobile, .device: 3
    case .cookie: 4
    case .partner, .nonPeople: 5
    }
  }
}
