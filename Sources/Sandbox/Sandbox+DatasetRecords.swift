import LabCore
import Persistence

extension Sandbox {
  /// The records of the dataset named or identified by `key`, as stored, in ingestion order:
  /// what a dataset preview shows (an export's rows, say).
  public func datasetRecords(_ key: String) throws(SandboxError) -> [JSONValue] {
    let dataset = try dataset(key, in: datasets())
    let texts = try storage { () throws(PersistenceError) in
      try store.recordJSON(datasetID: dataset.id)
    }
    return texts.compactMap { try? JSONParser.parse($0) }
  }
}
