import Testing

@testable import Profiles

@Suite struct MergePolicySetTests {
  func policy(_ name: String, isDefault: Bool = false, edge: Bool = false) -> MergePolicy {
    MergePolicy(
      id: name, name: name, attributeMerge: .timestampOrdered, identityGraph: .none,
      isDefault: isDefault,
      isActiveOnEdge: edge)
  }

  @Test func aSandboxStartsWithTheBuiltInDefault() {
    let set = MergePolicySet()
    #expect(set.policies == [.builtInDefault])
    #expect(set.defaultPolicy.attributeMerge == .timestampOrdered)
    #expect(set.defaultPolicy.identityGraph == .pdg)
  }

  @Test func atMostFivePolicies() throws {
    var set = MergePolicySet()
    for index in 1...4 { try set.add(policy("p\(index)")) }
    #expect(throws: ProfileError.tooManyMergePolicies(limit: 5)) { try set.add(policy("p5")) }
  }

  @Test func oneDefaultAndOneActiveOnEdge() throws {
    var set = MergePolicySet()
    try set.add(policy("edge", edge: true))
    try set.add(policy("new default", isDefault: true, edge: true))
    #expect(set.policies.filter(\.isDefault).map(\.name) == ["new default"])
    #expect(set.policies.filter(\.isActiveOnEdge).map(\.name) == ["new default"])
    try set.setDefault("edge", epoch: 1)
    #expect(set.defaultPolicy.name == "edge")
  }

  @Test func theDefaultAndTheEdgePolicyCannotBeDeleted() throws {
    var set = MergePolicySet()
    try set.add(policy("edge", edge: true))
    #expect(throws: ProfileError.defaultCannotBeDeleted("Default Timebased")) {
      try set.delete(MergePolicy.builtInDefaultID)
    }
    #expect(throws: ProfileError.activeOnEdgeCannotBeDeleted("edge")) { try set.delete("EDGE") }
    #expect(throws: ProfileError.duplicateMergePolicyName("Edge")) { try set.add(policy("Edge")) }
  }
}

@Suite struct MergePolicySetReplaceTests {
  private func policy(_ name: String, isDefault: Bool = false) -> MergePolicy {
    MergePolicy(
      id: name.lowercased(), name: name, attributeMerge: .timestampOrdered, identityGraph: .none,
      isDefault: isDefault)
  }

  @Test func replacementKeepsTheIDAndTakesTheDefaultRole() throws {
    var set = MergePolicySet()
    try set.add(policy("Other"))
    var replacement = policy("Renamed", isDefault: true)
    replacement.id = "ignored"
    let updated = try set.replace("Other", with: replacement, epoch: 42)
    #expect(updated.id == "other")
    #expect(updated.version == 2)
    #expect(set.defaultPolicy.id == "other")
    #expect(set.policies.filter(\.isDefault).count == 1)
  }

  @Test func theDefaultCannotStopBeingTheDefault() throws {
    var set = MergePolicySet()
    let current = set.defaultPolicy
    var replacement = current
    replacement.isDefault = false
    #expect(throws: ProfileError.defaultCannotBeUnset(current.name)) {
      try set.replace(current.id, with: replacement, epoch: 1)
    }
  }

  @Test func aNameTakenByAnotherPolicyIsRefused() throws {
    var set = MergePolicySet()
    try set.add(policy("Other"))
    #expect(throws: ProfileError.duplicateMergePolicyName(set.defaultPolicy.name)) {
      try set.replace("Other", with: policy(set.defaultPolicy.name), epoch: 1)
    }
  }
}
