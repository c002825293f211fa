import Foundation

/// One dataset to ingest: where its records are and its schema file, if any.
struct IngestSource: Sendable {
  /// The records file.
  var recordsPath: String
  /// The schema file, if any.
  var schemaPath: String?

  /// The datasets found at `path`: a file, a dataset folder, or a folder of dataset folders
  /// (in name order).
  static func resolve(_ path: String, schemaPath: String?) throws(SandboxError) -> [IngestSource] {
    let files = FileManager.default
    var isFolder: ObjCBool = false
    guard files.fileExists(atPath: path, isDirectory: &isFolder) else { throw .pathNotFound(path) }
    guard isFolder.boolValue else {
      return [IngestSource(recordsPath: path, schemaPath: schemaPath)]
    }
    if let source = datasetFolder(path) { return [source] }
    let children = ((try? files.contentsOfDirectory(atPath: path)) ?? []).sorted()
    let sources = children.compactMap {
      datasetFolder((path as NSString).appendingPathComponent($0))
    }
    guard !sources.isEmpty else { throw .nothingToIngest(path) }
    return sources
  }

  /// The dataset in `folder` when it has a `schema.json` and a records file.
  static func datasetFolder(_ folder: String) -> IngestSource? {
    let files = FileManager.default
    let schema = (folder as NSString).appendingPathComponent("schema.json")
    guard files.fileExists(atPath: schema) else { return nil }
    for name in ["records.ndjson", "records.jsonl", "records.json"] {
      let records = (folder as NSString).appendingPathComponent(name)
      if files.fileExists(atPath: records) {
        return IngestSource(recordsPath: records, schemaPath: schema)
      }
    }
    return nil
  }
}
