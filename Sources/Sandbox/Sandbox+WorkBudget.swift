import LabCore

extension Sandbox {
  /// Throws when `budget` (the ``WorkBudget`` in force, read once before a loop) was stopped:
  /// long loops over profiles call this once per profile.
  public static func check(_ budget: WorkBudget?) throws(SandboxError) {
    guard let budget, budget.isStopped else { return }
    throw .invalidRequest(
      "The evaluation was stopped: \(budget.reason ?? "its budget ran out"). Narrow the "
        + "expression or the data, then try again.")
  }
}
