/// The module's datasets by their real names, with the schemas and identity descriptors the
/// tutorial gives them, and the folder each is kept in under `datasets/luma`.
public enum LumaDatasets {
  /// The tenant namespace of the demo org's custom fields.
  public static let tenant = "_experienceplatform"

  /// Web and app experience events; primary identity the ECID.
  public static let websiteEvents = DatasetSchema(
    name: "Demo System - Event Dataset for Website (Global v1.1)", recordClass: .experienceEvent,
    identities: [identity("ecid", "ECID", primary: true)],
    description: "Web and app experience events (page views, product views, logins).")

  /// Registrations on the website; primary identity the email, with the ECID and the phone.
  public static let websiteProfiles = DatasetSchema(
    name: "Demo System - Profile Dataset for Website (Global v1.1)", recordClass: .profile,
    identities: [
      identity("email", "Email", primary: true), identity("ecid", "ECID"),
      identity("phoneNumber", "Phone"),
    ],
    description:
      "Registrations on the Luma website: name, email (primary), phone and the browser's ECID.")

  /// The CRM's customers; primary identity the CRM id, with the email.
  public static let crmProfiles = DatasetSchema(
    name: "Demo System - Profile Dataset for CRM (Global v1.1)", recordClass: .profile,
    identities: [identity("crmId", "CRMID", primary: true), identity("email", "Email")],
    description: "CRM customers: gender, birth date, address; primary identity crmId.")

  /// Loyalty members; primary identity the loyalty id, with the email.
  public static let loyaltyProfiles = DatasetSchema(
    name: "Demo System - Profile Dataset for Loyalty (Global v1.1)", recordClass: .profile,
    identities: [identity("loyaltyId", "loyaltyId", primary: true), identity("email", "Email")],
    description: "Loyalty members: level and points; primary identity loyaltyId.")

  /// Call-center interactions; primary identity the phone number.
  public static let callCenterEvents = DatasetSchema(
    name: "Demo System - Event Dataset for Call Center (Global v1.1)",
    recordClass: .experienceEvent, identities: [identity("phoneNumber", "Phone", primary: true)],
    description: "Calls logged by the call center: topic and the customer's feeling.")

  /// Every dataset with its folder, in ingest order.
  public static let all: [(folder: String, schema: DatasetSchema)] = [
    ("01-website-events", websiteEvents), ("02-website-registrations", websiteProfiles),
    ("03-crm", crmProfiles), ("04-loyalty", loyaltyProfiles), ("05-call-center", callCenterEvents),
  ]

  /// The dataset folder under the content root.
  public static let folder = "datasets/luma"

  private static func identity(_ field: String, _ namespace: String, primary: Bool? = nil)
    -> DatasetSchema.IdentityField
  {
    DatasetSchema.IdentityField(
      path: "\(tenant).identification.core.\(field)", namespace: namespace, primary: primary)
  }
}
