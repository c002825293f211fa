import Testing

@testable import Sandbox

@Suite struct XIDTests {
  @Test(arguments: [(6, "jane+doe@example.com"), (4, "41235678290417653820014579632018456701")])
  func anXIDDecodesToItsNamespaceAndValue(nsid: Int, id: String) throws {
    let decoded = try #require(XID.decode(XID.make(nsid: nsid, id: id)))
    #expect(decoded.nsid == nsid)
    #expect(decoded.id == id)
  }

  @Test(arguments: ["", "not-an-xid", "!!!"])
  func textThatIsNoXIDDecodesToNothing(text: String) {
    #expect(XID.decode(text) == nil)
  }
}
