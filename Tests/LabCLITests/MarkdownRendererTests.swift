import Testing

@testable import LabCLI

@Suite struct MarkdownRendererTests {
  let plain = Console.capturing(width: 40)

  @Test func headingsAreUnderlinedAndParagraphsWrapped() {
    let text = MarkdownRenderer(console: plain).render(
      "# Title\n\nOne two three four five six seven eight nine ten eleven twelve.\n")
    #expect(
      text == "Title\n═════\n\nOne two three four five six seven eight\nnine ten eleven twelve.\n")
  }

  @Test func listsHangTheirContinuationLines() {
    let text = MarkdownRenderer(console: plain).render(
      "- a first item that is long enough to wrap around\n- second\n\n1. one\n2. two\n")
    #expect(
      text
        == "• a first item that is long enough to\n  wrap around\n• second\n\n1. one\n2. two\n")
  }

  @Test func tablesAreAlignedAndCodeBlocksIndented() {
    let text = MarkdownRenderer(console: plain).render(
      "| A | Longer |\n|---|---|\n| x | `y` |\n\n```\nlet x = 1\n```\n")
    #expect(text == "A  Longer\nx  y\n\n    let x = 1\n")
  }

  @Test func tooWideTablesBecomeRecords() {
    let text = MarkdownRenderer(console: Console.capturing(width: 20)).render(
      "| Name | Description |\n|---|---|\n| ECID | the Experience Cloud ID of a browser |\n")
    #expect(text.contains("  Name: ECID\n"))
    #expect(text.contains("  Description: the\n"))
  }

  @Test func emphasisCodeAndLinksAreStyledOnlyWithColour() {
    let source = "Some **bold**, *italic*, `code` and [a link](https://x.test)."
    #expect(
      MarkdownRenderer(console: plain).render(source)
        == "Some bold, italic, code and a link\n(https://x.test).\n")
    let coloured = MarkdownRenderer(console: Console.capturing(width: 80, color: true)).render(
      source)
    #expect(coloured.contains("\u{1B}[1mbold\u{1B}[0m"))
    #expect(coloured.contains("\u{1B}[36mcode\u{1B}[0m"))
    #expect(coloured.contains("\u{1B}[4ma\u{1B}[0m"))
  }

  @Test func snakeCaseUnderscoresAreNotEmphasis() {
    let text = MarkdownRenderer(console: plain).render("Use entity_id_ns here.")
    #expect(text == "Use entity_id_ns here.\n")
  }

  @Test func blockQuotesGetABar() {
    let text = MarkdownRenderer(console: plain).render("> Note this.\n")
    #expect(text == "│ Note this.\n")
  }
}
