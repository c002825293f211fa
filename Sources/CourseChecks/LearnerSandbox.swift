import Curriculum
import Sandbox

/// How a checker reaches the learner's own sandbox (exercises 1, 2, 8 and 10 judge what is in it).
///
/// The CLI hands over the workspace's sandbox. `aep-lab dev check` has no learner, so it hands
/// over a fresh sandbox with the demo data where the exercise's `setup` steps (what a learner
/// would have done) are replayed first.
public struct LearnerSandbox: Sendable {
  /// Returns the sandbox to judge, given the steps a learner would have taken.
  public var open: @Sendable ([WorkStep]) throws(SandboxError) -> Sandbox

  /// Creates the capability from a function returning the sandbox.
  public init(open: @escaping @Sendable ([WorkStep]) throws(SandboxError) -> Sandbox) {
    self.open = open
  }

  /// The learner's workspace sandbox, as it is.
  public static func workspace(_ sandbox: Sandbox) -> LearnerSandbox {
    LearnerSandbox { _ in sandbox }
  }

  /// A fresh demo sandbox with the steps replayed: what `dev check` judges solutions on.
  public static var replayed: LearnerSandbox {
    LearnerSandbox { steps throws(SandboxError) in
      let sandbox = try DemoSandbox.make(seed: LumaDemoData.defaultSeed)
      for step in steps { try step.replay(on: sandbox) }
      return sandbox
    }
  }
}

/// The capability key under which the learner's sandbox is provided.
public enum LearnerSandboxKey: CheckContextKey {
  /// The capability's type.
  public typealias Value = LearnerSandbox
}
