import Foundation
import LabCore
import Testing

@testable import PQL

@Suite struct PQLJSONTests {
  @Test func aComparisonEncodesAsTheDocumentedTree() throws {
    let tree = try PQLJSON.encode(#"homeAddress.countryCode = "US""#)
    let expected: JSONValue = [
      "nodeType": "fnApply", "fnName": "=",
      "params": [
        [
          "nodeType": "fieldLookup", "fieldName": "countryCode",
          "object": [
            "nodeType": "fieldLookup", "fieldName": "homeAddress",
            "object": ["nodeType": "parameterReference", "position": 1],
          ],
        ],
        ["nodeType": "literal", "literalType": "String", "value": "US"],
      ],
    ]
    #expect(tree == expected)
  }

  @Test func andOrAreNAry() throws {
    let tree = try PQLJSON.encode("a = 1 and b = 2 and c = 3")
    #expect(tree["params"]?.arrayValue?.count == 3)
  }

  @Test func theAPISegmentBodyDecodesWithAnXDMObjectRoot() throws {
    let value = #"""
      {"nodeType":"fnApply","fnName":"in","params":[{"nodeType":"fieldLookup","fieldName":"gender","object":{"nodeType":"fieldLookup","fieldName":"person","object":{"nodeType":"literal","literalType":"XDMObject","value":"profile"}}},{"nodeType":"literal","literalType":"List","value":["female"]}]}
      """#
    let text = try PQLJSON.decode(.string(value))
    #expect(text == #"person.gender in ["female"]"#)
    let query = try PQLJSON.query(.string(value))
    #expect(
      query.matches(profile: ["person": ["gender": "female"]], now: .init(timeIntervalSince1970: 0))
    )
  }

  static let roundTrips = [
    #"homeAddress.countryCode = "US" and (loyalty.points > 1000 or person.gender = "female")"#,
    #"not (workAddress.city = "Boston")"#,
    #"personalEmail.address.startsWith("jane", false)"#,
    #"xEvent[productListItems[SKU = "PS-1" and ^^.loyalty.tier = "gold"]].count() = 3"#,
    #"xEvent[timestamp occurs <= 7 days before now].sum(commerce.order.priceTotal) > 100"#,
    #"loyalty.joinDate occurs between date(2021, 1, 1) and date(2021, 12, 31)"#,
    #"x occurs last month"#,
    #"exists E from xEvent where E.eventType = "a", I from E.productListItems where I.SKU = "b""#,
    #"forall E from xEvent where E.timestamp occurs before now"#,
    #"select X from xEvent where X.eventType = "commerce.checkouts""#,
    #"let S = (sum X.commerce.order.priceTotal over X from xEvent where X.commerce.order.currencyCode = "USD") in (S > 100)"#,
    #"_lab.orders.groupBy(storeId).map((K, G) => mapEntry(K, G.count()))"#,
    #"(P) => P.homeAddress.countryCode = "US""#,
    #"chain(xEvent, timestamp, [A: WHAT(eventType = "a") WHEN(today), B: WHAT(eventType = "b") WHEN(<= 24 hours before now) COUNT(2) WHERE(x = 1)])"#,
    #"not (chain(xEvent, timestamp, [C0: WHAT(eventType.equals("commerce.checkouts", false))]))"#,
    #"loyalty.points - 250 * 2 = 750 and -(1 + 2) < 0 and [1, 2] = [1, 2]"#,
    #"inSegment("seg-gold") and if(a = 1, 2, 3) = 2 and {"k": 1.25}.k = 1.25"#,
    #"a like "%x_" and b notIn ["p", "q"] and c.matches("(?i)^ja")"#,
  ]

  @Test(arguments: roundTrips)
  func textSurvivesARoundTripThroughTheTree(_ text: String) throws {
    let tree = try PQLJSON.encode(text)
    let decoded = try PQLJSON.decode(tree)
    #expect(try PQLJSON.encode(decoded) == tree, "decoded as \(decoded)")
  }

  @Test func decodedTextMeansTheSame() throws {
    let text = #"a - (b - c) = 1 and (d or e)"#
    let decoded = try PQLJSON.decode(try PQLJSON.encode(text))
    #expect(decoded == "a - (b - c) = 1 and (d or e)")
  }

  @Test func anUnknownNodeTypeIsAParseError() {
    #expect(throws: PQLDiagnostic.self) { try PQLJSON.decode(["nodeType": "mystery"]) }
    #expect(throws: PQLDiagnostic.self) { try PQLJSON.decode(.string("{not json")) }
  }
}

@Suite struct PQLJSONQuantifierTests {
  private func quantification(_ quantifier: String) -> JSONValue {
    [
      "nodeType": "quantification", "quantifier": .string(quantifier),
      "variables": [
        [
          "nodeType": "varDecl", "varName": "E",
          "from": [
            "nodeType": "fieldLookup", "fieldName": "xEvent",
            "object": ["nodeType": "parameterReference", "position": 1],
          ],
          "where": [
            "nodeType": "fnApply", "fnName": "=",
            "params": [
              [
                "nodeType": "fieldLookup", "fieldName": "eventType",
                "object": ["nodeType": "varRef", "varName": "E"],
              ],
              ["nodeType": "literal", "literalType": "String", "value": "a"],
            ],
          ],
        ]
      ],
    ]
  }

  @Test func everyXDMQuantifierDecodes() throws {
    #expect(
      try PQLJSON.decode(quantification("some")) == #"exists E from xEvent where E.eventType = "a""#
    )
    #expect(
      try PQLJSON.decode(quantification("all")) == #"forall E from xEvent where E.eventType = "a""#)
    #expect(
      try PQLJSON.decode(quantification("none"))
        == #"not (exists E from xEvent where E.eventType = "a")"#)
    #expect(
      try PQLJSON.decode(quantification("one"))
        == #"(select E from xEvent where E.eventType = "a").count() = 1"#)
  }
}
