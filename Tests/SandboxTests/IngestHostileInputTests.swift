import Foundation
import Identities
import LabCore
import Persistence
import Testing

@testable import Sandbox

/// What ingest accepts can be served back (issue 14, cases 4 to 10): what could not is refused
/// with its line and reason.
@Suite struct IngestHostileInputTests {
  private static let eventSchema = """
    {"name": "Web", "class": "experienceevent", "identities": [
      {"path": "email", "namespace": "email", "primary": true}]}
    """

  /// Ingests `lines` (or `bytes`) with `schema` and returns the report's codes by line.
  private func ingest(
    _ bytes: [UInt8], schema: String = SandboxFixture.crmSchema, file: String = "data.ndjson",
    replacingInvalidUTF8: Bool = false, sandbox: Sandbox? = nil
  ) throws -> (IngestReport, [Int: String], Sandbox) {
    let folder = try TemporaryFolder()
    let schemaPath = try folder.write("schema.json", schema)
    let dataPath = folder.path(file)
    try Data(bytes).write(to: URL(fileURLWithPath: dataPath))
    let sandbox = try sandbox ?? SandboxFixture.sandbox()
    let report = try sandbox.ingest(
      path: dataPath, schemaPath: schemaPath, replacingInvalidUTF8: replacingInvalidUTF8)
    let codes = Dictionary(
      uniqueKeysWithValues: report.batches[0].rejections.map { ($0.line, $0.reason.code) })
    return (report, codes, sandbox)
  }

  /// `value` as JSON text.
  private static func text(_ value: some Encodable) throws -> String {
    String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
  }

  private func lines(_ lines: [String]) -> [UInt8] {
    Array((lines.joined(separator: "\n") + "\n").utf8)
  }

  @Test func aLoneSurrogateIsRefusedWithItsLine() throws {
    let (report, codes, _) = try ingest(
      lines([
        #"{"crm": "1", "note": "fine \ud83d\ude00"}"#, #"{"crm": "2", "note": "\ud800"}"#,
        #"{"crm": "3", "note": "\udc00x"}"#, #"{"crm": "4\ud800"}"#,
      ]))
    #expect(report.accepted == 1)
    #expect(codes == [2: "malformedJSON", 3: "malformedJSON", 4: "malformedJSON"])
  }

  @Test func aNonFiniteNumberIsRefused() throws {
    let (report, codes, sandbox) = try ingest(
      lines([
        #"{"crm": "1", "score": 1e308}"#, #"{"crm": "2", "score": 1e999}"#,
        #"{"crm": "3", "n": -1e400}"#,
      ]))
    #expect(report.accepted == 1)
    #expect(codes == [2: "malformedJSON", 3: "malformedJSON"])
    let message = report.batches[0].rejections.first?.reason.description ?? ""
    #expect(message.contains("out of range"))
    let profile = try sandbox.profile(namespace: "crmId", id: "1")
    #expect(try Self.text(profile.response).contains("score"))
  }

