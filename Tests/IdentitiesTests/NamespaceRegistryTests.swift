import Testing

@testable import Identities

@Suite struct NamespaceRegistryTests {
  @Test func codesMatchIgnoringCase() {
    let registry = NamespaceRegistry()
    #expect(registry.namespace(for: "email")?.code == "Email")
    #expect(registry.namespace(for: "ECID")?.id == 4)
    #expect(registry.namespace(for: "ecid")?.type == .cookie)
  }

  @Test func crmIDIsTheDemoSystemNamespaceWithAnAlias() {
    let registry = NamespaceRegistry()
    let crm = registry.namespace(for: "crmId")
    #expect(crm?.code == "CRMID")
    #expect(crm?.name == "Demo System - CRMID")
    #expect(crm?.type == .crossDevice)
  }

  @Test func unknownCodeIsRefusedWithTheKnownOnes() throws {
    let registry = NamespaceRegistry()
    #expect(throws: IdentityRefusal.self) { try registry.identity(namespace: "mail", id: "a") }
    let identity = try registry.identity(namespace: "PHONE", id: "+1")
    #expect(identity == Identity(namespace: "Phone", id: "+1"))
  }

  @Test func customNamespaceGetsAnIDAndDuplicatesAreRefused() throws {
    var registry = NamespaceRegistry()
    let created = try registry.create(code: "memberId", name: "Member ID", type: .crossDevice)
    #expect(created.id >= NamespaceRegistry.firstCustomID)
    #expect(created.isCustom)
    #expect(registry.namespace(for: "MEMBERID") == created)
    #expect(throws: IdentityError.duplicateNamespace("memberid")) {
      try registry.create(code: "memberid", name: "Other", type: .email)
    }
    #expect(throws: IdentityError.invalidNamespaceCode("a b")) {
      try registry.create(code: "a b", name: "Spaces", type: .email)
    }
  }

  @Test func identityTypesParseLoosely() {
    #expect(IdentityType(parsing: "cross-device") == .crossDevice)
    #expect(IdentityType(parsing: "Non_people") == .nonPeople)
    #expect(IdentityType(parsing: "PARTNER") == .partner)
    #expect(IdentityType(parsing: "banana") == nil)
  }
}
