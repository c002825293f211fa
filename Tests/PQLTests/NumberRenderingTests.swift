import LabCore
import Testing

@testable import PQL

/// Numbers of any magnitude render without trapping (a fuzz finding: a literal beyond Int64
/// stopped the process when printed), and what converts reads back the same.
@Suite struct NumberRenderingTests {
  @Test(arguments: [
    "888888888888888888888888888888888888888888888888888888888888888888888888888888888888888888.0",
    "x = 99999999999999999999999.5", "x = 0.000000000000000000001", "x = -12345.678",
    "x = 9007199254740993",
  ])
  func aLiteralOfAnyMagnitudeIsRenderedOrRefusedNeverATrap(input: String) throws {
    guard let tree = try? PQLJSON.encode(input) else { return }  // refused with a diagnostic
    let text = try PQLJSON.decode(tree)
    #expect(try PQLJSON.encode(text) == tree)
  }

  @Test func aHugeLiteralPrintsInFullDecimal() throws {
    let query = try PQLQuery("x = 100000000000000000000000000000000000000.0")
    let printed = PQLPrinter.render(query.syntax)
    #expect(printed == "x = 100000000000000000000000000000000000000")
  }
}
