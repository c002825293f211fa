/// One link's two identities (vertices), and the next link on each end's list of links.
///
/// Each vertex's links form a singly linked list threaded through the links themselves: a
/// vertex keeps its first link, and each link keeps, for each of its ends, that end's next
/// link. The four numbers sit together in 16 bytes, so walking a list reads one cache line per
/// link.
struct LinkEnds: Sendable {
  /// One end.
  var a: Int32
  /// The other end.
  var b: Int32
  /// The next link of `a`, or -1.
  var nextA: Int32
  /// The next link of `b`, or -1.
  var nextB: Int32

  /// The next link on `vertex`'s list (`vertex` is one of the ends).
  @inline(__always)
  func next(after vertex: Int32) -> Int32 { a == vertex ? nextA : nextB }

  /// The end that is not `vertex`.
  @inline(__always)
  func other(than vertex: Int32) -> Int32 { a == vertex ? b : a }
}
