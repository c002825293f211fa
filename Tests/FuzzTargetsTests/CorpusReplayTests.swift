import Foundation
import FuzzTargets
import Testing

/// Every input of the fuzz corpora (the seeds, and each finding kept as a regression) runs
/// through its target without breaking an oracle.
@Suite struct CorpusReplayTests {
  /// `Fuzz/corpus/<target>` in the repository.
  private static func corpus(_ target: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Fuzz/corpus/\(target)").path
  }

  @Test func thePQLParserCorpusReplays() {
    #expect(FuzzReplay.run([Self.corpus("FuzzPQLParser")], through: PQLParserFuzzTarget.run) > 5)
  }

  @Test func thePQLJSONCorpusReplays() {
    #expect(FuzzReplay.run([Self.corpus("FuzzPQLJSON")], through: PQLJSONFuzzTarget.run) > 3)
  }

  @Test func theJSONReaderCorpusReplays() {
    #expect(FuzzReplay.run([Self.corpus("FuzzJSONReader")], through: JSONReaderFuzzTarget.run) > 5)
  }

  @Test func theIngestLineCorpusReplays() {
    #expect(FuzzReplay.run([Self.corpus("FuzzIngestLine")], through: IngestLineFuzzTarget.run) > 5)
  }

  @Test func theRequestFileCorpusReplays() {
    #expect(
      FuzzReplay.run([Self.corpus("FuzzRequestFile")], through: RequestFileFuzzTarget.run) > 3)
  }
}
