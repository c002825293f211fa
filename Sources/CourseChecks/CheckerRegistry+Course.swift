import Curriculum

extension CheckerRegistry {
  /// The standard checkers plus those that judge by effect on the engine: what the CLI and
  /// `aep-lab dev check` use.
  public static var course: CheckerRegistry {
    var registry = CheckerRegistry.standard
    registry.register(JourneyChecker.self)
    registry.register(IdentitiesChecker.self)
    registry.register(ProfileFactsChecker.self)
    registry.register(PQLAudienceChecker.self)
    registry.register(SegmentJobChecker.self)
    registry.register(ProfileRequestChecker.self)
    registry.register(EventsRequestChecker.self)
    registry.register(SegmentDefinitionChecker.self)
    registry.register(SegmentExportChecker.self)
    return registry
  }
}
