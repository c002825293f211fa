import Foundation

extension SiteRegistration {
  /// A field of the registration form, named as the site's form and the Sandbox records name it.
  public enum Field: String, Sendable {
    case email, phone, firstName, lastName, gender, birthDate
  }

  /// A field the site refuses, and why (in words fit for the terminal and the browser alike).
  public struct Problem: Error, Sendable, Equatable {
    /// The field at fault.
    public var field: Field
    /// What is wrong with it and how to write it.
    public var reason: String
  }

  /// The first field the site refuses, or `nil` when the registration can be sent.
  public var problem: Problem? {
    let email = email.trimmingCharacters(in: .whitespaces)
    let parts = email.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !email.contains(" ") else {
      return Problem(
        field: .email,
        reason: "'\(self.email)' is not an email address. Use one such as 'you@example.com'")
    }
    let digits = phone.dropFirst()
    guard phone.hasPrefix("+"), digits.count >= 8, digits.count <= 15,
      digits.allSatisfy(\.isNumber)
    else {
      return Problem(
        field: .phone,
        reason: "'\(phone)' is not a phone number in international form. Write it as '+' and "
          + "the digits, without spaces, for example '+32470123456'")
    }
    for (field, value, label) in [
      (Field.firstName, firstName, "first name"), (Field.lastName, lastName, "last name"),
    ] where value.trimmingCharacters(in: .whitespaces).isEmpty {
      return Problem(field: field, reason: "The form needs a \(label), for example 'Alex'")
    }
    if let gender = gender?.lowercased(), !Self.genders.contains(gender) {
      return Problem(
        field: .gender,
        reason: "'\(gender)' is not a gender XDM knows. Use one of "
          + Self.genders.map { "'\($0)'" }.joined(separator: ", "))
    }
    if let birth = birthDate, ISOTime.milliseconds(birth + "T00:00:00Z") == nil {
      return Problem(
        field: .birthDate,
        reason: "'\(birth)' is not a date. Write it as YYYY-MM-DD, for example '1990-04-12'")
    }
    return nil
  }
}
