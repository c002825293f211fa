import Foundation
import Identities
import LabCore
import Persistence
import Sandbox

/// One NDJSON line ingested into a fresh sandbox as a CRM profile record: the ingest either
/// refuses it with a reason, or accepts it and its profile can then be looked up (what is
/// accepted is usable).
public enum IngestLineFuzzTarget {
  /// The dataset's schema: `crm` is the primary CRMID, `email` an Email.
  static let schema = DatasetSchema(
    name: "CRM", recordClass: .profile,
    identities: [
      .init(path: "crm", namespace: "CRMID", primary: true),
      .init(path: "email", namespace: "Email"),
    ])

  /// Runs one input.
  public static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count <= 128 * 1024, !bytes.contains(0x0A),
      let database = try? LabDatabase.inMemory()
    else { return }
    let sandbox = Sandbox(database: database)
    let records = DatasetRecords(schema: schema, ndjson: Data(bytes), source: "fuzz.ndjson")
    guard let report = try? sandbox.ingest([records]), report.accepted == 1 else { return }
    guard let record = try? JSONParser.parse(bytes) else {
      FuzzOracle.require(false, "ingest accepted a line the JSON reader refuses")
      return
    }
    guard case .string(let crm)? = record["crm"] else { return }
    do {
      _ = try sandbox.profile(namespace: "CRMID", id: crm)
    } catch {
      FuzzOracle.require(false, "an accepted record's profile cannot be looked up: \(error)")
    }
  }
}
