import PlatformAPI
import Testing

@Suite struct QueryStringTests {
  @Test(arguments: [
    ("jane+doe@example.com", "jane%2Bdoe%40example.com"),
    ("+15555550123", "%2B15555550123"),
    ("a b&c=d", "a%20b%26c%3Dd"),
    ("Zoë", "Zo%C3%AB"),
    ("safe-._~09AZaz", "safe-._~09AZaz"),
  ])
  func valuesAreEscapedSoAPlusSurvives(value: String, escaped: String) {
    #expect(QueryString.escape(value) == escaped)
  }

  @Test func pairsKeepTheirOrder() {
    #expect(
      QueryString.encode([("schema.name", "_xdm.context.profile"), ("entityId", "a+b")])
        == "schema.name=_xdm.context.profile&entityId=a%2Bb")
  }
}
