import Testing

@testable import Identities

@Suite struct DisjointSetTests {
  @Test func unionJoinsSetsAndFindAgrees() {
    var sets = DisjointSet()
    let a = sets.makeSet()
    let b = sets.makeSet()
    let c = sets.makeSet()
    #expect(sets.union(a, b) != nil)
    #expect(sets.find(a) == sets.find(b))
    #expect(sets.find(a) != sets.find(c))
    #expect(sets.union(b, a) == nil)
    #expect(sets.setSize(of: b) == 2)
  }

  @Test func membersListsEverySetMemberOnce() {
    var sets = DisjointSet()
    let elements = (0..<6).map { _ in sets.makeSet() }
    sets.union(elements[0], elements[1])
    sets.union(elements[2], elements[3])
    sets.union(elements[1], elements[3])
    #expect(Set(sets.members(of: elements[2])) == Set(elements[0...3]))
    #expect(sets.members(of: elements[4]) == [elements[4]])
  }

  @Test func resetSplitsAWholeSetBackIntoSingletons() {
    var sets = DisjointSet()
    let elements = (0..<3).map { _ in sets.makeSet() }
    sets.union(elements[0], elements[1])
    sets.union(elements[1], elements[2])
    sets.reset(elements)
    sets.union(elements[0], elements[1])
    #expect(sets.find(elements[0]) == sets.find(elements[1]))
    #expect(sets.find(elements[2]) != sets.find(elements[0]))
    #expect(sets.members(of: elements[2]) == [elements[2]])
  }
}
