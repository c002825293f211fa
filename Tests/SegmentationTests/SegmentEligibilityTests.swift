import PQL
import Testing

@testable import Segmentation

@Suite struct SegmentEligibilityTests {
  static func eligibility(_ text: String) throws -> SegmentEligibility {
    SegmentEligibility(query: try PQLQuery(text))
  }

  @Test func profileAttributesQualifyForEveryMethod() throws {
    let verdicts = try Self.eligibility(#"person.gender in ["female"]"#)
    #expect(verdicts.methods == [.batch, .streaming, .edge])
    #expect(!verdicts.isLegacySingleEvent)
  }

  @Test func theModulesJacketSegmentQualifiesForStreamingInBothForms() throws {
    let chain = try Self.eligibility(
      #"person.gender in ["male"] and CHAIN(xEvent, timestamp, [C0: WHAT(productListItems.exists(name.equals("MONTANA WIND JACKET", false)))])"#
    )
    #expect(chain.verdict(for: .streaming).isEligible)
    #expect(chain.isLegacySingleEvent)
    let select = try Self.eligibility(
      #"person.gender in ["male"] and (select _Any1 from xEvent, _Any1__Product_list_items1 from _Any1.productListItems where _Any1__Product_list_items1.name.equals("Montana Wind Jacket", false))"#
    )
    #expect(select.verdict(for: .streaming).isEligible)
  }

  @Test func aSevenDayCountIsRefusedForStreamingWithTheReason() throws {
    let verdicts = try Self.eligibility(
      #"xEvent[eventType = "commerce.productViews" and timestamp occurs <= 7 days before now].count() > 2"#
    )
    #expect(!verdicts.isLegacySingleEvent)
    #expect(throws: SegmentationError.self) { try verdicts.require([.streaming]) }
    #expect(verdicts.summary[1].hasPrefix("streaming: no."))
  }

  @Test func eventsCombinedWithInSegmentAreBatchOnly() throws {
    let verdicts = try Self.eligibility(
      #"inSegment("gold") and CHAIN(xEvent, timestamp, [C0: WHAT(eventType = "web.login") WHEN(today)])"#
    )
    do {
      try verdicts.require([.streaming])
      Issue.record("streaming was accepted")
    } catch {
      guard case .ineligible(.streaming, let reason) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(reason.contains("inSegment"))
    }
  }
}
