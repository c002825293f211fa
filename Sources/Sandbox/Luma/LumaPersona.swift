/// The module's persona, Lucas Moreau, the same in every variant of the data.
///
/// The demo data replays his journey, and the exercises ask about his facts.
public enum LumaPersona {
  /// First name.
  public static let firstName = "Lucas"
  /// Last name.
  public static let lastName = "Moreau"
  /// The registration email.
  public static let email = "lucas.moreau@example.com"
  /// The registration phone.
  public static let phone = "+32473622044"
  /// The CRM id.
  public static let crmID = "1478212"
  /// The loyalty id.
  public static let loyaltyID = "5415776"
  /// The desktop browser before registration, the app, and the desktop browser later.
  public static let ecids = [
    "41235678290417653820014579632018456701", "41235678290417653820014579632018456702",
    "41235678290417653820014579632018456703",
  ]
  /// Gender, as XDM writes it.
  public static let gender = "male"
  /// Birth date.
  public static let birthDate = "1990-04-12"
  /// The city of the website registration.
  public static let websiteCity = "Brussels"
  /// The city in the CRM, ingested later.
  public static let crmCity = "Antwerp"
  /// Loyalty level and points.
  public static let loyalty = (level: "Gold", points: 1200)
}
