/// Finds the closest known word to a misspelt one, for "did you mean" messages.
///
/// For example:
///
/// ```swift
/// Suggestion.closest(to: "chek", in: ["check", "hint"])  // "check"
/// ```
public enum Suggestion {
  /// The candidate nearest to `word` by edit distance, if it is near enough to be a likely typo.
  ///
  /// A candidate counts when its distance is at most a third of the longer word's length (at
  /// least 1), or when one word is a case-insensitive prefix of the other.
  public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
    let lowered = word.lowercased()
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(lowered, candidate.lowercased())
      if best == nil || distance < best?.distance ?? .max {
        best = (candidate, distance)
      }
    }
    guard let best else { return nil }
    let limit = max(1, max(word.count, best.candidate.count) / 3)
    let lowerCandidate = best.candidate.lowercased()
    let isPrefix =
      !lowered.isEmpty && (lowerCandidate.hasPrefix(lowered) || lowered.hasPrefix(lowerCandidate))
    return best.distance <= limit || isPrefix ? best.candidate : nil
  }

  /// The Damerau–Levenshtein (optimal string alignment) distance between two strings.
  public static func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let a = Array(lhs.unicodeScalars)
    let b = Array(rhs.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, previousPrevious[j - 2] + 1)
        }
        current[j] = value
      }
      (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return previous[b.count]
  }
}
