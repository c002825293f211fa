/// A disjoint-set forest (union-find) over dense integer elements.
///
/// Union by size and path halving make ``find(_:)`` and ``union(_:_:)`` nearly constant time.
/// Besides the usual operations it keeps each set's members on a circular list, so a set can be
/// walked with ``members(of:)`` and a group of sets can be ``reset(_:)`` and rebuilt after a
/// deletion (union-find cannot split a set by itself).
///
/// For example:
///
/// ```swift
/// var sets = DisjointSet()
/// let a = sets.makeSet(), b = sets.makeSet()
/// sets.union(a, b)
/// sets.find(a) == sets.find(b)  // true
/// ```
public struct DisjointSet: Sendable {
  private var parent: [Int32] = []
  private var size: [Int32] = []
  private var next: [Int32] = []

  /// Creates an empty forest, reserving room for `capacity` elements.
  public init(capacity: Int = 0) {
    parent.reserveCapacity(capacity)
    size.reserveCapacity(capacity)
    next.reserveCapacity(capacity)
  }

  /// Reserves room for `capacity` elements in all.
  public mutating func reserveCapacity(_ capacity: Int) {
    parent.reserveCapacity(capacity)
    size.reserveCapacity(capacity)
    next.reserveCapacity(capacity)
  }

  /// The number of elements.
  public var count: Int { parent.count }

  /// Adds an element in a set of its own and returns it.
  @discardableResult
  public mutating func makeSet() -> Int32 {
    let element = Int32(parent.count)
    parent.append(element)
    size.append(1)
    next.append(element)
    return element
  }

  /// The representative of the set holding `element`.
  @inlinable
  public mutating func find(_ element: Int32) -> Int32 {
    var current = element
    while true {
      let up = parentOf(current)
      if up == current { return current }
      let grand = parentOf(up)
      setParent(current, grand)
      current = grand
    }
  }

  @usableFromInline
  func parentOf(_ element: Int32) -> Int32 { parent[Int(element)] }

  @usableFromInline
  mutating func setParent(_ element: Int32, _ value: Int32) { parent[Int(element)] = value }

  /// Joins the sets of `a` and `b`; returns the new representative, or `nil` when they were
  /// already one set.
  @discardableResult
  public mutating func union(_ a: Int32, _ b: Int32) -> Int32? {
    var rootA = find(a)
    var rootB = find(b)
    if rootA == rootB { return nil }
    if size[Int(rootA)] < size[Int(rootB)] { swap(&rootA, &rootB) }
    parent[Int(rootB)] = rootA
    size[Int(rootA)] += size[Int(rootB)]
    // Splice the two circular member lists into one.
    let afterA = next[Int(rootA)]
    next[Int(rootA)] = next[Int(rootB)]
    next[Int(rootB)] = afterA
    return rootA
  }

  /// The number of elements in the set holding `element`.
  public mutating func setSize(of element: Int32) -> Int {
    Int(size[Int(find(element))])
  }

  /// Every element of the set holding `element`, starting with `element`.
  public func members(of element: Int32) -> [Int32] {
    var result = [element]
    var current = next[Int(element)]
    while current != element {
      result.append(current)
      current = next[Int(current)]
    }
    return result
  }

  /// Calls `body` with each member of the set holding `element`, `element` first, without
  /// making an array.
  @inline(__always)
  public func forEachMember(of element: Int32, _ body: (Int32) -> Void) {
    var current = element
    repeat {
      body(current)
      current = next[Int(current)]
    } while current != element
  }

  /// Makes each of `elements` a set of its own again.
  ///
  /// Pass whole sets only (every member of each set touched): a member left out would still
  /// point into the reset ones.
  public mutating func reset(_ elements: [Int32]) {
    for element in elements {
      parent[Int(element)] = element
      size[Int(element)] = 1
      next[Int(element)] = element
    }
  }
}
