import PQL
import Segmentation

/// Says whether an expression qualifies for streaming evaluation, in the module's words; a note,
/// never a failure (the Platform's streaming rules changed after the module was written).
enum StreamingNote {
  static func text(for expression: String) -> String {
    guard let query = try? PQLQuery(expression) else { return "" }
    let eligibility = SegmentEligibility(query: query)
    let line = eligibility.summary.first { $0.hasPrefix("streaming") } ?? ""
    return "Streaming eligibility of your expression: " + line
  }
}
