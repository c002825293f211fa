import Testing

@testable import LabCore

@Suite struct SuggestionTests {
  @Test(arguments: [
    ("chek", "check"), ("statsu", "status"), ("hnt", "hint"), ("exercise-12", "exercise-11"),
  ])
  func typoFindsTheIntendedWord(typo: String, expected: String) {
    let words = ["check", "status", "hint", "start", "exercise-11"]
    #expect(Suggestion.closest(to: typo, in: words) == expected)
  }

  @Test func unrelatedWordHasNoSuggestion() {
    #expect(Suggestion.closest(to: "banana", in: ["check", "hint"]) == nil)
  }

  @Test func transpositionCountsOnce() {
    #expect(Suggestion.editDistance("ab", "ba") == 1)
  }
}
