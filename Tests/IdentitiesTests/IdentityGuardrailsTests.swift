import Testing

@testable import Identities

@Suite struct IdentityGuardrailsTests {
  let guardrails = IdentityGuardrails()
  let registry = NamespaceRegistry()

  func refusal(_ value: String, _ code: String) -> IdentityRefusal? {
    guard let namespace = registry.namespace(for: code) else { return nil }
    return guardrails.refusal(of: value, in: namespace)
  }

  @Test func ecidMustBe38Digits() {
    #expect(refusal(String(repeating: "1", count: 38), "ECID") == nil)
    #expect(refusal("123", "ECID") == .malformedECID(value: "123"))
    #expect(refusal(String(repeating: "a", count: 38), "ECID") != nil)
  }

  @Test func emptyPlaceholderAndLongValuesAreRefused() {
    #expect(refusal("", "Email") == .emptyValue(namespace: "Email"))
    #expect(
      refusal("anonymous", "Email") == .placeholderValue(namespace: "Email", value: "anonymous"))
    #expect(refusal("INVALID", "Phone") == .placeholderValue(namespace: "Phone", value: "INVALID"))
    let long = String(repeating: "x", count: 1025)
    #expect(refusal(long, "CRMID") == .valueTooLong(namespace: "CRMID", length: 1025, limit: 1024))
    #expect(refusal(String(repeating: "x", count: 1024), "CRMID") == nil)
  }

  @Test func refusalsReadAsSentences() {
    #expect(
      IdentityRefusal.malformedECID(value: "12").description
        == "the ECID '12' is not exactly 38 digits")
    #expect(
      IdentityRefusal.tooManyIdentities(count: 21, limit: 20).description
        == "the record has 21 identities; a record may have at most 20")
  }
}
