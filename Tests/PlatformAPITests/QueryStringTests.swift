import Testing

@testable import PlatformAPI

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

@Suite struct LoopbackTests {
  @Test(arguments: [
    ("http://127.0.0.1:8080/x", true), ("http://localhost/", true), ("http://[::1]:9/", true),
    ("https://platform.adobe.io/data", false), ("http://127.0.0.10/", false),
  ])
  func loopbackURLsBypassProxies(url: String, isLoopback: Bool) {
    #expect(CurlTransport.isLoopback(url) == isLoopback)
  }
}
