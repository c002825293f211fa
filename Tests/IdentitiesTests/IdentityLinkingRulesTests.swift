import Testing

@testable import Identities

@Suite struct IdentityLinkingRulesTests {
  let registry = NamespaceRegistry()

  @Test func codesAreResolvedToCanonicalOnes() throws {
    let rules = try IdentityLinkingRules(
      unique: ["crmid", "email"], priority: ["CRMID", "EMAIL", "phone", "ecid"], registry: registry)
    #expect(rules.uniqueNamespaces == ["CRMID", "Email"])
    #expect(rules.priority == ["CRMID", "Email", "Phone", "ECID"])
    #expect(registry.priorityRank(of: "Phone", rules: rules) == 2)
  }

  @Test func aCookieCannotOutrankAPerson() {
    #expect(throws: IdentityError.deviceOutranksPerson(device: "ECID", person: "Email")) {
      try IdentityLinkingRules(unique: [], priority: ["ECID", "Email"], registry: registry)
    }
  }

  @Test func aUniqueNamespaceMustHaveAPriority() {
    #expect(throws: IdentityError.uniqueNamespaceWithoutPriority("CRMID")) {
      try IdentityLinkingRules(unique: ["CRMID"], priority: ["Email"], registry: registry)
    }
  }

  @Test func unknownAndRepeatedNamespacesAreRefused() {
    #expect(throws: IdentityError.self) {
      try IdentityLinkingRules(unique: [], priority: ["Mail"], registry: registry)
    }
    #expect(throws: IdentityError.repeatedNamespace("Email")) {
      try IdentityLinkingRules(unique: [], priority: ["Email", "email"], registry: registry)
    }
  }
}