  @Test func invalidUTF8IsRefusedUnlessTheUserOptsIn() throws {
    var bytes = Array(#"{"crm": "1", "name": "caf"#.utf8) + [0xE9] + Array("\"}\n".utf8)
    bytes += Array(#"{"crm": "2", "name": "café"}"#.utf8) + [0x0A]
    let (refused, codes, _) = try ingest(bytes)
    #expect(refused.accepted == 1)
    #expect(codes == [1: "malformedJSON"])
    #expect(refused.batches[0].rejections[0].reason.description.contains("UTF-8"))
    let (repaired, _, sandbox) = try ingest(bytes, replacingInvalidUTF8: true)
    #expect(repaired.accepted == 2)
    let profile = try sandbox.profile(namespace: "crmId", id: "1")
    #expect(try Self.text(profile.response).contains("caf\u{FFFD}"))
  }

  @Test func aLeadingByteOrderMarkIsSkipped() throws {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    let (report, codes, _) = try ingest(bom + lines([#"{"crm": "1"}"#, #"{"crm": "2"}"#]))
    #expect(report.accepted == 2)
    #expect(codes.isEmpty)
    let (array, arrayCodes, _) = try ingest(
      bom + Array(#"[{"crm": "1"}, {"crm": "2"}]"#.utf8), file: "data.json")
    #expect(array.accepted == 2)
    #expect(arrayCodes.isEmpty)
  }

  @Test func aJSONArrayFileReportsTheLineEachElementStartsOn() throws {
    let text = """
      [
        {"crm": "1"},

        {"crm": "anonymous"},
        {
          "crm": "2",
          "email": ""
        }
      ]
      """
    let (report, codes, _) = try ingest(Array(text.utf8), file: "data.json")
    #expect(report.accepted == 1)
    #expect(codes == [4: "placeholderIdentity", 5: "emptyIdentity"])
  }

  @Test func nullMeansAbsent() throws {
    let (report, codes, sandbox) = try ingest(
      lines([
        #"{"crm": "1", "email": null}"#, #"{"crm": "2", "identityMap": null}"#,
        #"{"crm": "3", "identityMap": {"Email": null}}"#,
        #"{"crm": "4", "identityMap": {"Email": [{"id": null}]}}"#, #"{"crm": null}"#,
      ]))
    #expect(report.accepted == 3)
    // An entry whose id is null is an entry without an id, as if the key were left out.
    #expect(codes == [4: "malformedIdentityMap", 5: "noIdentity"])
    #expect(try Self.text(sandbox.profile(namespace: "crmId", id: "1").response).contains("crm"))
  }

  @Test func identityValuesWithControlCharactersAreRefused() throws {
    let (report, codes, _) = try ingest(
      lines([
        #"{"crm": "a\tb"}"#, #"{"crm": "a\u0000b"}"#, #"{"crm": "ok", "email": "x\ny@z.com"}"#,
        #"{"crm": "fine"}"#,
      ]))
    #expect(report.accepted == 1)
    #expect(codes.values.allSatisfy { $0 == "controlCharacterInIdentity" } && codes.count == 3)
  }

  @Test func eventTimestampsMustBeISODateTimes() throws {
    let events = [
      #"{"_id": "e1", "timestamp": "2026-05-01T10:00:00Z", "email": "a@b.com"}"#,
      #"{"_id": "e2", "timestamp": "2026-05-01T10:00:00.250+02:00", "email": "a@b.com"}"#,
      #"{"_id": "e3", "timestamp": 1777777777000, "email": "a@b.com"}"#,
      #"{"_id": "e4", "timestamp": "2026-05-01", "email": "a@b.com"}"#,
      #"{"_id": "e5", "timestamp": "2026-05-01T10:00:00", "email": "a@b.com"}"#,
      #"{"_id": "e6", "timestamp": null, "email": "a@b.com"}"#,
    ]
    let (report, codes, _) = try ingest(lines(events), schema: Self.eventSchema)
    #expect(report.accepted == 2)
    #expect(
      codes == [
        3: "invalidTimestamp", 4: "invalidTimestamp", 5: "invalidTimestamp",
        6: "missingTimestamp",
      ])
  }

  @Test func namespaceCodesWithControlCharactersOrSpacesAreRefused() throws {
    let sandbox = try SandboxFixture.sandbox()
    for code in ["Tab\tCode", "Nul\u{0}Code", "Two Words", "Line\nBreak"] {
      #expect(throws: SandboxError.self) {
        try sandbox.createNamespace(code: code, name: "N \(code.count)", type: "CROSS_DEVICE")
      }
    }
    #expect(throws: SandboxError.self) {
      try sandbox.createNamespace(code: "Fine", name: "Bad\u{0}Name", type: "CROSS_DEVICE")
    }
    _ = try sandbox.createNamespace(code: "loyalty-id_2.x", name: "Loyalty", type: "CROSS_DEVICE")
  }
}
