import Testing

@testable import PQL

/// Expressions in the shapes the Platform documentation uses compile as written.
@Suite struct DocumentedExampleTests {
  static let examples = [
    #"person.orders.storeId.distinct().count() > 1"#,
    #"xEvent[(timestamp occurs < 7 days before now) and eventType = "transaction"].sum(commerce.order.priceTotal)"#,
    #"xEvent.metrics.commerce.abandons.value > 0"#,
    #"segmentMembership.get("ups").get("seg-1").status in ["realized", "existing"]"#,
    #"timestamp occurs <= 24 hours after now"#,
    #"CHAIN(xEvent, timestamp, [C0: WHAT(eventType.equals("commerce.checkouts", false)) WHEN(today)])"#,
    #"homeAddress.country.equals("Canada", false)"#,
    #"chain(xEvent, timestamp, [A: WHAT(eventType = "addToCart") WHERE(externalSegmentMapProperty.values().exists(stringProperty="active"))])"#,
    #"inSegment("a") and inSegment("b")"#,
    #"select var1 from xEvent where var1._experience.analytics.endUser.firstWeb.webPageDetails.isHomePage = true"#,
    #"some x FROM xEvent WHERE x.eventType = "a""#,
    #"person.birthMonth in [3, 6, 9]"#,
    #"product.saleDate occurs last week"#,
    #"timestamp occurs on date(2019, 12, 31)"#,
    #"exists X from xEvent where X.timestamp occurs before today"#,
    #"product.saleDate occurs between date(2015, 1, 8) and date(2017, 7, 1)"#,
    #"person.name.matches("(?i)^John")"#,
    #"emailAddress.regexGroup("@(\\w+)", 1)"#,
    #"person1.favoriteColors.intersection(person2.favoriteColors) = ["red", "blue", "green"]"#,
    #"person.filter(age >= 21)"#,
    #"numbers.map(square)"#,
    #"orders.groupBy(product).map((K, G) => mapEntry(K, G.count()))"#,
    #"orders.topN(price, 5).head()"#,
    #"orders.bottomN(price, 5)"#,
    #"orders.sum(order.price) + orders.average(order.price) + orders.min(order.price) + orders.max(order.price)"#,
    #"xEvent.groupBy(productListItems.SKU).map((K, G) => mapEntry(K, {"count": G.count(), "sum": G.sum(commerce.order.priceTotal)}))"#,
    #"let S = (sum X.commerce.order.priceTotal over X from xEvent where X.commerce.order.currencyCode = "USD") in (S > 100 and S < 1000)"#,
    #"exists E from xEvent where (E.commerce.item.price > 50), I from E.productListItems where I.SKU = "PS""#,
    #"person.birthday.getYear() in [1991, 1992, 1993, 1994, 1995]"#,
    #"product.sale.getDayOfMonth() <= 15"#,
    #"person.age % 5 = 0"#,
    #"(Profile) => Profile.homeAddress.stateProvince = "CA""#,
    #"$1.homeAddress.stateProvince = "CA""#,
    #"xEvent[productListItems[SKU = "PS" or ^^.person.gender = "female"]]"#,
    #"identityMap.get("ECID")"#,
    #"not(chain(xEvent, timestamp, [A: WHAT(eventType = "x") WHEN(today)]))"#,
    #"chain(xEvent, timestamp, [A: WHAT(web.webPageDetails.isHomePage = true) WHEN(today) COUNT(5)])"#,
    #"person.emailAddress.endsWith(".com") and person.emailAddress.contains("2010@gm")"#,
    #"person.favoriteCities.subsetOf(person.visitedCities) and person.eatenFoods.supersetOf(["sushi", "pizza"])"#,
    #"person.homeAddress.isNull() or person.homeAddress.isNotNull()"#,
    #"product1.price + product2.price > product.inventory * product.price / totalProduct.sold"#,
    #"person.birthMonth = currentMonth() and currentYear() > 2000 and currentDayOfMonth() < 32"#,
  ]

  @Test(arguments: examples)
  func documentedShapeCompiles(_ text: String) throws {
    _ = try PQLQuery(text)
  }
}
