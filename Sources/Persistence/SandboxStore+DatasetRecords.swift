import GRDB

extension SandboxStore {
  /// The JSON of every record stored in the dataset with id `datasetID`, in ingestion order.
  public func recordJSON(datasetID: String) throws(PersistenceError) -> [String] {
    try database.read("read the dataset's records") { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT r.json FROM sandbox_record r
          JOIN sandbox_batch b ON b.number = r.batch
          WHERE b.dataset_id = ?
          ORDER BY r.batch, r.line
          """,
        arguments: [datasetID])
    }
  }
}
