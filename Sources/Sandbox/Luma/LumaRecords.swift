import Foundation
import LabCore

/// Builds the XDM records the Luma website, app, CRM, loyalty programme and call center send,
/// in the shapes of the tutorial's "Global v1.1" datasets.
///
/// The demo data generator and the simulated site use the same builders, so a product view
/// the learner makes looks exactly like the background data's.
public enum LumaRecords {
  /// The tenant namespace of the demo org's custom fields.
  static let tenant = LumaDatasets.tenant

  /// A web or app experience event keyed by `ecid`: a page view, a product view or a login.
  ///
  /// `email` adds the Email identity (authenticated) of a login; `page` adds
  /// `web.webPageDetails`; `product` adds `commerce.productViews` and `productListItems`.
  public static func event(
    id: String, timestamp: String, type: String, ecid: String, channel: String = "web",
    page: String? = nil, product: LumaProduct? = nil, email: String? = nil
  ) -> JSONValue {
    var identityMap: [String: JSONValue] = [
      "ECID": [["id": .string(ecid), "authenticatedState": "ambiguous", "primary": true]]
    ]
    var core: [String: JSONValue] = ["ecid": .string(ecid)]
    if let email {
      identityMap["Email"] = [["id": .string(email), "authenticatedState": "authenticated"]]
      core["email"] = .string(email)
    }
    var record: [String: JSONValue] = [
      "_id": .string(id), "timestamp": .string(timestamp), "eventType": .string(type),
      "identityMap": .object(identityMap),
      tenant: [
        "identification": ["core": .object(core)],
        "interactionDetails": ["core": ["channel": .string(channel)]],
        "demoEnvironment": ["brandName": "Luma"],
      ],
    ]
    if let page {
      record["web"] = [
        "webPageDetails": [
          "name": .string(page), "URL": .string(url(forPage: page)), "pageViews": ["value": 1],
        ]
      ]
    }
    if let product {
      record["commerce"] = ["productViews": ["value": 1]]
      record["productListItems"] = [
        [
          "SKU": .string(product.sku), "name": .string(product.name), "quantity": 1,
          "priceTotal": .number(product.price), "currencyCode": "EUR",
        ]
      ]
    }
    return .object(record)
  }

  /// A website registration: the profile record that links the browser's ECID, the email and
  /// the phone.
  public static func registration(
    id: String, firstName: String, lastName: String, email: String, phone: String?,
    ecid: String?, city: String?, country: String?, gender: String? = nil,
    birthDate: String? = nil
  ) -> JSONValue {
    var person: [String: JSONValue] = [
      "name": ["firstName": .string(firstName), "lastName": .string(lastName)]
    ]
    if let gender { person["gender"] = .string(gender) }
    if let birthDate { person["birthDate"] = .string(birthDate) }
    var core: [String: JSONValue] = ["email": .string(email)]
    var record: [String: JSONValue] = [
      "_id": .string(id), "person": .object(person),
      "personalEmail": ["address": .string(email)],
    ]
    if let ecid { core["ecid"] = .string(ecid) }
    if let phone {
      core["phoneNumber"] = .string(phone)
      record["mobilePhone"] = ["number": .string(phone)]
    }
    var address: [String: JSONValue] = [:]
    if let city { address["city"] = .string(city) }
    if let country { address["country"] = .string(country) }
    if !address.isEmpty { record["homeAddress"] = .object(address) }
    record[tenant] = ["identification": ["core": .object(core)]]
    return .object(record)
  }

  /// A CRM customer row, keyed by the CRM id, with the email.
  public static func crmCustomer(
    crmID: String, firstName: String, lastName: String, gender: String, birthDate: String,
    email: String, address: LumaAddress
  ) -> JSONValue {
    [
      "_id": .string("crm-\(crmID)"),
      "person": [
        "name": ["firstName": .string(firstName), "lastName": .string(lastName)],
        "gender": .string(gender), "birthDate": .string(birthDate),
      ],
      "personalEmail": ["address": .string(email)],
      "homeAddress": [
        "street1": .string(address.street), "postalCode": .string(address.postalCode),
        "city": .string(address.city), "country": .string(address.country),
        "countryCode": .string(address.countryCode),
      ],
      tenant: ["identification": ["core": ["crmId": .string(crmID), "email": .string(email)]]],
    ]
  }

  /// A loyalty member, keyed by the loyalty id, with the email, level and points.
  public static func loyaltyMember(loyaltyID: String, email: String, level: String, points: Int)
    -> JSONValue
  {
    [
      "_id": .string("loy-\(loyaltyID)"),
      tenant: [
        "identification": ["core": ["loyaltyId": .string(loyaltyID), "email": .string(email)]],
        "loyaltyDetails": ["level": .string(level), "points": .number(Double(points))],
      ],
    ]
  }

  /// A call logged by the call center, keyed by the caller's phone number.
  public static func callCenterInteraction(
    id: String, timestamp: String, phone: String, topic: String, feeling: String
  ) -> JSONValue {
    [
      "_id": .string(id), "timestamp": .string(timestamp),
      "eventType": .string(callEventType),
      "identityMap": [
        "Phone": [["id": .string(phone), "authenticatedState": "authenticated", "primary": true]]
      ],
      tenant: [
        "identification": ["core": ["phoneNumber": .string(phone)]],
        "interactionDetails": [
          "core": [
            "channel": "call center",
            "callCenterAgent": [
              "callTopic": .string(topic), "callFeeling": .string(feeling),
              "callContractCancelled": false,
            ],
          ]
        ],
        "demoEnvironment": ["brandName": "Luma"],
      ],
    ]
  }

  /// The event type of a logged call (the tutorial does not name one; this is the lab's).
  public static let callEventType = "callCenter.interaction"

  /// The call topics an agent can choose.
  public static let callTopics = [
    "Order status", "Return or exchange", "Product question", "Loyalty points", "Delivery",
    "Complaint",
  ]

  /// The feelings an agent can record.
  public static let callFeelings = ["positive", "neutral", "negative"]

  /// The address of a page on the demo site.
  public static func url(forPage page: String) -> String {
    if let product = LumaCatalog.product(named: page) {
      return "https://luma.example.com/products/\(product.sku.lowercased())"
    }
    let slug = page.lowercased().replacingOccurrences(of: " ", with: "-")
    return "https://luma.example.com/\(slug)"
  }
}

/// A postal address of the demo data.
public struct LumaAddress: Sendable, Hashable {
  /// Street and number.
  public var street: String
  /// The postal code.
  public var postalCode: String
  /// The city.
  public var city: String
  /// The country's name.
  public var country: String
  /// The ISO 3166 alpha-2 code.
  public var countryCode: String
}
