/// What the site's "Create an account" form sends.
public struct SiteRegistration: Sendable, Hashable {
  /// The email, which becomes the account's login and an Email identity.
  public var email: String
  /// The mobile number in international form (`+32473622044`), a Phone identity.
  public var phone: String
  /// First name.
  public var firstName: String
  /// Last name.
  public var lastName: String
  /// `male`, `female` or `not_specified`, as XDM's `person.gender` writes it.
  public var gender: String?
  /// Birth date as `YYYY-MM-DD`.
  public var birthDate: String?
  /// Home city.
  public var city: String?
  /// Home country.
  public var country: String?

  /// Creates a registration.
  public init(
    email: String, phone: String, firstName: String, lastName: String, gender: String? = nil,
    birthDate: String? = nil, city: String? = nil, country: String? = nil
  ) {
    self.email = email
    self.phone = phone
    self.firstName = firstName
    self.lastName = lastName
    self.gender = gender
    self.birthDate = birthDate
    self.city = city
    self.country = country
  }

  /// The genders XDM's enumeration allows.
  public static let genders = ["male", "female", "not_specified", "non_specific"]
}
