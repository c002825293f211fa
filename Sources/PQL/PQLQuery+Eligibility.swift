extension PQLQuery {
  /// The methods this expression qualifies for, assuming audiences it references through
  /// `inSegment` are not known to be profile-only.
  public var eligibility: PQLEligibility { eligibility(profileOnlyAudience: { _ in false }) }

  /// Whether the expression reads profile attributes only: no `xEvent` and no `inSegment`.
  ///
  /// The segmentation service uses this to answer ``eligibility(profileOnlyAudience:)`` for
  /// audiences that other audiences reference.
  public var isProfileOnly: Bool {
    var facts = EligibilityFacts()
    facts.visit(node, inConjunction: true)
    return facts.eventReferences == 0 && facts.segmentIDs.isEmpty && !facts.dynamicSegment
  }

  /// The segment ids this expression reads through `inSegment("...")` literals.
  public var referencedSegmentIDs: [String] {
    var facts = EligibilityFacts()
    facts.visit(node, inConjunction: true)
    return facts.segmentIDs
  }

  /// The methods this expression qualifies for; `profileOnlyAudience` says whether a referenced
  /// audience (by segment id) uses profile attributes only.
  public func eligibility(
    profileOnlyAudience: (String) -> Bool
  ) -> PQLEligibility {
    var facts = EligibilityFacts()
    facts.visit(node, inConjunction: true)
    let batchOnly = { (reason: String) in
      PQLEligibility(batch: .eligible, streaming: .ineligible(reason), edge: .ineligible(reason))
    }
    if case .not = node, facts.eventReferences > 0 {
      return batchOnly(
        "The whole expression is a negation of an event condition; streaming and edge need a positive condition."
      )
    }
    switch (facts.eventReferences > 0, !facts.segmentIDs.isEmpty || facts.dynamicSegment) {
    case (false, false):
      return PQLEligibility(batch: .eligible, streaming: .eligible, edge: .eligible)
    case (true, false):
      if facts.unwindowedEvents > 0 {
        return batchOnly(
          "It reads events without a time window of 24 hours or less (for example 'WHEN(today)' or 'occurs <= 24 hours before now')."
        )
      }
      return PQLEligibility(batch: .eligible, streaming: .eligible, edge: .eligible)
    case (false, true):
      guard !facts.segmentOutsideConjunction, !facts.dynamicSegment else {
        return batchOnly(
          "It uses 'inSegment' inside 'or', 'not' or another expression; only 'inSegment' conditions joined by 'and' qualify."
        )
      }
      let streaming: PQLEligibility.Verdict =
        facts.segmentIDs.allSatisfy(profileOnlyAudience)
        ? .eligible
        : .ineligible(
          "It refers to other audiences with 'inSegment'; streaming needs every referenced audience to use profile attributes only."
        )
      return PQLEligibility(batch: .eligible, streaming: streaming, edge: .eligible)
    case (true, true):
      return batchOnly(
        "It combines event conditions with 'inSegment'; combine separate audiences instead.")
    }
  }
}
