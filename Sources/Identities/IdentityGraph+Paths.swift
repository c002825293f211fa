extension IdentityGraph {
  /// The shortest chain of links from `start` to `end`, or `nil` when none joins them.
  ///
  /// With `includingRemoved`, links removed by the graph limit or the linking rules count too,
  /// which shows what used to connect two identities.
  public func path(from start: Identity, to end: Identity, includingRemoved: Bool = false)
    -> [IdentityLink]?
  {
    guard let source = vertex(of: start), let target = vertex(of: end) else { return nil }
    if source == target { return [] }
    var previous: [Int32: Int32] = [source: -1]
    var queue = [source]
    var head = 0
    while head < queue.count {
      let vertex = queue[head]
      head += 1
      var found = false
      forEachLink(of: vertex) { link in
        guard !found, includingRemoved || linkState[Int(link)] == .active else { return }
        let other = linkEnds[Int(link)].other(than: vertex)
        guard previous[other] == nil else { return }
        previous[other] = link
        if other == target { found = true }
        queue.append(other)
      }
      if found { break }
    }
    guard previous[target] != nil else { return nil }
    var chain: [IdentityLink] = []
    var vertex = target
    while vertex != source, let link = previous[vertex], link >= 0 {
      var step = self.link(at: link)
      let other = linkEnds[Int(link)].other(than: vertex)
      step.from = identities[Int(other)]
      step.to = identities[Int(vertex)]
      chain.append(step)
      vertex = other
    }
    return chain.reversed()
  }
}
