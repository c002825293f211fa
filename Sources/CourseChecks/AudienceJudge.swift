import Curriculum
import Foundation
import LabCore
import Persistence
import PlatformAPI
import Sandbox
import Segmentation

/// Judges a PQL expression by the audience it produces against a reference's: on the demo
/// data, then on an unseen variant of it, where an answer that lists the visible members
/// instead of describing them fails.
enum AudienceJudge {
  /// The finding for the first data set where the audiences differ, and notes on the others.
  ///
  /// The finding is `nil` when none differs; there is a note per data set where they agree.
  /// `demo` is a demo sandbox already built, if any.
  static func judge(
    answer: String, reference: String, exercise: String, location: String, demo: Sandbox? = nil,
    context: CheckContext
  ) -> (finding: Finding?, notes: [String]) {
    var notes: [String] = []
    for (seed, name) in [
      (LumaDemoData.defaultSeed, "the demo data"),
      (LumaDemoData.variantSeed, "an unseen variant of the demo data"),
    ] {
      let comparison: AudienceComparison
      do {
        let sandbox =
          try (seed == LumaDemoData.defaultSeed ? demo : nil)
          ?? DemoSandbox.make(seed: seed, in: context)
        comparison = AudienceComparison(
          dataName: name,
          answer: try sandbox.audience(expression: SegmentExpressionSource(value: answer)),
          reference: try sandbox.audience(expression: SegmentExpressionSource(value: reference)))
      } catch {
        return (
          Finding(
            message: "Your expression could not be evaluated: \(error.localizedDescription)",
            location: location),
          notes
        )
      }
      if let finding = comparison.finding(
        location: location,
        hint: seed == LumaDemoData.defaultSeed
          ? "Compare with 'aep-lab segment estimate --pql ...', then 'aep-lab hint \(exercise)'."
          : "An answer that fits only the visible profiles (a list of ids, say) fails here: "
            + "describe who qualifies, not who they are.")
      {
        return (finding, notes)
      }
      notes.append("On \(name): \(comparison.reference.count) profiles, the same as the reference.")
    }
    return (nil, notes)
  }
}
